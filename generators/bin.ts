#!/usr/bin/env node
// The entry of the bundled `c7-app` bin (dist/bin/c7-app.js, scripts/build-bundle.mjs): Node's compile cache is on
// before the rest of the code is loaded, so every module of the bundle is compiled from the cache on later runs
// (Node 22.1+; Node 20 has no compile cache and skips this).
import module from 'node:module';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./cli.js');
