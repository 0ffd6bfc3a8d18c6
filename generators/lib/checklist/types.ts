// The checklist's data: items produced by rules over the manifest and a view of the project's files.

/**
 * What a secret was found as. Stable names: tools key on them (`c7-app check --json`).
 * env-file: a committed .env or .env.* other than .env.example; assignment: NAME=value, name: value, "name": "value";
 * basic-auth: a literal `Basic <base64 id:secret>`; base64-credentials: a bare base64 `id:secret`; env-fallback: a
 * literal after an environment lookup (`process.env.X ?? "…"`); cli-credentials: `curl -u id:secret` and the like;
 * url-password: a password in a URL's user info; bearer; private-key; manifest: a secret in c7-app.json (validate);
 * provider-token: a token of a known service, found by secretlint's recommended rules.
 */
export type SecretKind =
  | 'env-file' | 'assignment' | 'basic-auth' | 'base64-credentials' | 'env-fallback' | 'cli-credentials'
  | 'url-password' | 'bearer' | 'private-key' | 'manifest' | 'provider-token';

export interface SecretFinding {
  file: string;
  line: number;
  kind: SecretKind;
  /** What was found, with the value hidden: `C7_APP_SECRET=<hidden>`. */
  what: string;
  /** For provider-token: the secretlint rule that found it (`@secretlint/secretlint-rule-github`). */
  rule?: string;
}

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
  /** The file's size in bytes, when known without reading it (lets a scanner skip a huge file unread). */
  size?(relPath: string): number | undefined;
  /**
   * Files and folders that were listed or asked for but could not be read: a FIFO, a socket or a device, a file or
   * folder without read permission, a file too large for memory. Each is skipped, never a crash or a hang.
   */
  skipped?(): SkippedPath[];
  /**
   * Asks git now, without blocking (the listing, and whether each of `ignoredPaths` is ignored), so the answers
   * are ready when the rules ask: a caller starts it, does other work, then awaits it before the rules run.
   */
  prefetch?(ignoredPaths?: string[]): Promise<void>;
}

/** A path the project view could not read, and why (never its content). */
export interface SkippedPath { path: string; reason: string }

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
  /** The secrets items: one entry per value found (file, line, kind; never the value), for tools that gate on them. */
  findings?: SecretFinding[];
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
  /**
   * The secrets scan, when the caller ran it already (`c7-app check` adds secretlint's findings, which is
   * asynchronous); otherwise the rule scans the project with our rules alone.
   */
  secretScan?: { findings: SecretFinding[]; skipped: SkippedPath[] };
}

export interface ChecklistSummary { passed: number; failed: number; person: number; total: number }
