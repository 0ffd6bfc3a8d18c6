export * from './permissions.js';
export * from './project.js';
export * from './run.js';
export * from './usages.js';
