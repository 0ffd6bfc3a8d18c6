// The generated app's code and tooling (package.json, tsconfig, src/, test/): the auth-wiring issue fills this in.
import type { PlanPart } from './plan.js';

export const appFiles: PlanPart = () => [];
