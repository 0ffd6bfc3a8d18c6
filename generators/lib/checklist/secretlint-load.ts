// secretlint's modules, imported on first need (secretlint.ts). A module of its own because the import() is the one
// thing `c7-app check`'s CommonJS file (run by vm, with its code cache: scripts/build-bundle.mjs) cannot make: the
// file gets this module from the ESM bundle instead.
export async function loadSecretlint(): Promise<[typeof import('@secretlint/core'), typeof import('@secretlint/secretlint-rule-preset-recommend')]> {
  return Promise.all([import('@secretlint/core'), import('@secretlint/secretlint-rule-preset-recommend')]);
}
