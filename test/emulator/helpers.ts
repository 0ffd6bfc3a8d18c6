// Test helpers for the emulator: a tiny app on 127.0.0.1 that records what Commerce7 (the emulator) sends it,
// API calls with the app's credentials, and the built CLI run asynchronously (so in-process servers keep answering).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { CLI, EXAMPLE_MANIFESTS } from '../support/paths.js';
import type { Manifest } from '../../generators/lib/manifest/types.js';
import { PERMISSIONS } from '../../generators/lib/catalog/permissions.js';

export const SECRET = 'emulator-test-secret';
export const BASIC_PASSWORD = 'emulator-basic-password';
/** The Full Application example: Basic auth, client settings, webhooks (with Bulk Update) and every extension type. */
export const FULL_APP = EXAMPLE_MANIFESTS[2]!;
export const INTEGRATION = EXAMPLE_MANIFESTS[0]!;

export function readManifest(file = FULL_APP): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** The Full Application example, granted every permission at Full access (the contract tests). */
export function allPermissionsManifest(): Manifest {
  const m = readManifest();
  return { ...m, permissions: PERMISSIONS.map((p) => ({ endpoint: p.name, access: 'full' as const, reason: 'contract test' })) } as Manifest;
}

export function basic(user: string, pass: string): string {
  return `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
}

export interface Received { method: string; url: string; headers: IncomingMessage['headers']; body: string; json: unknown }

export interface TestApp {
  url: string;
  received: Received[];
  /** The status the app answers (default 200). */
  status: number;
  stop(): Promise<void>;
}

/** A tiny app that records each request; `onRequest` may do more (e.g. fetch a Bulk Update callbackUrl) before it answers. */
export async function startTestApp(onRequest?: (r: Received, res: ServerResponse) => Promise<unknown> | unknown): Promise<TestApp> {
  const app: TestApp = { url: '', received: [], status: 200, stop: async () => undefined };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try { json = body ? JSON.parse(body) : undefined; } catch { json = undefined; }
      const r: Received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, json };
      app.received.push(r);
      void Promise.resolve(onRequest?.(r, res)).then((extra) => {
        res.writeHead(app.status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ ok: app.status < 300, ...(extra && typeof extra === 'object' ? extra : {}) }));
      }, (err: Error) => {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: err.message }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  app.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app.stop = () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
  return app;
}

export interface CallOptions { method?: string; tenant?: string | null; auth?: string | null; body?: unknown; rawBody?: string }

/** Calls the emulator's API as the app: Basic auth with the App ID and SECRET, tenant demo-winery, unless told otherwise. */
export async function call(baseUrl: string, path: string, opts: CallOptions = {}, appId = 'tasting-notes'): Promise<{ status: number; headers: Headers; json: any }> {
  const headers: Record<string, string> = {};
  const auth = opts.auth === undefined ? basic(appId, SECRET) : opts.auth;
  if (auth !== null) headers.Authorization = auth;
  const tenant = opts.tenant === undefined ? 'demo-winery' : opts.tenant;
  if (tenant !== null) headers.tenant = tenant;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, { method: opts.method ?? 'GET', headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

export interface AsyncCliResult { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** Runs the built CLI without blocking this process (servers in this process keep answering it). */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<AsyncCliResult> {
  const child = spawnCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
}

export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}
