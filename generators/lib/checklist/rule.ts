// How a rule is written: data (id, section, title, source) plus a check (auto) or what to look at (person).
import { citation, type DocTopic } from '../catalog/index.js';
import type { Manifest } from '../manifest/types.js';
import type { ChecklistItem, ChecklistOptions, ItemSource, ProjectView, SecretFinding, SectionId } from './types.js';

export interface RuleContext { manifest: Manifest; project: ProjectView; opts: ChecklistOptions }

export type Outcome =
  | { ok: true; reason?: string; details?: string[]; findings?: SecretFinding[] }
  | { ok: false; reason: string; fix: string; details?: string[]; findings?: SecretFinding[] };

type Text = string | ((ctx: RuleContext) => string);

interface RuleBase {
  /** Stable id: `<section>.<rule>`. */
  id: string;
  section: SectionId;
  title: Text;
  source: ItemSource;
  /** When false, the rule does not apply to this app and gives no item. */
  applies?: (ctx: RuleContext) => boolean;
}
export interface AutoRule extends RuleBase { kind: 'auto'; check: (ctx: RuleContext) => Outcome }
export interface PersonRule extends RuleBase { kind: 'person'; lookAt: Text }
/** A rule that yields any number of items (one per page, say), or decides its kind at run time. */
export interface ManyRule { id: string; section: SectionId; kind: 'many'; items: (ctx: RuleContext) => ChecklistItem[] }
export type Rule = AutoRule | PersonRule | ManyRule;

export const pass = (reason?: string, details?: string[]): Outcome => ({ ok: true, ...(reason ? { reason } : {}), ...(details?.length ? { details } : {}) });
export const fail = (reason: string, fix: string, details?: string[]): Outcome => ({ ok: false, reason, fix, ...(details?.length ? { details } : {}) });

export const commerce7 = (topic: DocTopic): ItemSource => ({ by: 'commerce7', where: citation(topic) });
export const ADVICE: ItemSource = { by: 'advice' };

const text = (t: Text, ctx: RuleContext) => (typeof t === 'function' ? t(ctx) : t);

/** An item from the outcome of an auto check. */
export function autoItem(id: string, section: SectionId, title: string, source: ItemSource, o: Outcome): ChecklistItem {
  return {
    id, section, kind: 'auto', status: o.ok ? 'pass' : 'fail', title,
    ...(o.reason ? { reason: o.reason } : {}),
    ...(!o.ok ? { fix: o.fix } : {}),
    ...(o.details?.length ? { details: o.details } : {}),
    ...(o.findings ? { findings: o.findings } : {}),
    source,
  };
}

export function personItem(id: string, section: SectionId, title: string, source: ItemSource, lookAt: string): ChecklistItem {
  return { id, section, kind: 'person', status: 'person', title, lookAt, source };
}

export function runRule(rule: Rule, ctx: RuleContext): ChecklistItem[] {
  if (rule.kind === 'many') return rule.items(ctx);
  if (rule.applies && !rule.applies(ctx)) return [];
  const title = text(rule.title, ctx);
  if (rule.kind === 'person') return [personItem(rule.id, rule.section, title, rule.source, text(rule.lookAt, ctx))];
  return [autoItem(rule.id, rule.section, title, rule.source, rule.check(ctx))];
}

// Small helpers the rules share.
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isBlank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';
export const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
export const quote = (s: string): string => `"${s}"`;
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
export function isHttpUrl(v: string | undefined): boolean {
  if (!v) return false;
  try { return ['http:', 'https:'].includes(new URL(v).protocol); } catch { return false; }
}
