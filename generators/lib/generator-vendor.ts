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
  const out: string[] = [];
  walkPacked(root, files, (rel) => out.push(rel));
  return [...new Set(out)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Calls `visit` with each packed file (its path with `/`) and its stat: one stat per file (the folders' entries say
 * which are folders; only a symlink is stat'ed to know). In the folders' order, each folder's names sorted.
 */
function walkPacked(root: string, files: readonly string[], visit: (rel: string, st: Stats) => void): void {
  const statFile = (rel: string) => {
    const st = statSync(path.join(root, rel), { throwIfNoEntry: false });
    if (st?.isFile()) visit(rel.split(path.sep).join('/'), st);
    return st;
  };
  const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true }).sort(byName)) {
      if (NEVER_PACKED.some((re) => re.test(e.name))) continue;
      const child = path.join(rel, e.name);
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) statFile(child);
      else if (e.isSymbolicLink()) {
        const st = statSync(path.join(root, child), { throwIfNoEntry: false });
        if (st?.isDirectory()) walk(child);
        else if (st?.isFile()) statFile(child);
      }
    }
  };
  statFile('package.json');
  for (const name of readdirSync(root).sort()) if (/^(readme|license|licence|copying)(\.|$)/i.test(name)) statFile(name);
  for (const entry of files) {
    const rel = entry.replace(/\/+$/, '');
    const st = statSync(path.join(root, rel), { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isFile()) visit(rel.split(path.sep).join('/'), st);
    else walk(rel);
  }
}

/**
 * The cache key of the packed files: each one's path, size and mtime, hashed as the walk goes (`new` computes it on
 * every run: ~500 files, none of their stats kept).
 */
function packKey(root: string): string {
  const hash = createHash('sha1');
  walkPacked(root, packageFiles(root), (rel, st) => hash.update(`${rel}\0${st.size}\0${st.mtimeMs}\n`));
  return hash.digest('hex').slice(0, 16);
}

function packageFiles(root: string): string[] {
  return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { files?: string[] }).files ?? [];
}

/**
 * This (built) checkout as the tarball `npm pack` would make (package/…, npm's fixed mtime, so the same sources give
 * the same bytes and a lockfile's integrity holds), without running `prepare` (the build: dist/ is built already,
 * the bin runs from it). In-process: `npm pack --ignore-scripts` would start a child npm: measured 2.8 s wall,
 * 0.9 s CPU on this machine, against ~0.2 s here.
 */
export async function packGenerator(root: string = PACKAGE_ROOT, opts: { cache?: boolean } = {}): Promise<Buffer> {
  if (opts.cache === false) return packTarball(root, packedFiles(root));
  const packed = await packedGenerator(root);
  return Buffer.isBuffer(packed) ? packed : readFileSync(packed.copyFrom);
}

/** The packed generator as a file to copy, and its sha256 (for the generation record). */
export interface PackedTarball { copyFrom: string; sha256: string }

/**
 * The packed generator as `new` writes it: the cached tarball's path, so the project's copy is made by the file
 * system (copy_file_range) and its 1.6 MB never pass through the process's memory; its bytes when there is no
 * cache to keep it in (a read-only checkout packs each time).
 */
export async function packedGenerator(root: string = PACKAGE_ROOT): Promise<PackedTarball | Buffer> {
  // Packing (1.6 MB, gzip -9) costs a third of a second, and a checkout's files rarely change between two `new`s:
  // the tarball is kept under node_modules/.cache (as build tools do), keyed by each packed file's size and mtime,
  // its sha256 in its name (pack-<key>-<sha256>.tgz: one file, so a killed write leaves no name without its hash).
  const key = packKey(root);
  const dir = path.join(root, 'node_modules', '.cache', PACKAGE_NAME);
  const hit = existsSync(dir) ? readdirSync(dir).map((n) => CACHED.exec(n)).find((m) => m?.[1] === key) : undefined;
  if (hit) return { copyFrom: path.join(dir, hit[0]), sha256: hit[2]! };
  const tarball = await packTarball(root, packedFiles(root));
  const digest = createHash('sha256').update(tarball).digest('hex');
  const cached = path.join(dir, `pack-${key}-${digest}.tgz`);
  try {
    mkdirSync(dir, { recursive: true });
    for (const old of readdirSync(dir)) if (/^pack-[0-9a-f]+(-[0-9a-f]{64})?\.tgz$/.test(old)) rmSync(path.join(dir, old), { force: true });
    writeFileAtomicSync(cached, tarball);
  } catch {
    return tarball;
  }
  return { copyFrom: cached, sha256: digest };
}

const CACHED = /^pack-([0-9a-f]{16})-([0-9a-f]{64})\.tgz$/;

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
