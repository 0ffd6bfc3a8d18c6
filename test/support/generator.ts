// Runs the app generator in-process with yeoman-test (passing the class, not a path).
import path from 'node:path';
import helpers from 'yeoman-test';
import AppGenerator from '../../generators/app/index.js';
import { ROOT } from './paths.js';

export const APP_GENERATOR_PATH = path.join(ROOT, 'generators/app/index.ts');

export function runApp() {
  return helpers.run<AppGenerator>(AppGenerator as never, { namespace: 'c7-app:app', resolved: APP_GENERATOR_PATH }).withOptions({ skipInstall: true });
}

import ScopesGenerator from '../../generators/scopes/index.js';
export const SCOPES_GENERATOR_PATH = path.join(ROOT, 'generators/scopes/index.ts');

/** Runs `yo c7-app:scopes` inside `dir` (a generated project). */
export function runScopes(dir: string) {
  return helpers.run<ScopesGenerator>(ScopesGenerator as never, { namespace: 'c7-app:scopes', resolved: SCOPES_GENERATOR_PATH }).cd(dir).withOptions({ skipInstall: true });
}
