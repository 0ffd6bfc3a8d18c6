// Runs the app generator in-process with yeoman-test (passing the class, not a path).
import path from 'node:path';
import helpers from 'yeoman-test';
import AppGenerator from '../../generators/app/index.js';
import { ROOT } from './paths.js';

export const APP_GENERATOR_PATH = path.join(ROOT, 'generators/app/index.ts');

export function runApp() {
  return helpers.run(AppGenerator as never, { namespace: 'c7-app:app', resolved: APP_GENERATOR_PATH } as never).withOptions({ skipInstall: true });
}
