// Which code stops compiling when the typed permission module changes: the project is type-checked twice, as it
// is and with the new derived files in place, and the new errors are listed (file:line) before anything is written.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface Breakage { file: string; line: number; column: number; message: string }
export type UsageReport = { checked: true; breakages: Breakage[] } | { checked: false; why: string };

type TS = typeof import('typescript');

/** The project's own TypeScript: without its dependencies installed, a type check would say nothing useful. */
function loadTypeScript(root: string): TS | undefined {
  try {
    return createRequire(path.join(root, 'package.json'))('typescript') as TS;
  } catch {
    return undefined;
  }
}

export function findBreakages(root: string, replaced: ReadonlyMap<string, string>): UsageReport {
  const configFile = path.join(root, 'tsconfig.json');
  if (!existsSync(configFile)) return { checked: false, why: 'no tsconfig.json' };
  const ts = loadTypeScript(root);
  if (!ts) return { checked: false, why: 'the project\u2019s dependencies are not installed (run npm install)' };
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, { noEmit: true }, {
    ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined,
  });
  if (!parsed) return { checked: false, why: 'tsconfig.json could not be read' };
  const overlay = new Map([...replaced].map(([rel, text]) => [path.resolve(root, rel), text]));
  const diagnose = (withOverlay: boolean) => {
    const host = ts.createCompilerHost(parsed.options);
    if (withOverlay) {
      const { readFile, fileExists, getSourceFile } = host;
      host.readFile = (f) => overlay.get(path.resolve(f)) ?? readFile(f);
      host.fileExists = (f) => overlay.has(path.resolve(f)) || fileExists(f);
      host.getSourceFile = (f, lang, onError, create) => {
        const text = overlay.get(path.resolve(f));
        return text !== undefined ? ts.createSourceFile(f, text, lang) : getSourceFile(f, lang, onError, create);
      };
    }
    const names = [...new Set([...parsed.fileNames, ...(withOverlay ? [...overlay.keys()].filter((f) => /\.tsx?$/.test(f)) : [])])];
    const program = ts.createProgram({ rootNames: names, options: { ...parsed.options, noEmit: true }, host });
    return ts.getPreEmitDiagnostics(program).filter((d) => d.file).map((d) => {
      const { line, character } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      return { file: path.relative(root, d.file!.fileName), line: line + 1, column: character + 1, message: ts.flattenDiagnosticMessageText(d.messageText, ' ') };
    });
  };
  const key = (b: Breakage) => `${b.file}|${b.message}`;
  const before = new Set(diagnose(false).map(key));
  return { checked: true, breakages: diagnose(true).filter((b) => !before.has(key(b))) };
}
