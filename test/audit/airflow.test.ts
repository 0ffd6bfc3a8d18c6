// Airflow's HTTP provider (generators/lib/audit/airflow.ts): the base is the host of an Airflow connection, defined
// outside the DAG's code; the method is the hook's or the operator's. Snippets of our own.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditSources, type AuditReport } from '../../generators/lib/audit/index.js';
import { collectSources } from '../../generators/lib/audit/read.js';

const audit = (files: Record<string, string>) => auditSources(Object.entries(files).map(([file, text]) => ({ file, text })));
const calls = (r: AuditReport) => [...new Set(r.references.map((x) => `${x.method} ${x.path}`))].sort();
const SECRET = ['s3cr', 'et-', 'Xq81'].join('');

const COMPOSE = [
  'services:',
  '  scheduler:',
  '    environment:',
  `      AIRFLOW_CONN_COMMERCE7: '{"conn_type": "http", "host": "https://api.commerce7.com/v1", "login": "app", "password": "${SECRET}"}'`,
  `      AIRFLOW_CONN_ERP: '{"conn_type": "http", "host": "https://erp.example.net/api"}'`,
].join('\n');

describe('audit engine: Airflow HTTP connections', () => {
  it('HttpOperator(endpoint, method) and HttpHook(method).run(endpoint) on a connection to Commerce7; another connection is not', async () => {
    const r = await audit({
      'docker-compose.yaml': COMPOSE,
      'dags/export.py': [
        'from airflow.providers.http.hooks.http import HttpHook',
        'from airflow.providers.http.operators.http import HttpOperator',
        'C7 = "commerce7"',
        'fetch = HttpOperator(task_id="fetch", http_conn_id=C7, endpoint="order", method="GET")',
        'push = HttpOperator(task_id="push", http_conn_id="erp", endpoint="order", method="PUT")',
        'def note(order_id):',
        '    HttpHook(method="POST", http_conn_id=C7).run(endpoint="note", json={"objectId": order_id})',
        '    erp = HttpHook(http_conn_id="erp")',
        '    erp.run("customer")',
        '    HttpHook(http_conn_id=C7).run(f"tag/{order_id}")',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /order', 'POST /note', 'POST /tag/{id}']);
    const ref = r.references.find((x) => x.path === '/note')!;
    assert.deepEqual(ref.evidence.pieces[0], { file: 'docker-compose.yaml', line: 4, text: 'AIRFLOW_CONN_COMMERCE7: https://api.commerce7.com/v1' });
    assert.ok(!JSON.stringify(r).includes(SECRET), 'the connection\u2019s password is never in the report');
  });

  it('a helper that makes the hook and returns it in a tuple: its method parameter bound at each call, its default otherwise', async () => {
    const r = await audit({
      '.env': 'AIRFLOW_CONN_C7_API=https://api.commerce7.com/v1\n',
      'dags/forecast.py': [
        'from airflow.providers.http.hooks.http import HttpHook',
        'def _c7(method="GET"):',
        '    hook = HttpHook(method=method, http_conn_id="c7_api")',
        '    return hook, {"tenant": "x"}',
        'def pull(**_):',
        '    hook, headers = _c7()',
        '    return hook.run("club-package", headers=headers).json()',
        'def write(**_):',
        '    hook, headers = _c7("POST")',
        '    hook.run("note", data="{}", headers=headers)',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), ['GET /club-package', 'POST /note']);
  });

  it('Astro\u2019s airflow_settings.yaml, Connection(conn_id, host) in Python, `airflow connections add` in a script', async () => {
    const yaml = await audit({
      'airflow_settings.yaml': ['airflow:', '  connections:', '    - conn_id: erp', '      conn_host: https://erp.example.net', '    - conn_id: commerce7', '      conn_type: http', '      conn_host: https://api.commerce7.com/v1'].join('\n'),
      'dags/a.py': 'from airflow.providers.http.hooks.http import HttpHook\nHttpHook("GET", "commerce7").run("product")\nHttpHook("GET", "erp").run("customer")\n',
    });
    assert.deepEqual(calls(yaml), ['GET /product']);
    const py = await audit({
      'scripts/setup_conn.py': 'from airflow.models import Connection\nconn = Connection(conn_id="c7", conn_type="http", host="https://api.commerce7.com/v1", login=APP_ID, password=SECRET)\n',
      'dags/b.py': 'from airflow.providers.http.sensors.http import HttpSensor\nwait = HttpSensor(task_id="w", http_conn_id="c7", endpoint="inventory")\n',
    });
    assert.deepEqual(calls(py), ['GET /inventory']);
    const sh = await audit({
      'bin/bootstrap.sh': '#!/bin/sh\nairflow connections add commerce7 \\\n  --conn-type http \\\n  --conn-host https://api.commerce7.com/v1 --conn-login "$C7_APP_ID"\n',
      'dags/c.py': 'from airflow.providers.http.operators.http import SimpleHttpOperator\nt = SimpleHttpOperator(task_id="t", http_conn_id="commerce7", endpoint="coupon")\n',
    });
    assert.deepEqual(calls(sh), ['POST /coupon']);
  });

  it('read from a folder: the compose file and the .env line are read, the .env keeps only the connection\u2019s URL', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'c7-airflow-'));
    mkdirSync(path.join(dir, 'dags'));
    writeFileSync(path.join(dir, 'docker-compose.yml'), COMPOSE);
    writeFileSync(path.join(dir, '.env'), `OTHER=1\nAIRFLOW_CONN_SHOP='https://app:${SECRET}@api.commerce7.com/v1'\n`);
    writeFileSync(path.join(dir, 'dags', 'd.py'), 'from airflow.providers.http.hooks.http import HttpHook\nHttpHook("PUT", "shop").run("customer/1")\nHttpHook("DELETE", "commerce7").run("tag/2")\n');
    const got = collectSources([dir], { shown: (abs) => path.relative(dir, abs) });
    assert.deepEqual(got.sources.map((s) => s.file).sort(), ['.env', 'dags/d.py', 'docker-compose.yml']);
    const env = got.sources.find((s) => s.file === '.env')!;
    assert.equal(env.text, '\nAIRFLOW_CONN_SHOP=https://api.commerce7.com/v1\n');
    const r = await auditSources(got.sources);
    assert.deepEqual(calls(r), ['DELETE /tag/{id}', 'PUT /customer/{id}']);
  });

  it('precision: no connection to Commerce7, no call; a hook\u2019s run on an unknown connection is not one', async () => {
    const r = await audit({
      'dags/e.py': [
        'from airflow.providers.http.hooks.http import HttpHook',
        'URL = "https://api.commerce7.com/v1"  # documented in the README',
        'HttpHook("GET", "warehouse").run("order")',
        'HttpOperator(task_id="x", http_conn_id="warehouse", endpoint="customer")',
      ].join('\n'),
    });
    assert.deepEqual(calls(r), []);
  });
});
