// Where X's sign-in endpoints are. Overridable so tests (and the emulator) can stand in for X:
// CUELINE_X_API_BASE is the same variable the publishing client reads.
import { baseOverride } from '../x/api-base.ts';
export interface XAuthEndpoints {
  /** API host: /2/oauth2/token, /2/oauth2/revoke, /2/users/me, /oauth/request_token, /oauth/access_token. */
  apiBase: string;
  /** OAuth 2.0 consent page (on x.com, not the API host). */
  authorizeUrl: string;
  /** OAuth 1.0a consent page that shows the PIN. */
  oauth1AuthorizeUrl: string;
}

const X_API = 'https://api.x.com';
const X_AUTHORIZE = 'https://x.com/i/oauth2/authorize';

export function xAuthEndpoints(env: NodeJS.ProcessEnv = process.env): XAuthEndpoints {
  // Loopback only in a packaged build: sign-in and refresh send tokens to this host too.
  const apiBase = (baseOverride(env, 'CUELINE_X_API_BASE') ?? X_API).replace(/\/+$/, '');
  // A custom API base (the emulator) serves the consent page itself unless told otherwise.
  const authorizeUrl =
    env['CUELINE_X_AUTHORIZE_URL'] ?? (apiBase === X_API ? X_AUTHORIZE : `${apiBase}/i/oauth2/authorize`);
  return { apiBase, authorizeUrl, oauth1AuthorizeUrl: `${apiBase}/oauth/authorize` };
}

/** Plain http is only tolerated for loopback stand-ins (tests, the emulator), never for X itself. */
export function isLoopbackHttp(url: string): boolean {
  const u = new URL(url);
  return (
    u.protocol === 'http:' &&
    (u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]')
  );
}
