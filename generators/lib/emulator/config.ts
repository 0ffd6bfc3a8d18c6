// Where the emulator listens and what it assumes when nothing is said.
import type { Manifest } from '../manifest/types.js';

/** The emulator listens on the loopback interface only. */
export const HOST = '127.0.0.1';
export const API_PREFIX = '/v1';
/** The emulator's own control API (not Commerce7's): the app-facing commands act on the running emulator through it. */
export const CONTROL_PREFIX = '/__emulator';
export const DEFAULT_TENANT = 'demo-winery';
export const DEFAULT_PORT = 7070;
export const DEFAULT_API_URL = `http://${HOST}:${DEFAULT_PORT}${API_PREFIX}`;

/** Tenants that have the app installed at start: the manifest's test tenants, or demo-winery. */
export function defaultTenants(manifest: Manifest): string[] {
  return manifest.app?.testTenants?.length ? [...manifest.app.testTenants] : [DEFAULT_TENANT];
}
