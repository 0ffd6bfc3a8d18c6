// Every `c7-app` command, by the name a user types (one module each in this folder).
import type { Register } from './program.js';
import { registerValidate } from './validate.js';
import { registerNew } from './new.js';
import { registerCheck } from './check.js';
import { registerAudit } from './audit.js';
import { registerEmulate } from './emulate.js';
import { registerScopes } from './scopes.js';
import { registerUpgrade } from './upgrade.js';

export const COMMANDS: Readonly<Record<string, Register>> = {
  validate: registerValidate, new: registerNew, check: registerCheck, audit: registerAudit, emulate: registerEmulate,
  scopes: registerScopes, upgrade: registerUpgrade,
};
