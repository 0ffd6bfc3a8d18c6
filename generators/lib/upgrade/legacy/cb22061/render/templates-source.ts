// cb22061's templates, read from the pinned copy (../templates.ts) instead of templates/ on disk.
import { TEMPLATES } from '../templates.js';

export function legacyTemplate(name: string): string {
  const text = TEMPLATES[name];
  if (text === undefined) throw new Error(`cb22061 had no template ${name}`);
  return text;
}
