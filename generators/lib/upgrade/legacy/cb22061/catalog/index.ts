// The Commerce7 catalog: every platform fact the tool relies on, as data. Nothing else holds these facts.
export * from './permissions.js';
export * from './paths.js';
export * from './app-types.js';
export * from './tenants.js';
export * from './webhooks.js';
export * from './extensions.js';
export * from './client-settings.js';
export * from './pricing.js';
export * from './listing.js';
export * from './api.js';
export * from './review.js';
