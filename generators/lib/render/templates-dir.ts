// templates/ at the package root (the same from generators/ under tsx and from dist/generators when built).
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-info.js';

export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
