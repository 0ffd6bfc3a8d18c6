// Who is calling: the app (HTTP Basic with App ID and App Secret Key, platform.md §4) or a staff member's token
// from an extension URL (sent raw in Authorization to GET /account/user, platform.md §5).
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { StaffUser } from './types.js';

export interface BasicCredentials { username: string; password: string }

/** Parses `Authorization: Basic base64(user:pass)`; undefined for anything else. */
export function parseBasicAuth(header: string | undefined): BasicCredentials | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function basicAuthHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** Constant-time string comparison (hashes first, so lengths do not leak either). */
export function safeEqual(a: string, b: string): boolean {
  const h = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(h(a), h(b));
}

export interface IssuedToken { tenant: string; user: StaffUser }

/** Staff tokens the emulator issued. They look like JWTs (apps must not try to read them: they cannot verify them
 *  locally, they ask GET /account/user). Valid for the tenant they were issued for, until the emulator stops. */
export class StaffTokens {
  private readonly key = randomBytes(32);
  private readonly issued = new Map<string, IssuedToken>();

  issue(tenant: string, user: StaffUser): string {
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: user.id, tenantId: tenant, iat: Math.floor(Date.now() / 1000), jti: randomUUID() })}`;
    const token = `${body}.${createHmac('sha256', this.key).update(body).digest('base64url')}`;
    this.issued.set(token, { tenant, user });
    return token;
  }

  lookup(token: string): IssuedToken | undefined {
    return this.issued.get(token);
  }
}
