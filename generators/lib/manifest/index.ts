export * from './types.js';
export * from './schema.js';
export * from './source.js';
export * from './validate.js';
export * from './load.js';
export * from './reference.js';
export * from './edit.js';
export * from './build.js';
