// 100 requests a minute per tenant (platform.md §4), as a sliding window. Commerce7 does not document what the excess
// gets; every known client retries on 429 and honours Retry-After, so that is what the emulator answers.
import { PAGE_THROTTLE_AFTER, RATE_LIMIT_PER_MINUTE, RATE_LIMIT_WINDOW_MS } from '../catalog/api.js';

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number; reason: string };

/** A tenant's traffic as the limiter counted it: what tells whether an app (all its instances) kept to the limit. */
export interface TenantRateStats {
  /** The most requests in any 60 s window (sliding, not calendar minutes), refused ones included. */
  busiestMinute: number;
  /** When that window began (its first request). */
  busiestMinuteStartedAt: string;
  /** Rate-limited requests (cursor lists are not), refused ones included. */
  requests: number;
  /** Answered 429. */
  refused: number;
}

export interface RateLimitStats { limitPerMinute: number; windowMs: number; tenants: Record<string, TenantRateStats> }

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly deepPages = new Map<string, number>();
  /** Every counted request of the last window (accepted or refused), and the running figures. */
  private readonly seen = new Map<string, { window: number[]; busiest: number; busiestAt: number; requests: number; refused: number }>();

  constructor(private readonly now: () => number = Date.now, private readonly perMinute = RATE_LIMIT_PER_MINUTE) {}

  /** Each tenant's busiest minute so far (memory: one window of timestamps per tenant). */
  stats(): RateLimitStats {
    const tenants: Record<string, TenantRateStats> = {};
    for (const [tenant, s] of [...this.seen].sort(([a], [b]) => a.localeCompare(b))) {
      tenants[tenant] = { busiestMinute: s.busiest, busiestMinuteStartedAt: new Date(s.busiestAt).toISOString(), requests: s.requests, refused: s.refused };
    }
    return { limitPerMinute: this.perMinute, windowMs: RATE_LIMIT_WINDOW_MS, tenants };
  }

  private count(tenant: string, t: number, refused: boolean): void {
    let s = this.seen.get(tenant);
    if (!s) this.seen.set(tenant, (s = { window: [], busiest: 0, busiestAt: t, requests: 0, refused: 0 }));
    s.window.push(t);
    while (s.window[0]! <= t - RATE_LIMIT_WINDOW_MS) s.window.shift();
    s.requests += 1;
    if (refused) s.refused += 1;
    if (s.window.length > s.busiest) {
      s.busiest = s.window.length;
      s.busiestAt = s.window[0]!;
    }
  }

  /** Counts one request of a tenant; refuses it past the limit. */
  hit(tenant: string): Verdict {
    const t = this.now();
    const verdict = this.decide(tenant, t);
    this.count(tenant, t, !verdict.ok);
    return verdict;
  }

  private decide(tenant: string, t: number): Verdict {
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
