// The project-level files every generated app has, besides its code (app-files.ts).
import type { PlanPart, PlannedFile } from './plan.js';

export const MANIFEST_PATH = 'c7-app.json';

export const projectFiles: PlanPart = () => [
  { path: 'README.md', owner: 'user', source: { template: 'project/README.md.hbs' }, purpose: 'what the app is, the values to enter in the App Development Center, next steps' },
  { path: 'PERMISSIONS.md', owner: 'derived', source: { template: 'project/PERMISSIONS.md.hbs' }, purpose: 'each permission, its access and its reason' },
];

/** Every file of a generated project except c7-app.json and the checklist (written by the generator itself). */
export function isDerived(file: PlannedFile): boolean {
  return file.owner === 'derived';
}
