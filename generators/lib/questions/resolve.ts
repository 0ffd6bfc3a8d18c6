// Fills a manifest draft from, in order: CLI flags, the --answers file / the existing c7-app.json, the prompts
// (on a TTY), and defaults. Without a TTY nothing is asked: every answer still missing is reported, all at once.
import { dotted, getAt, setAt, type Draft } from './draft.js';
import { promptDefault, QUESTIONS, type Asker, type Question } from './questions.js';

export interface Missing { name: string; prompt: string; key: string; flag?: string; help?: string }

export interface ResolveInput {
  draft: Draft;
  /** Flag values by flag name (`allowed-tenants`): strings as typed, booleans for boolean flags. */
  flags: Record<string, unknown>;
  interactive: boolean;
  /** Ask again what is already answered (--ask-answered). */
  askAnswered?: boolean;
  /** Names of questions answered in an earlier run (.yo-rc.json), even when their answer left no field. */
  answered?: Iterable<string>;
  asker?: Asker;
  questions?: Question[];
  /** Called after each answer given at a prompt, with the draft so far: a run stopped part-way can keep them. */
  onAnswer?: (progress: { draft: Draft; answered: string[] }) => void;
}

export interface ResolveResult {
  draft: Draft;
  missing: Missing[];
  /** Flags whose value is wrong, each with how to fix it. */
  flagErrors: string[];
  /** Every question answered by now (stored in .yo-rc.json). */
  answered: string[];
  /** The questions put to the user in this run. */
  asked: string[];
}

const isEmpty = (value: unknown) => value === false || value === '' || (Array.isArray(value) && value.length === 0);
const clean = (value: unknown) => (value === '' || value === null ? undefined : value);

function setAnswer(q: Question, draft: Draft, value: unknown) {
  setAt(draft, q.pointer, clean(value));
  q.after?.(draft);
}

export async function resolveAnswers(input: ResolveInput): Promise<ResolveResult> {
  const questions = input.questions ?? QUESTIONS;
  const draft = structuredClone(input.draft);
  const before = new Set(input.answered ?? []);
  const answered = new Set<string>();
  const asked: string[] = [];
  const missing: Missing[] = [];
  const flagErrors: string[] = [];
  const fromFlag = new Set<string>();

  // Flags first, so conditions and defaults of later questions see them.
  for (const q of questions) {
    const raw = q.flag ? input.flags[q.flag.name] : undefined;
    if (raw === undefined || !q.flag) continue;
    try {
      const value = q.flag.kind === 'boolean' ? (q.toValue ? q.toValue(raw, draft) : raw) : q.flag.parse ? q.flag.parse(String(raw)) : raw;
      setAnswer(q, draft, value);
      fromFlag.add(q.name);
    } catch (err) {
      flagErrors.push(`--${q.flag.name}: ${(err as Error).message}`);
    }
  }

  for (const q of questions) {
    if (q.when && !q.when(draft)) continue;
    if (fromFlag.has(q.name)) {
      answered.add(q.name);
      continue;
    }
    const current = getAt(draft, q.pointer);
    const known = current !== undefined || before.has(q.name);
    if (known && !(input.askAnswered && input.interactive)) {
      answered.add(q.name);
      continue;
    }
    if (input.interactive && input.asker) {
      const seed = current ?? q.default?.(draft);
      let value: unknown;
      if (q.ask) {
        value = await q.ask(input.asker, draft, seed);
      } else {
        const answer = await input.asker({
          name: q.name,
          type: q.type ?? 'input',
          // Input prompts show their help line (e.g. how to find a tenant ID); lists describe their own choices.
          message: q.help && (q.type ?? 'input') === 'input' ? `${q.prompt}\n  (${q.help})\n ` : q.prompt,
          choices: q.choices?.(draft),
          default: promptDefault(q, seed),
          validate: q.validate ? (((a: never) => q.validate!(a, draft)) as never) : undefined,
        });
        value = q.toValue ? q.toValue(answer, draft) : typeof answer === 'string' ? answer.trim() : answer;
      }
      setAnswer(q, draft, value);
      asked.push(q.name);
      answered.add(q.name);
      input.onAnswer?.({ draft: structuredClone(draft), answered: [...before, ...answered] });
      continue;
    }
    const fallback = q.default?.(draft);
    if (fallback !== undefined) {
      // An empty default (no webhooks, no, nothing) leaves the manifest as it is: absent means the same.
      if (!isEmpty(fallback)) setAnswer(q, draft, fallback);
      else q.after?.(draft);
      answered.add(q.name);
    } else {
      missing.push({ name: q.name, prompt: q.prompt, key: dotted(q.pointer), flag: q.flag ? `--${q.flag.name}` : undefined, help: q.help });
    }
  }
  return { draft, missing, flagErrors, answered: [...answered], asked };
}

/** The message for a run without a TTY that lacks answers: every one, with the flag or key that supplies it. */
export function describeMissing(missing: Missing[]): string {
  const lines = missing.map((m) => {
    const how = [m.flag, `"${m.key}" in an --answers file`].filter(Boolean).join(' or ');
    return `  - ${m.prompt}\n      supply it with ${how}${m.help ? `\n      ${m.help}` : ''}`;
  });
  return `${missing.length} answer${missing.length === 1 ? ' is' : 's are'} missing and there is no terminal to ask:\n${lines.join('\n')}\n` +
    'Run in a terminal to be asked, or pass the flags above, or an --answers file (a full or partial c7-app.json).';
}
