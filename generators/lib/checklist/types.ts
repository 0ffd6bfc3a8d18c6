// The checklist's data: items produced by rules over the manifest and a view of the project's files.

/**
 * The project as the rules see it. Paths are relative to the project root (the folder of c7-app.json), with "/".
 * The project generator implements it over its in-memory files; `diskProject` over a folder on disk.
 */
export interface ProjectView {
  exists(relPath: string): boolean;
  /** The file's text; undefined when it does not exist or cannot be read. */
  read(relPath: string): string | undefined;
  /** The files git would track: committed, or new and not ignored. */
  listFiles(): string[];
  /** Would git ignore this path? undefined = not a git repository, or unknown (the rules then read .gitignore). */
  isIgnored(relPath: string): boolean | undefined;
}

/** Sections in the order a developer works through the App Development Center. */
export type SectionId =
  | 'app' | 'secrets' | 'api' | 'webhooks' | 'client-settings' | 'extensions' | 'installation' | 'pricing'
  | 'listing' | 'test' | 'submit' | 'data-role';

export type ItemKind = 'auto' | 'person';
export type ItemStatus = 'pass' | 'fail' | 'person';
/** Whose rule it is: Commerce7's (with the site and topic it comes from), or our advice. */
export type ItemSource = { by: 'commerce7'; where: string } | { by: 'advice' };

export interface ChecklistItem {
  /** Stable id, `<section>.<rule>` (one page of an extension adds `.<slug>`). */
  id: string;
  section: SectionId;
  kind: ItemKind;
  status: ItemStatus;
  title: string;
  /** Why it failed (auto items that fail), or what was found (auto items that pass, when useful). */
  reason?: string;
  /** How to fix a failure. */
  fix?: string;
  /** What a person should look at (person items). */
  lookAt?: string;
  /** Extra lines (e.g. one per finding), never a secret value. */
  details?: string[];
  source: ItemSource;
}

/** The outcome of running the project's own tests (`c7-app check --run-tests`). */
export interface TestRun {
  command: string;
  passed: boolean;
  exitCode: number | null;
  /** The last lines of the output, for the person reading a failure. */
  outputTail: string[];
}

export interface ChecklistOptions {
  /** When given, the "project tests pass" item is checked by the tool instead of left to a person. */
  testRun?: TestRun;
}

export interface ChecklistSummary { passed: number; failed: number; person: number; total: number }
