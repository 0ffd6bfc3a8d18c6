// The browser the console tests drive: Debian's chromium (.ci/run installs it; browser downloads fail here) through
// playwright-core, headless, no network of its own, a fresh profile. Where it is missing the tests skip and say why,
// except in CI (CI=true), where a missing browser is a failure.
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createRequire } from 'node:module';

export const CHROMIUM = process.env.C7_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Why the browser tests cannot run here (undefined: they can). In CI a missing browser throws instead. */
export function browserMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const why = `${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run does it)`;
  if (process.env.CI === 'true') throw new Error(`CI: the browser tests need Chromium: ${why}`);
  return why;
}

export interface OutsideRequest { url: string; frame: string }

/** A headless Chromium with a fresh profile; every request off 127.0.0.1 is refused and recorded. */
export async function launchBrowser(): Promise<{ context: BrowserContext; outside: OutsideRequest[]; close: () => Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'c7-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ['--headless', ...CHROMIUM_ARGS], viewport: { width: 1280, height: 900 },
  });
  const outside: OutsideRequest[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    let frame = '';
    try { frame = route.request().frame().url(); } catch { /* a service worker */ }
    outside.push({ url: url.toString(), frame });
    return route.abort('internetdisconnected');
  });
  return { context, outside, close: () => context.close() };
}

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: string[] }

/** axe-core over the page's own document (not the app's framed page): the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated as an expression by the browser's devtools protocol: the console's CSP (script-src 'self') stays on.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const r = await axe.run(document, { iframes: false, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
