// The local Commerce7 emulator, as a library: tests of a generated app start it in-process, point the app at
// `emulator.url`, and act as Commerce7 toward the app with the callApp* functions.
//
//   const emu = await startEmulator({ manifest: 'c7-app.json', appSecret: 'test-secret' });
//   process.env.C7_API_BASE_URL = emu.url;
//   await callAppInstall({ manifest: emu.manifest, emulator: emu, appUrl: 'http://127.0.0.1:3000' });
//   ...
//   await emu.stop();
export { startEmulator, formatRequestLog, EmulatorConfigError, type Emulator } from './server.js';
export type { RateLimitStats, TenantRateStats } from './rate-limit.js';
export {
  callAppInstall, callAppUninstall, callAppWebhook, extensionUrl, connectEmulator, resolveAppUrl, clientSettingValues,
  clientSettingValue, findWebhook, findExtension, defaultTenant, AppClientError,
  type AppTarget, type AppCallResult, type InstallOptions, type WebhookOptions, type OpenOptions, type OpenedExtension,
} from './app-client.js';
export { buildWinerySeed, loadSeedFile, parseSeed, seedKeys, defaultStaffUser, SeedError } from './seed.js';
export { TenantStore, routeOf } from './store.js';
export { recordTenant, redactSeed, RecordError, type RecordOptions, type RecordResult, type RecordedList } from './record.js';
export { basicAuthHeader, parseBasicAuth } from './auth.js';
export { ApiError } from './errors.js';
export { HOST, API_PREFIX, CONTROL_PREFIX, DEFAULT_TENANT, DEFAULT_PORT, DEFAULT_API_URL, defaultTenants } from './config.js';
export type { EmulatorOptions, EmulatorControl, RequestLogEntry, Row, SeedData, StaffUser, WebhookPayloadOptions } from './types.js';
