// After tsc: the audit's facts of the TypeScript the generator's templates render, for the bundled examples with and
// without teaching comments, written to dist/generators/lib/audit/facts-precomputed.idx (read by
// lib/audit/precomputed.ts). A file of a user's project is found there only when it is byte for byte one of these
// (most of a new project's code does not depend on the manifest); any other is parsed as always.
process.env.C7_APP_PARSE_ALL = '1'; // parse everything here: never carry facts over from an earlier build
const { readdirSync, readFileSync, writeFileSync } = await import('node:fs');
const path = await import('node:path');
const { fileURLToPath } = await import('node:url');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist/generators/lib', p));
const { buildContext } = await dist('render/context.js');
const { filePlan, renderPlannedFile } = await dist('render/files.js');
const { validateManifestText } = await dist('manifest/index.js');
const { isAuditedFile, precomputeFacts } = await dist('audit/index.js');
const { PRECOMPUTED_FACTS, decodeFacts, encodeFacts, indexFacts, openPrecomputedFacts } = await dist('audit/precomputed.js');
const { generatorDependency, PACKAGE_NAME, PACKAGE_VERSION } = await dist('package-info.js');

const sources = [];
for (const example of readdirSync(path.join(root, 'examples'))) {
  const { manifest } = validateManifestText(readFileSync(path.join(root, 'examples', example, 'c7-app.json')));
  if (!manifest) throw new Error(`examples/${example}/c7-app.json is invalid`);
  for (const teach of [true, false]) {
    const ctx = buildContext(manifest, { teach, generator: { name: PACKAGE_NAME, version: PACKAGE_VERSION, dependency: generatorDependency() } });
    for (const file of filePlan(ctx)) {
      if (!isAuditedFile(file.path)) continue;
      const contents = renderPlannedFile(file, ctx);
      if (typeof contents === 'string') sources.push({ file: file.path, text: contents });
    }
  }
}
const json = await precomputeFacts(sources);
// The loader converts only the Maps it knows of: it must give back exactly what was encoded.
if (encodeFacts(decodeFacts(json)) !== json) throw new Error('decodeFacts does not give back what precomputeFacts encoded (a new Map in FileFacts?)');
// A Map decodeFacts does not know would come back as a plain { $map } object (and re-encode the same): none may be left.
const leftover = (v, at) => {
  if (v instanceof Map) { for (const [k, x] of v) leftover(x, `${at}.get(${JSON.stringify(k)})`); return; }
  if (Array.isArray(v)) { v.forEach((x, i) => leftover(x, `${at}[${i}]`)); return; }
  if (v && typeof v === 'object') {
    if ('$map' in v) throw new Error(`decodeFacts leaves a Map encoded at ${at}: teach it this field of FileFacts`);
    for (const [k, x] of Object.entries(v)) leftover(x, `${at}.${k}`);
  }
};
leftover(decodeFacts(json), 'facts');
// Written indexed (a run decodes only the entries it looks up): read back through the loader, the same entries.
const indexed = indexFacts(json);
if (encodeFacts([...openPrecomputedFacts(Buffer.from(indexed))]) !== json) throw new Error('the indexed facts do not read back as encoded');
writeFileSync(path.join(root, PRECOMPUTED_FACTS), indexed);
console.log(`audit facts: ${JSON.parse(json).length} files (${(json.length / 1024).toFixed(0)} KiB) in ${PRECOMPUTED_FACTS}`);
