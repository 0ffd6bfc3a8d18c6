// A fake Commerce7 upstream on 127.0.0.1 (never the internet) for `c7-app emulate record`: an emulator holding a
// sandbox tenant's "real" data behind a proxy that logs every request and can answer some with 429.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildWinerySeed, startEmulator, type Emulator, type Row, type SeedData } from '../../generators/lib/emulator/index.js';
import type { Manifest } from '../../generators/lib/manifest/types.js';
import { SECRET } from './helpers.js';

export const TENANT = 'sandbox-winery';
export const PII = { email: 'zebulon.quincy@realmail.test', first: 'Zebulon', last: 'Quincy', phone: '+14155550199', ip: '198.51.100.77', street: '42 Secret Garden Rd' };

/** The sandbox's "real" data: the winery plus a customer whose personal data the test greps for afterwards. */
export function upstreamSeed(): SeedData {
  const seed = buildWinerySeed();
  const c = seed.customers![0]!;
  c.firstName = PII.first;
  c.lastName = PII.last;
  (c.emails as Array<{ email: string }>)[0]!.email = PII.email;
  (c.phones as Array<{ phone: string }>)[0]!.phone = PII.phone;
  const order = seed.orders!.find((o) => o.customerId === c.id) ?? seed.orders![0]!;
  order.customerId = c.id;
  order.customer = { ...(order.customer as object), firstName: PII.first, lastName: PII.last, emails: c.emails, phones: c.phones };
  order.connectionInformation = { customerIpAddress: PII.ip, userAgent: 'Mozilla/5.0' };
  order.billTo = { ...(order.billTo as object), firstName: PII.first, lastName: PII.last, address: PII.street, phone: PII.phone };
  seed.notes!.push({ id: 'note-pii', customerId: c.id, orderId: null, type: 'Note', content: `Call ${PII.first} at ${PII.phone}`, isPinned: false, createdBy: null, createdAt: c.createdAt, updatedAt: c.updatedAt } as Row);
  return seed;
}

export interface FakeUpstream { url: string; emu: Emulator; seen: Array<{ method: string; url: string }>; stop(): Promise<void> }

/** An emulator with the sandbox data behind a logging proxy; `throttle(path)` says how many 429s a path gets first. */
export async function startUpstream(manifest: Manifest, throttle: (url: string) => boolean = () => false): Promise<FakeUpstream> {
  const emu = await startEmulator({ manifest, appSecret: SECRET, rateLimit: false, tenants: [TENANT], seed: upstreamSeed() });
  const seen: Array<{ method: string; url: string }> = [];
  const target = new URL(emu.url);
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '' });
    if (throttle(req.url ?? '')) {
      res.writeHead(429, { 'Retry-After': '2', 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ statusCode: 429, type: 'tooManyRequests', message: 'Too many requests', errors: [] }));
      return;
    }
    const up = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return {
    url, emu, seen,
    stop: async () => { await new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections(); }); await emu.stop(); },
  };
}

