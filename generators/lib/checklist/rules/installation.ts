// Installation: https everywhere, Install and Uninstall URLs, Basic auth (platform.md §2, §5).
import { ADC_STEPS, ENV_VARS } from '../../catalog/index.js';
import { ADVICE, commerce7, fail, isBlank, list, pass, plural, type Rule } from '../rule.js';
import type { Manifest } from '../../manifest/types.js';

/** Every URL Commerce7 calls, with the manifest field it comes from. */
export function calledUrls(m: Manifest): Array<{ field: string; url: string }> {
  const out: Array<{ field: string; url: string }> = [];
  const add = (field: string, url: unknown) => { if (typeof url === 'string' && url !== '') out.push({ field, url }); };
  add('installation.baseUrl', m.installation?.baseUrl);
  add('installation.installUrl', m.installation?.installUrl);
  add('installation.uninstallUrl', m.installation?.uninstallUrl);
  list(m.webhooks).forEach((h, i) => add(`webhooks[${i}].url`, h.url));
  list(m.extensions).forEach((x, i) => { add(`extensions[${i}].iframeUrl`, x.iframeUrl); add(`extensions[${i}].url`, x.url); });
  return out;
}

const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i;

/** Why Commerce7 could not call this URL over https; undefined when it can. */
function httpsProblem(url: string, baseUrl: string | undefined): string | undefined {
  if (url.startsWith('/')) {
    if (!baseUrl) return 'a path, but installation.baseUrl is not set';
    return httpsProblem(baseUrl, undefined) ? 'a path joined to installation.baseUrl, which is not https' : undefined;
  }
  let u: URL;
  try { u = new URL(url); } catch { return 'not a URL'; }
  if (LOCAL.test(u.hostname)) return 'a local address Commerce7 cannot reach';
  if (u.protocol !== 'https:') return `${u.protocol.replace(/:$/, '')}, not https`;
  return undefined;
}

const hasInstallCalls = ({ manifest: m }: { manifest: Manifest }) => !isBlank(m.installation?.installUrl) || !isBlank(m.installation?.uninstallUrl);

export const installationRules: Rule[] = [
  {
    id: 'installation.https', section: 'installation', kind: 'auto', source: commerce7('installation'),
    title: 'Every URL Commerce7 calls is public https',
    check: ({ manifest: m }) => {
      const urls = calledUrls(m);
      if (urls.length === 0) return pass('no URLs');
      const bad = urls.flatMap(({ field, url }) => {
        const why = httpsProblem(url, m.installation?.baseUrl);
        return why ? [`${field} ${url}: ${why}`] : [];
      });
      if (bad.length === 0) return pass();
      return fail(`${plural(bad.length, 'URL')} Commerce7 cannot call over https`, 'use your app\u2019s public https address (set installation.baseUrl and write paths starting with "/"); a local URL is for development only', bad);
    },
  },
  {
    id: 'installation.install-url', section: 'installation', kind: 'auto', source: ADVICE,
    title: 'An Install URL is set, so the app learns which tenants installed it',
    check: ({ manifest: m }) => (isBlank(m.installation?.installUrl)
      ? fail('installation.installUrl is not set: the app cannot tell an installed tenant from a stranger, nor start the first sync', 'set installation.installUrl (e.g. "/commerce7/install")')
      : pass()),
  },
  {
    id: 'installation.uninstall-url', section: 'installation', kind: 'auto', source: ADVICE,
    title: 'An Uninstall URL is set, so the app stops serving a tenant that removed it',
    check: ({ manifest: m }) => (isBlank(m.installation?.uninstallUrl)
      ? fail('installation.uninstallUrl is not set: the app keeps working for, and keeps the data of, tenants that uninstalled it', 'set installation.uninstallUrl (e.g. "/commerce7/uninstall")')
      : pass()),
  },
  {
    id: 'installation.basic-auth', section: 'installation', kind: 'auto', source: ADVICE, applies: hasInstallCalls,
    title: 'Commerce7 sends Basic auth to the install and uninstall URLs',
    check: ({ manifest: m }) => (isBlank(m.installation?.basicAuth?.username)
      ? fail('installation.basicAuth is not set: anyone could call the install and uninstall URLs', `add "installation": { "basicAuth": { "username": "commerce7" } }, keep the password in .env as ${ENV_VARS.basicAuthPassword.name}, and enter both in the ${ADC_STEPS.installation} step`)
      : pass()),
  },
];
