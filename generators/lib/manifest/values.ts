// Rules for single values that a JSON Schema pattern cannot explain well: URLs and paths Commerce7 calls or shows,
// and the Basic-auth username. validate.ts applies them to the manifest; the prompts of `c7-app new`
// (lib/questions/validators.ts) apply the same functions, so an answer accepted there validates here.
// General web facts (URL syntax, RFC 3986 paths, RFC 7617 user-ids), not Commerce7 ones.
import { ENV_VARS } from '../catalog/index.js';

export interface ValueProblem { message: string; hint: string }

const PATH_HINT = 'use letters, digits and - . _ ~ / in a path, and percent-encode anything else (e.g. %20 for a space)';

/** Characters that are never valid in a URL path, query or fragment as written (RFC 3986), besides controls and space. */
const NOT_IN_URL = new Set(['"', '<', '>', '\\', '^', '`', '{', '|', '}']);
const CONTROL_NAMES: Record<number, string> = { 0: 'NUL', 9: 'a tab', 10: 'a newline', 13: 'a carriage return', 127: 'DEL' };

const hex4 = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character of a path (with its query and fragment) that cannot be sent as written. */
export function pathProblem(path: string): ValueProblem | undefined {
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i);
    const ch = path[i]!;
    if (code < 0x20 || code === 0x7f) {
      return { message: `the path contains a control character (${hex4(code)}${CONTROL_NAMES[code] ? `, ${CONTROL_NAMES[code]}` : ''})`, hint: PATH_HINT };
    }
    if (ch === ' ') return { message: 'the path contains a space', hint: PATH_HINT };
    if (NOT_IN_URL.has(ch)) return { message: `the path contains ${JSON.stringify(ch)}, which is not valid in a URL path`, hint: PATH_HINT };
    if (code > 0x7e) {
      const shown = /\p{L}|\p{N}/u.test(String.fromCodePoint(path.codePointAt(i)!)) ? JSON.stringify(String.fromCodePoint(path.codePointAt(i)!)) : hex4(path.codePointAt(i)!);
      return { message: `the path contains ${shown}, which is not valid in a URL path as written`, hint: PATH_HINT };
    }
    if (ch === '%' && !/^[0-9A-Fa-f]{2}$/.test(path.slice(i + 1, i + 3))) {
      return { message: 'the path contains a "%" that does not start a percent-escape such as %20', hint: PATH_HINT };
    }
  }
  return undefined;
}

/**
 * An absolute URL (or, with `allowPath`, a path starting with "/"): a host, no user info, a valid path.
 * Schemes are left to the schema and the https rule; a value with no "scheme://" is not judged here.
 * Messages never repeat the value (it may hold a password).
 */
export function urlProblem(value: string, { allowPath = false } = {}): ValueProblem | undefined {
  if (allowPath && value.startsWith('/')) return pathProblem(value);
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([\s\S]*)$/.exec(value);
  if (!m) return undefined;
  const [, , authority, rest] = m as unknown as [string, string, string, string];
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const info = authority.slice(0, at);
    return {
      message: `the URL holds a user name${info.includes(':') ? ' and password' : ''} (the part before "@"), which would be copied into README.md, the checklist and .env.example`,
      hint: `remove "${info.includes(':') ? 'user:password' : 'user'}@": Commerce7 sends the credentials of installation.basicAuth, and the password belongs in .env (${ENV_VARS.basicAuthPassword.name})`,
    };
  }
  const host = authority.replace(/:\d*$/, '');
  if (host === '') return { message: 'the URL has no host', hint: 'write the whole address, e.g. https://app.yourcompany.com/commerce7' };
  const controlOrSpace = /[\u0000-\u0020\u007f]/.exec(authority);
  if (controlOrSpace) return { message: `the host contains ${controlOrSpace[0] === ' ' ? 'a space' : `a control character (${hex4(controlOrSpace[0].charCodeAt(0))})`}`, hint: 'write the host name alone, e.g. app.yourcompany.com' };
  try {
    new URL(value);
  } catch {
    return { message: 'the host or port is not valid in a URL', hint: 'write a host name and an optional port from 1 to 65535, e.g. https://app.yourcompany.com:8443' };
  }
  return pathProblem(rest);
}

/** HTTP Basic credentials are "user:password" in base64 (RFC 7617): a colon or a control character cannot be matched. */
export function basicAuthUsernameProblem(username: string): ValueProblem | undefined {
  const hint = 'use letters, digits and - _ . @ (e.g. "commerce7"); Commerce7 sends it with the password of .env, and the server compares both';
  if (username.includes(':')) return { message: 'the username cannot contain ":" (Basic auth joins "username:password", so the server would split it wrongly)', hint };
  const control = /[\u0000-\u001f\u007f]/.exec(username);
  if (control) return { message: `the username cannot contain a control character (${hex4(control[0].charCodeAt(0))})`, hint };
  return undefined;
}
