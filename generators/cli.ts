#!/usr/bin/env node
// The `c7-app` bin as the tsc build runs it (dist/generators/cli.js; the bin that ships is the bundle of
// generators/bin.ts). Works without a global `yo` and as root. Fast commands (validate, check) never load Yeoman:
// the generator commands import it lazily.
import module from 'node:module';
import { COMMANDS } from './cli/commands.js';
import { main } from './cli/program.js';

// Node 22.1+ caches compiled code between runs: a free start-up win where it exists.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

await main(process.argv, COMMANDS);
