// The submission checklist: rules over the manifest and the project's files -> items (checked by the tool, or for a
// person) -> SUBMISSION_CHECKLIST.md. No Yeoman here: the generator and `c7-app check` both call it.
export * from './types.js';
export { buildChecklist, prepareChecklist, summarize, formatVerdict } from './build.js';
export { renderChecklistMarkdown, SUBMISSION_CHECKLIST_FILE, CHECKLIST_HEADER, STATUS_MARK, sourceLabel } from './markdown.js';
export { diskProject, memoryProject, normalizeRelPath, WALK_SKIP_DIRS, type MemoryProjectOptions } from './project.js';
export { gitignoreMatcher, type GitignoreMatcher } from './gitignore.js';
export { scanTextForSecrets, scanProjectForSecrets, scanProject, isEnvFile, isSecretName, isPlaceholderValue, MAX_SCAN_BYTES, type SecretScan } from './secrets.js';
export { isSecretlintCandidate, scanProjectForSecretsFully, scanWithSecretlint, type FullSecretScan } from './secretlint.js';
export { SECTIONS, sectionTitle } from './sections.js';
export { RULES } from './rules/index.js';
export type { Rule, RuleContext, Outcome, AutoRule, PersonRule, ManyRule } from './rule.js';
export { EXTENSION_PAGES_DIR, extensionPageFile, extensionSlug, findCommerce7Js } from './rules/extensions.js';
export { ENV_FILE } from './rules/secrets.js';
export { PLACEHOLDER_PATTERNS, countFeatures } from './rules/listing.js';
export { WRITE_WORDS } from './rules/api.js';
export { runProjectTests, TEST_COMMAND } from './run-tests.js';
export { projectTestsItem } from './rules/test.js';
