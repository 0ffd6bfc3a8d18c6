import { isShellHost } from './hosted.js';

// Which files are code to audit: source of the languages integrations are written in, and JSON (API collections);
// not dependencies, build output, lockfiles, minified or derived files, nor (unless asked) tests.
export const AUDIT_SKIP_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', 'vendor', '.next', '.nuxt', '__pycache__', 'venv', '.venv', 'obj', 'target', '.c7-app']);
/** Under bin/, only .NET's build output is skipped: bin/ of a Ruby, shell or Node project holds its scripts. */
const BUILD_UNDER_BIN = /^(?:Debug|Release|x64|x86|net\d[\w.]*|netcoreapp[\d.]*|netstandard[\d.]*)$/;
const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'specs']);
// Ruby also as Thor task files (.thor), Rack configs (.ru) and the Rakefile / Thorfile; PowerShell modules (.psm1);
// PHP also as Drupal's hook files (.module, .install, .theme), read as PHP when they open a PHP block (parse.ts).
const SOURCE = /\.(?:[cm]?[jt]sx?|vue|svelte|py|php|phtml|inc|module|install|theme|rb|rake|thor|ru|cs|java|kt|go|rs|sh|bash|ps1|psm1|json)$|(?:^|\/)(?:Rakefile|Thorfile)$/i;
// .yo-rc.json: Yeoman's record of a generator's answers, never a call (and in every project `c7-app new` writes).
const SKIP_FILES = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|composer\.lock|c7-app\.json|\.yo-rc\.json|[^/]*\.min\.js|[^/]*\.generated\.ts)$/;
// (Also each language's own naming: C#'s CouponClientTests.cs (xUnit, NUnit), PHPUnit's OrderTest.php, RSpec's
// order_spec.rb and minitest's order_test.rb.)
const TEST_FILE = /\.(?:test|spec)\.[^.]+$|_test\.(?:py|go|[cm]?[jt]sx?)$|(?:^|\/)test_[^/]*\.py$|(?:^|\/)tests\.py$|[a-z0-9]Tests?\.cs$|[a-z0-9]Test\.php$|_(?:spec|test)\.rb$/;
/** A .NET test project's folder: Winery.Sync.Tests, Api.UnitTests, Client.IntegrationTests, Orders.Specs. */
const DOTNET_TEST_PROJECT = /\.(?:Tests?|UnitTests|IntegrationTests|Specs?)$/;

/**
 * A YAML config's base-URL key set to Commerce7's API (`base_uri: 'https://api.commerce7.com/v1/'`), or a compose
 * file's environment entry (`- Commerce7__BaseUrl=https://api.commerce7.com/v1/`, .NET's `Section__Key`).
 */
export const YAML_C7_BASE = /^[ \t-]*["']?[\w.-]*(?:url|uri|base|host|endpoint|api|root|origin)[\w.-]*["']?\s*[:=]\s*["']?https?:\/\/api\.commerce7\.com/im;

/** Is a folder of this name skipped? */
export function isSkippedDir(name: string, opts: { includeTests?: boolean } = {}, parent?: string): boolean {
  // (Test folders in any case: C#'s Tests/, PHP's Tests/.)
  return AUDIT_SKIP_DIRS.has(name) || (!opts.includeTests && (TEST_DIRS.has(name.toLowerCase()) || DOTNET_TEST_PROJECT.test(name))) || (parent === 'bin' && BUILD_UNDER_BIN.test(name));
}

/** Is this file (a path with "/", relative or not) code to audit? Its folders are checked too. */
export function isAuditedFile(file: string, opts: { includeTests?: boolean } = {}): boolean {
  const parts = file.split('/');
  if (parts.slice(0, -1).some((d, i) => isSkippedDir(d, opts, parts[i - 1]))) return false;
  if (isShellHost(file)) return true;
  return SOURCE.test(file) && !SKIP_FILES.test(file) && (opts.includeTests === true || !TEST_FILE.test(file));
}
