// 100 requests a minute per tenant (platform.md §4), as a sliding window. Commerce7 does not document what the excess
// gets; every known client retries on 429 and honours Retry-After, so that is what the emulator answers.
import { PAGE_THROTTLE_AFTER, RATE_LIMIT_PER_MINUTE, RATE_LIMIT_WINDOW_MS } from '../catalog/api.js';

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number; reason: string };

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly deepPages = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now, private readonly perMinute = RATE_LIMIT_PER_MINUTE) {}

  /** Counts one request of a tenant; refuses it past the limit. */
  hit(tenant: string): Verdict {
    const t = this.now();
    const times = (this.hits.get(tenant) ?? []).filter((x) => x > t - RATE_LIMIT_WINDOW_MS);
    if (times.length >= this.perMinute) {
      this.hits.set(tenant, times);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0]! + RATE_LIMIT_WINDOW_MS - t) / 1000)), reason: `more than ${this.perMinute} requests in a minute for this tenant` };
    }
    times.push(t);
    this.hits.set(tenant, times);
    return { ok: true };
  }

  /** Past page PAGE_THROTTLE_AFTER an endpoint takes one request a minute: the app should use the cursor. */
  deepPage(tenant: string, listPath: string, page: number): Verdict {
    if (page <= PAGE_THROTTLE_AFTER) return { ok: true };
    const k = `${tenant} ${listPath}`;
    const t = this.now();
    const last = this.deepPages.get(k);
    if (last !== undefined && t - last < RATE_LIMIT_WINDOW_MS) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((last + RATE_LIMIT_WINDOW_MS - t) / 1000)), reason: `pages past ${PAGE_THROTTLE_AFTER} are throttled to one request a minute; use cursor pagination` };
    }
    this.deepPages.set(k, t);
    return { ok: true };
  }
}
