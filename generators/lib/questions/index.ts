export * from './draft.js';
export * from './questions.js';
export * from './resolve.js';
export * as validators from './validators.js';
