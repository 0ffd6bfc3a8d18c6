// The console frames the app's extension pages through this proxy (its own port on 127.0.0.1, so the page keeps an
// origin of its own and its root-relative links, forms and fetches reach the app). The proxy checks each page's
// framing headers as Commerce7's admin would meet them; when Commerce7 may frame the page, its frame-ancestors is
// granted to the console origin (standing in for Commerce7), otherwise the headers pass untouched and the browser
// refuses the frame as it would in Commerce7. What it saw is kept per staff token, for the console to explain.
import { request as httpRequest, createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EXTENSION_QUERY } from '../../catalog/extensions.js';
import { HOST } from '../config.js';
import { framingVerdict, standInHeaders, type FramingVerdict } from './framing.js';

export interface FrameReport {
  status: number;
  contentType: string;
  framing: FramingVerdict;
  /** The page loads commerce7.js (Commerce7's review checks every framed page does). */
  loadsCommerce7Js: boolean | null;
  /** The app's error page text, when it answered 4xx/5xx. */
  excerpt: string | null;
}

export interface FrameProxy {
  origin: string;
  target: string;
  /** What the page framed with this token answered (keyed by the `account` / `appToken` query value). */
  report(token: string): FrameReport | undefined;
  /** Expect a page opened with `token`, framed on `ancestor` (the Commerce7 origin standing behind the console). */
  expect(token: string, ancestor: string): void;
  close(): Promise<void>;
}

const HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer'];

export async function startFrameProxy(target: string, consoleOrigin: string): Promise<FrameProxy> {
  const base = new URL(target);
  const reports = new Map<string, FrameReport>();
  const expected = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const token = url.searchParams.get(EXTENSION_QUERY.staffToken) ?? url.searchParams.get(EXTENSION_QUERY.storefrontToken) ?? '';
    const ancestor = expected.get(token);
    const headers: IncomingHttpHeaders = { ...req.headers, host: base.host };
    for (const h of HOP) delete headers[h];
    const upstream = httpRequest({ hostname: base.hostname, port: base.port, method: req.method, path: url.pathname + url.search, headers }, (answer) => {
      const out = { ...answer.headers } as Record<string, string | string[] | undefined>;
      for (const h of HOP) delete out[h];
      const verdict = ancestor ? framingVerdict(answer.headers, url.toString(), ancestor) : undefined;
      const sent = verdict?.allowed ? standInHeaders(out, consoleOrigin) : out;
      const contentType = String(answer.headers['content-type'] ?? '');
      if (!ancestor) {
        res.writeHead(answer.statusCode ?? 502, sent as Record<string, string | string[]>);
        answer.pipe(res);
        return;
      }
      // A framed document: read it (pages are small) to tell whether it loads commerce7.js.
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = /html/i.test(contentType) ? body.toString('utf8') : '';
        const status = answer.statusCode ?? 502;
        reports.set(token, {
          status, contentType, framing: verdict!,
          loadsCommerce7Js: text ? /commerce7\.js/.test(text) : null,
          excerpt: status >= 400 ? text.replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300) || body.toString('utf8').slice(0, 300) : null,
        });
        delete sent['content-length'];
        res.writeHead(status, { ...sent, 'content-length': String(body.length) } as Record<string, string | string[]>);
        res.end(body);
      });
    });
    upstream.on('error', (err) => {
      if (ancestor) reports.set(token, { status: 502, contentType: '', framing: { allowed: false, why: `the app did not answer: ${err.message}` }, loadsCommerce7Js: null, excerpt: null });
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`c7-app console: cannot reach the app at ${target}: ${err.message}`);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  const origin = `http://${HOST}:${(server.address() as AddressInfo).port}`;
  return {
    origin, target,
    report: (token) => reports.get(token),
    expect: (token, ancestor) => { expected.set(token, ancestor); },
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}
