// OAuth 2.0 Authorization Code + PKCE in the system browser (RFC 8252): S256 challenge and state
// from a CSPRNG (oauth4webapi), consent in the user's browser through the injected opener, the
// redirect caught by a one-shot loopback server, then the code exchanged within X's 30 s.
import * as oauth from 'oauth4webapi';
import { CuelineError } from '../../../shared/errors.ts';
import { startLoopbackServer } from './loopback-server.ts';
import { oauth2Context, tokenError, toTokens, type OAuth2Tokens } from './oauth2-client.ts';
import type { XAuthEndpoints } from './x-auth-endpoints.ts';

/** Opens a URL in the user's browser: shell.openExternal in the app, xdg-open/open/start in the CLI. */
export type UrlOpener = (url: string) => Promise<void>;

/** What Cueline asks for: post, upload media (subtitles are media), read the user, stay signed in. */
export const PUBLISH_SCOPES = [
  'tweet.read',
  'tweet.write',
  'users.read',
  'media.write',
  'offline.access',
] as const;

export interface PkceSignInOptions {
  endpoints: XAuthEndpoints;
  clientId: string;
  /** The registered redirect port (0 = any free port, for tests against the emulator only). */
  port: number;
  scopes?: readonly string[];
  open: UrlOpener;
  /** Called with the consent URL before opening it, so a UI can show it as a fallback link. */
  onAuthorizeUrl?: (url: string) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export function buildAuthorizeUrl(
  authorizeUrl: string,
  p: {
    clientId: string;
    redirectUri: string;
    scopes: readonly string[];
    state: string;
    codeChallenge: string;
  },
): URL {
  const url = new URL(authorizeUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', p.clientId);
  url.searchParams.set('redirect_uri', p.redirectUri);
  url.searchParams.set('scope', p.scopes.join(' '));
  url.searchParams.set('state', p.state);
  url.searchParams.set('code_challenge', p.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url;
}

function callbackError(err: unknown): CuelineError {
  if (err instanceof oauth.AuthorizationResponseError) {
    if (err.error === 'access_denied')
      return new CuelineError('auth.denied', 'Access was not granted on X. Nothing was saved.');
    return new CuelineError('auth.authorize_error', `X refused the sign-in: ${err.error}.`, {
      error: err.error,
    });
  }
  if (err instanceof oauth.OperationProcessingError && /state/i.test(err.message))
    return new CuelineError(
      'auth.state_mismatch',
      'The answer from the browser did not belong to this sign-in (state mismatch). Nothing was saved; start again.',
    );
  if (err instanceof CuelineError) return err;
  return new CuelineError('auth.authorize_error', err instanceof Error ? err.message : String(err));
}

/**
 * Runs the browser sign-in and hands the tokens to `complete` (who is it, save it) before the
 * browser tab is told it worked, so the tab never says "signed in" for an account not kept.
 */
export async function signInWithPkce<T>(
  o: PkceSignInOptions,
  complete: (tokens: OAuth2Tokens) => Promise<T>,
): Promise<T> {
  const scopes = o.scopes ?? PUBLISH_SCOPES;
  const ctx = oauth2Context(o.endpoints, o.clientId);
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
  const state = oauth.generateRandomState();

  const server = await startLoopbackServer({
    port: o.port,
    timeoutMs: o.timeoutMs ?? 5 * 60_000,
    ...(o.signal ? { signal: o.signal } : {}),
  });
  try {
    const url = buildAuthorizeUrl(o.endpoints.authorizeUrl, {
      clientId: o.clientId,
      redirectUri: server.redirectUri,
      scopes,
      state,
      codeChallenge,
    });
    o.onAuthorizeUrl?.(url.href);
    await o.open(url.href);
    const cb = await server.callback;
    let params: URLSearchParams;
    try {
      params = oauth.validateAuthResponse(ctx.as, ctx.client, cb.url, state);
    } catch (err) {
      const e = callbackError(err);
      cb.respond(false, `${e.message} You can close this tab.`);
      throw e;
    }
    let tokens: OAuth2Tokens;
    try {
      const res = await oauth.authorizationCodeGrantRequest(
        ctx.as,
        ctx.client,
        ctx.auth,
        params,
        server.redirectUri,
        codeVerifier,
        { ...ctx.options, ...(o.signal ? { signal: o.signal } : {}) },
      );
      tokens = toTokens(await oauth.processAuthorizationCodeResponse(ctx.as, ctx.client, res), scopes);
    } catch (err) {
      const e = tokenError(err, 'exchange');
      cb.respond(false, `${e.message} You can close this tab.`);
      throw e;
    }
    try {
      const result = await complete(tokens);
      cb.respond(true, 'You can close this tab and return to Cueline.');
      return result;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      cb.respond(false, `${message} You can close this tab.`);
      throw err;
    }
  } finally {
    await server.close();
  }
}

export async function refreshOAuth2(
  endpoints: XAuthEndpoints,
  clientId: string,
  refreshToken: string,
  previousScopes: readonly string[],
): Promise<OAuth2Tokens> {
  const ctx = oauth2Context(endpoints, clientId);
  try {
    const res = await oauth.refreshTokenGrantRequest(ctx.as, ctx.client, ctx.auth, refreshToken, ctx.options);
    return toTokens(await oauth.processRefreshTokenResponse(ctx.as, ctx.client, res), previousScopes);
  } catch (err) {
    throw tokenError(err, 'refresh');
  }
}

export async function revokeOAuth2(
  endpoints: XAuthEndpoints,
  clientId: string,
  token: string,
  hint: 'access_token' | 'refresh_token',
): Promise<void> {
  const ctx = oauth2Context(endpoints, clientId);
  const res = await oauth.revocationRequest(ctx.as, ctx.client, ctx.auth, token, {
    ...ctx.options,
    additionalParameters: { token_type_hint: hint },
  });
  await oauth.processRevocationResponse(res);
}
