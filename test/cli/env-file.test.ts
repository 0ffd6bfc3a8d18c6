// Commands run inside a project read its .env (the environment wins over the file), as .env.example promises.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLE_MANIFESTS } from '../support/paths.js';
import { spawn } from 'node:child_process';
import { CLI } from '../support/paths.js';

function project(env: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'c7-env-'));
  copyFileSync(EXAMPLE_MANIFESTS[2]!, path.join(dir, 'c7-app.json'));
  writeFileSync(path.join(dir, '.env'), env);
  mkdirSync(path.join(dir, 'src'));
  return dir;
}

/** Starts `c7-app emulate --port 0` in `cwd`; resolves with its API URL, or rejects with what it printed. */
function serveIn(cwd: string, env: NodeJS.ProcessEnv): Promise<{ url: string; stop: () => void }> {
  const merged: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  const child = spawn(process.execPath, [CLI, 'emulate', '--port', '0', '--quiet'], { cwd, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening at (http:\/\/127\.0\.0\.1:\d+\/v1)\n/.exec(out);
      if (m) resolve({ url: m[1]!, stop: () => child.kill('SIGTERM') });
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
}

const auth = (secret: string) => `Basic ${Buffer.from(`tasting-notes:${secret}`).toString('base64')}`;

describe('the project .env', () => {
  it('supplies C7_APP_SECRET to c7-app emulate run inside the project (a subfolder too)', async () => {
    const dir = project('# local secrets\nC7_APP_SECRET="from-the-env-file"\n');
    const emu = await serveIn(path.join(dir, 'src'), { C7_APP_SECRET: undefined, C7_API_BASE_URL: '' });
    try {
      const res = await fetch(`${emu.url}/customer?limit=1`, { headers: { authorization: auth('from-the-env-file'), tenant: 'demo-winery' } });
      assert.equal(res.status, 200);
    } finally {
      emu.stop();
    }
  });

  it('the environment wins over the file', async () => {
    const dir = project('C7_APP_SECRET=from-the-env-file\n');
    const emu = await serveIn(dir, { C7_APP_SECRET: 'from-the-environment', C7_API_BASE_URL: '' });
    try {
      const ok = await fetch(`${emu.url}/customer?limit=1`, { headers: { authorization: auth('from-the-environment'), tenant: 'demo-winery' } });
      assert.equal(ok.status, 200);
      const no = await fetch(`${emu.url}/customer?limit=1`, { headers: { authorization: auth('from-the-env-file'), tenant: 'demo-winery' } });
      assert.equal(no.status, 401);
    } finally {
      emu.stop();
    }
  });
});
