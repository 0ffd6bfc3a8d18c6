// The project-level files every generated app has, besides its code (app-files.ts).
import type { PlanPart, PlannedFile } from './plan.js';

export const MANIFEST_PATH = 'c7-app.json';

export const projectFiles: PlanPart = () => [
  { path: 'README.md', owner: 'user', source: { template: 'project/README.md.hbs' }, purpose: 'what the app is, how to run it, next steps (yours to rewrite)' },
  { path: 'APP_DEVELOPMENT_CENTER.md', owner: 'derived', source: { template: 'project/APP_DEVELOPMENT_CENTER.md.hbs' }, purpose: 'what to enter on each App Development Center screen, Create Listing included' },
  { path: 'PERMISSIONS.md', owner: 'derived', source: { template: 'project/PERMISSIONS.md.hbs' }, purpose: 'each permission, its access and its reason' },
];

/** Every file of a generated project except c7-app.json and the checklist (written by the generator itself). */
export function isDerived(file: PlannedFile): boolean {
  return file.owner === 'derived';
}
