// Could Commerce7 frame this page? The answer the browser would give, from the page's response headers: a CSP
// `frame-ancestors` governs when present (browsers then ignore X-Frame-Options); otherwise X-Frame-Options DENY or
// SAMEORIGIN refuses every other origin (platform.md §5: "no X-Frame-Options: SAMEORIGIN").

export interface FramingVerdict { allowed: boolean; why: string }

/** (inferred, as catalog/extensions.ts COMMERCE7_FRAME_ANCESTORS) The admin frames extension pages from here. */
export const adminOrigin = (tenant: string): string => `https://${tenant}.admin.platform.commerce7.com`;
/** Storefront blocks are framed by the winery's own website; any https:// site stands in for it. */
export const storefrontOrigin = (tenant: string): string => `https://www.${tenant}.winery.test`;

type Headers = Record<string, string | string[] | undefined>;
const all = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The frame-ancestors source lists of every CSP header (each header is enforced on its own). */
export function frameAncestorLists(headers: Headers): string[][] {
  return all(headers['content-security-policy']).flatMap((policy) => policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]?.toLowerCase() === 'frame-ancestors').map((d) => d.slice(1)));
}

function sourceMatches(source: string, ancestor: URL, self: URL): boolean {
  const s = source.toLowerCase();
  if (s === "'none'") return false;
  if (s === "'self'") return ancestor.origin === self.origin;
  if (s === '*') return ancestor.protocol === 'http:' || ancestor.protocol === 'https:';
  if (/^[a-z][a-z0-9+.-]*:$/.test(s)) return ancestor.protocol === s || (s === 'http:' && ancestor.protocol === 'https:');
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^:/]+|\*)(?::(\d+|\*))?(\/.*)?$/.exec(s);
  if (!m) return false;
  const [, scheme, wildcard, host, port] = m;
  if (scheme && `${scheme}:` !== ancestor.protocol && !(scheme === 'http' && ancestor.protocol === 'https:')) return false;
  const h = ancestor.hostname.toLowerCase();
  if (wildcard ? !h.endsWith(`.${host!}`) : host !== '*' && h !== host) return false;
  const defaultPort = ancestor.protocol === 'https:' ? '443' : '80';
  const actual = ancestor.port || defaultPort;
  if (port === '*') return true;
  return (port ?? (scheme === 'http' ? '80' : scheme === 'https' ? '443' : defaultPort)) === actual;
}

/** Would a page served from `pageUrl` with these headers load inside a frame on `ancestorOrigin`? */
export function framingVerdict(headers: Headers, pageUrl: string, ancestorOrigin: string): FramingVerdict {
  const ancestor = new URL(ancestorOrigin);
  const self = new URL(pageUrl);
  const lists = frameAncestorLists(headers);
  if (lists.length) {
    for (const sources of lists) {
      if (!sources.some((s) => sourceMatches(s, ancestor, self))) {
        return { allowed: false, why: `its Content-Security-Policy says frame-ancestors ${sources.join(' ') || "(empty: 'none')"}, which does not include ${ancestorOrigin}` };
      }
    }
    return { allowed: true, why: `its Content-Security-Policy frame-ancestors (${lists.map((l) => l.join(' ')).join('; ')}) includes ${ancestorOrigin}` };
  }
  const xfo = all(headers['x-frame-options']).join(',').trim().toUpperCase();
  if (xfo === 'DENY' || xfo === 'SAMEORIGIN') return { allowed: false, why: `it sends X-Frame-Options: ${xfo}, so no other site (${ancestorOrigin} included) may frame it` };
  return { allowed: true, why: 'it sets neither frame-ancestors nor X-Frame-Options, so any site may frame it (a CSP frame-ancestors naming Commerce7 would protect it from clickjacking)' };
}

/** The same headers with frame-ancestors granted to `consoleOrigin` alone and X-Frame-Options dropped: the console
 *  stands in for Commerce7, so a page Commerce7 may frame loads in it (and one it may not is left as it was). */
export function standInHeaders(headers: Headers, consoleOrigin: string): Headers {
  const out: Headers = { ...headers };
  delete out['x-frame-options'];
  const csp = all(headers['content-security-policy']);
  if (csp.length) {
    out['content-security-policy'] = csp.map((policy) => policy.split(';').map((d) => (d.trim().toLowerCase().startsWith('frame-ancestors') ? ` frame-ancestors ${consoleOrigin}` : d)).join(';'));
  }
  return out;
}
