// Airflow's HTTP provider (apache-airflow-providers-http): `HttpHook(method, http_conn_id).run(endpoint)` and
// `HttpOperator(http_conn_id=…, endpoint=…, method=…)` send to the host of an Airflow connection, which lives outside
// the DAG's code: an AIRFLOW_CONN_<ID> environment variable (a JSON or URI value in docker-compose, a .env file, a
// Dockerfile, a shell script), `airflow connections add <id> --conn-host …`, Astro's airflow_settings.yaml
// (`conn_id:` … `conn_host:`), or `Connection(conn_id=…, host=…)` in Python. These are the connections whose host is
// Commerce7's API, by id (Airflow's ids are matched without case: AIRFLOW_CONN_COMMERCE7 is "commerce7").

import { API_BASE_URL } from '../catalog/api.js';

export interface AirflowConnection { base: string; file: string; line: number; text: string }
/** Connection id (lower case) -> where it points at Commerce7. */
export type AirflowConnections = Map<string, AirflowConnection>;

const C7 = /api\.commerce7\.com/i;
const ENV_VAR = /AIRFLOW_CONN_([A-Za-z0-9_]+)["']?\]?[ \t]*[:=,][ \t]*([^\n]*)/g;
const CLI_ADD = /airflow[ \t]+connections[ \t]+add[ \t]+["']?([\w.-]+)["']?((?:[^\n]*\\\r?\n)*[^\n]*)/g;
const PY_CONNECTION = /\bConnection\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g;
const PY_CONN_ID = /\bconn_id\s*=\s*["']([\w.-]+)["']/;
const YAML_CONN_ID = /^[ \t-]*conn_id[ \t]*:[ \t]*["']?([\w.-]+)["']?[ \t]*$/gm;

/** Does the text define an Airflow connection at all (a cheap test before connectionsIn)? */
export function mayDefineAirflowConnection(text: string): boolean {
  return (text.includes('AIRFLOW_CONN_') || text.includes('connections add') || text.includes('conn_id')) && C7.test(text);
}

/** The base URL a connection's value gives: its https URL on Commerce7's host, else (a URI with user info) the API's. */
export function connectionBase(value: string): string {
  const url = /https?:\/\/api\.commerce7\.com(?:\/v\d+)?/i.exec(value);
  return url ? url[0] : API_BASE_URL;
}

const lineAt = (text: string, index: number): number => {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** The files a connection is defined in: Python, YAML, shell, settings files (not the other languages' source). */
const DEFINING_FILE = /\.(?:py|ya?ml|sh|bash|env|ini|cfg|conf|toml|properties)$|(?:^|\/)\.env(?:\.[\w.-]+)?$|(?:^|\/)[^/.]+$/i;

/** Add the Commerce7 connections `text` (the file `file`) defines to `into`. */
export function addAirflowConnections(into: AirflowConnections, file: string, text: string): void {
  if (!DEFINING_FILE.test(file) || !mayDefineAirflowConnection(text)) return;
  // The evidence names the connection and its URL only: the value holds the login and password.
  const put = (id: string, value: string, index: number, shown: (base: string) => string) => {
    if (!C7.test(value) || into.has(id.toLowerCase())) return;
    const base = connectionBase(value);
    into.set(id.toLowerCase(), { base, file, line: lineAt(text, index), text: shown(base) });
  };
  for (const m of text.matchAll(ENV_VAR)) put(m[1]!, m[2]!, m.index, (b) => `AIRFLOW_CONN_${m[1]}: ${b}`);
  for (const m of text.matchAll(CLI_ADD)) put(m[1]!, m[2]!, m.index, (b) => `airflow connections add ${m[1]} (${b})`);
  if (/\.py$/i.test(file)) {
    for (const m of text.matchAll(PY_CONNECTION)) {
      const id = PY_CONN_ID.exec(m[1]!);
      if (id) put(id[1]!, m[1]!, m.index, (b) => `Connection(conn_id="${id[1]}", host="${b}")`);
    }
  }
  if (/\.ya?ml$/i.test(file)) {
    // Each list item from its conn_id to the next one's.
    const ids = [...text.matchAll(YAML_CONN_ID)];
    ids.forEach((m, i) => {
      const item = text.slice(m.index, ids[i + 1]?.index ?? text.length);
      const host = /^[ \t]*conn_host[ \t]*:[ \t]*([^\n]*)/m.exec(item);
      if (host) put(m[1]!, host[1]!, m.index, (b) => `conn_id: ${m[1]}, conn_host: ${b}`);
    });
  }
}

/** HttpOperator's and HttpSensor's names (SimpleHttpOperator before provider 4.x), with the method each defaults to. */
export const AIRFLOW_OPERATORS: Record<string, 'GET' | 'POST'> = {
  HttpOperator: 'POST', SimpleHttpOperator: 'POST', HttpSensor: 'GET', HttpSensorAsync: 'GET',
};
/** The hooks whose run(endpoint) sends a request with the method they were made with (POST by default). */
export const AIRFLOW_HOOK = /^(?:HttpHook|HttpAsyncHook)$/;
