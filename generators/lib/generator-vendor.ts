// How a generated project depends on generator-c7-app (its dev server, emulator and `c7-app check` come from it):
//   - installed from the registry: a normal semver range (`^0.1.0`), as any dependency
//   - run from a checkout of this repository (not published yet, or a developer of the generator): the generator is
//     packed into the project as `vendor/generator-c7-app-<version>.tgz` and referenced as `file:vendor/…`, so the
//     project installs anywhere it is cloned (a `file:/abs/path/to/the/clone` would only work on this machine).
//     Which applies is decided in package-info.ts (isCheckout: the source tree is there or not).
// The tarball is the generator's, not the user's: written by `c7-app new` (and replaced by a later generator that
// upgrades the project), never edited by hand; it is not derived from c7-app.json, so `scopes --sync/--check` leave it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, type Dirent, type Stats } from 'node:fs';
import { writeFileAtomicSync } from './atomic-write.js';
import path from 'node:path';
import { PACKAGE_NAME, PACKAGE_ROOT, VENDOR_DIR, VENDOR_TARBALL } from './package-info.js';

export { isCheckout, generatorDependency, vendoredTarball, VENDOR_DIR, VENDOR_TARBALL } from './package-info.js';

// What npm never packs, wherever it is (npm-packlist's defaults), for the folders "files" names.
const NEVER_PACKED = [/^\.git$/, /^\.svn$/, /^CVS$/, /^\.hg$/, /^node_modules$/, /^\.DS_Store$/, /^\._/, /^\.npmrc$/, /^npm-debug\.log$/,
  /\.orig$/, /^\..*\.swp$/, /^\.lock-wscript$/, /^\.wafpickle-\d+$/, /^config\.gypi$/, /^package-lock\.json$/, /^yarn\.lock$/];

/** The files `npm pack` puts in the tarball: package.json, the README and licence, and every file under "files". */
export function packedFiles(root: string = PACKAGE_ROOT, files: readonly string[] = packageFiles(root)): string[] {
  return [...packedStats(root, files).keys()];
}

/**
 * packedFiles with each file's stat, sorted by path: one stat per file (the folders' entries say which are folders;
 * only a symlink is stat'ed to know), since `new` computes this on every run to key the cache.
 */
function packedStats(root: string, files: readonly string[]): Map<string, Stats> {
  const out = new Map<string, Stats>();
  const statFile = (rel: string) => {
    const st = statSync(path.join(root, rel), { throwIfNoEntry: false });
    if (st?.isFile()) out.set(rel.split(path.sep).join('/'), st);
    return st;
  };
  statFile('package.json');
  for (const name of readdirSync(root)) if (/^(readme|license|licence|copying)(\.|$)/i.test(name)) statFile(name);
  const walk = (rel: string, entries: Dirent[]) => {
    for (const e of entries) {
      if (NEVER_PACKED.some((re) => re.test(e.name))) continue;
      const child = path.join(rel, e.name);
      if (e.isDirectory()) walk(child, readdirSync(path.join(root, child), { withFileTypes: true }));
      else if (e.isFile()) statFile(child);
      else if (e.isSymbolicLink()) {
        const st = statSync(path.join(root, child), { throwIfNoEntry: false });
        if (st?.isDirectory()) walk(child, readdirSync(path.join(root, child), { withFileTypes: true }));
        else if (st?.isFile()) statFile(child);
      }
    }
  };
  for (const entry of files) {
    const rel = entry.replace(/\/+$/, '');
    const st = statSync(path.join(root, rel), { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isFile()) out.set(rel.split(path.sep).join('/'), st);
    else walk(rel, readdirSync(path.join(root, rel), { withFileTypes: true }));
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function packageFiles(root: string): string[] {
  return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { files?: string[] }).files ?? [];
}

/**
 * This (built) checkout as the tarball `npm pack` would make (package/…, npm's fixed mtime, so the same sources give
 * the same bytes and a lockfile's integrity holds), without running `prepare` (the build: dist/ is built already,
 * the bin runs from it). In-process, in memory: the generator writes it with the project's other files (atomically,
 * inside the generation journal). `npm pack --ignore-scripts` would start a child npm: measured 2.8 s wall, 0.9 s CPU
 * on this machine, against ~0.2 s here.
 */
export async function packGenerator(root: string = PACKAGE_ROOT, opts: { cache?: boolean } = {}): Promise<Buffer> {
  const stats = packedStats(root, packageFiles(root));
  const files = [...stats.keys()];
  if (opts.cache === false) return packTarball(root, files);
  // Packing (1.2 MB, gzip -9) costs a third of a second, and a checkout's files rarely change between two `new`s:
  // the tarball is kept under node_modules/.cache (as build tools do), keyed by each packed file's size and mtime.
  const key = createHash('sha1').update(JSON.stringify([...stats].map(([f, st]) => [f, st.size, st.mtimeMs]))).digest('hex').slice(0, 16);
  const dir = path.join(root, 'node_modules', '.cache', PACKAGE_NAME);
  const cached = path.join(dir, `pack-${key}.tgz`);
  if (existsSync(cached)) return readFileSync(cached);
  const tarball = await packTarball(root, files);
  try {
    mkdirSync(dir, { recursive: true });
    for (const old of readdirSync(dir)) if (/^pack-[0-9a-f]+\.tgz$/.test(old)) rmSync(path.join(dir, old), { force: true });
    writeFileAtomicSync(cached, tarball);
  } catch {
    // A read-only checkout packs each time.
  }
  return tarball;
}

async function packTarball(root: string, files: string[]): Promise<Buffer> {
  const { create: createTar } = await import('tar'); // only `new` packs: the other commands never load tar
  const chunks: Buffer[] = [];
  const stream = createTar({
    cwd: root, prefix: 'package', portable: true, gzip: { level: 9 }, noDirRecurse: true,
    mtime: new Date('1985-10-26T08:15:00.000Z'),
  }, files);
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Tarballs of other generator versions in the project's vendor/ (the project depends on one: they go). */
export function staleTarballs(projectRoot: string, keep: string = VENDOR_TARBALL): string[] {
  const dir = path.join(projectRoot, VENDOR_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => n.startsWith(`${PACKAGE_NAME}-`) && n.endsWith('.tgz') && `${VENDOR_DIR}/${n}` !== keep).map((n) => `${VENDOR_DIR}/${n}`);
}
