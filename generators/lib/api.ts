// The programmatic API of generator-c7-app (no Yeoman): the catalog, the manifest tools.
export * as catalog from './catalog/index.js';
export * from './manifest/index.js';
