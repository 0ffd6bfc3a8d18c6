// Benchmarks (not tests): median wall time and peak memory of the c7-app commands, over several runs.
// Run with `npm run bench`. Each run is a fresh process, as a user would start it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/generators/cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
// Reports the child's peak resident memory on stderr when it exits.
const rssProbe = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\n@@maxrss='+process.resourceUsage().maxRSS+'\\n'))`;

function largestExample() {
  const dirs = readdirSync(path.join(root, 'examples'));
  return dirs.map((d) => path.join(root, 'examples', d, 'c7-app.json')).sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

function measure(label, args, { target, setup, bare, env = process.env } = {}) {
  const times = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    const ctx = setup?.();
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', rssProbe, ...(bare ? [] : [cli]), ...(typeof args === 'function' ? args(ctx) : args)], { encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const m = /@@maxrss=(\d+)/.exec(r.stderr);
    if (m) rss.push(Number(m[1]) / 1024);
    if (r.status !== 0 && !(target?.okCodes ?? []).includes(r.status)) {
      console.error(`${label}: exit ${r.status}\n${r.stdout}\n${r.stderr}`);
      process.exit(1);
    }
    ctx?.cleanup?.();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const line = `${label.padEnd(44)} median ${median(times).toFixed(0).padStart(5)} ms   peak ${Math.max(...rss).toFixed(0).padStart(4)} MiB   (${runs} runs${target ? `; target < ${target.ms} ms, < ${target.mib ?? '-'} MiB` : ''})`;
  console.log(line);
}

console.log(`node ${process.version}, ${runs} runs each\n`);
measure('node -e 0 (an empty process, for reference)', ['-e', '0'], { bare: true });
const example = largestExample();
const validateArgs = ['validate', example];
measure(`c7-app validate ${path.relative(root, example)}`, validateArgs, { target: { ms: 150, mib: 80 } });

// `c7-app new --example --skip-install` into an empty folder (the README's main job, without npm install).
measure('c7-app new --example --skip-install', (ctx) => ['new', ctx.dir, '--example', '--skip-install'], {
  target: { ms: 1000 },
  setup: () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'c7-bench-'));
    return { dir: path.join(parent, 'app'), cleanup: () => rmSync(parent, { recursive: true, force: true }) };
  },
});
// c7-app check on the Full Application example: --ci writes nothing (it exits 1: the example's .test domains and
// absent extension pages fail their items, which is what it should say).
measure('c7-app check --ci examples/tasting-room-full-app', ['check', '--ci', path.join(root, 'examples/tasting-room-full-app')], { target: { ms: 300, mib: 100, okCodes: [1] } });

// NODE_EXTRA_CA_CERTS makes Node read and parse a CA file before running anything (about 50 ms on the machine where
// this was found). When it is set, the short commands are measured again without it, to show Node's part apart.
if (process.env.NODE_EXTRA_CA_CERTS) {
  const { NODE_EXTRA_CA_CERTS: _ca, ...bare } = process.env;
  console.log(`\nagain without NODE_EXTRA_CA_CERTS (set here to ${process.env.NODE_EXTRA_CA_CERTS}; Node loads it at start):`);
  measure('node -e 0', ['-e', '0'], { bare: true, env: bare });
  measure(`c7-app validate ${path.relative(root, example)}`, validateArgs, { target: { ms: 150, mib: 80 }, env: bare });
  measure('c7-app check --ci examples/tasting-room-full-app', ['check', '--ci', path.join(root, 'examples/tasting-room-full-app')], { target: { ms: 300, mib: 100, okCodes: [1] }, env: bare });
}
