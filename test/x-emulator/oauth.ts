// X's sign-in endpoints for the emulator, following docs.x.com: OAuth 2.0 Authorization Code with
// PKCE (consent page, /2/oauth2/token with code and refresh_token grants, /2/oauth2/revoke) and
// OAuth 1.0a PIN-based sign-in (/oauth/request_token, /oauth/authorize, /oauth/access_token), plus
// /2/users/me. Tokens are minted into the shared EmulatorState, so the upload and post routes
// accept them. Tests steer the consent page through OAuthEmulatorState (approve or deny).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  hmacSha1Signature,
  parseOAuthHeader,
  queryParams,
  signatureBaseString,
} from '../../main/services/x/signer.ts';
import { authenticate } from './auth.ts';
import { HttpError, sendJson, sendProblem } from './http-util.ts';
import type { ExtraRoute, RouteContext } from './server.ts';
import type { EmulatorState, EmulatorUser } from './state.ts';

export interface OAuthEmulatorState {
  /** What the user does on the consent pages. */
  consent: 'approve' | 'deny';
  /** Who signs in on the consent pages; defaults to the first user (one is created if none). */
  userId?: string;
  /** Scopes granted instead of the requested ones (e.g. without media.write). */
  grantScopes?: string[];
  /** Registered OAuth 2.0 client ids; empty = accept any. */
  clientIds: Set<string>;
  /** Client ids registered as confidential ("Web App"): the token endpoint wants Basic auth from them. */
  confidentialClientIds: Set<string>;
  /**
   * Registered redirect URIs, matched exactly like X does. Empty = accept any
   * http://127.0.0.1:<port>/callback (tests listen on port 0).
   */
  redirectUris: Set<string>;
  /** X: authorization codes live 30 s; access tokens 2 h. */
  codeTtlMs: number;
  accessTtlMs: number;
  codes: Map<
    string,
    {
      clientId: string;
      redirectUri: string;
      challenge: string;
      userId: string;
      scopes: string[];
      expiresAt: number;
    }
  >;
  refreshTokens: Map<string, { clientId: string; userId: string; scopes: string[] }>;
  requestTokens: Map<string, { secret: string; consumerKey: string; pin?: string; userId?: string }>;
  /** Every token revoked through /2/oauth2/revoke, for assertions. */
  revoked: string[];
  /** Consent pages served, for assertions. */
  consentPages: number;
}

export function createOAuthState(init: Partial<OAuthEmulatorState> = {}): OAuthEmulatorState {
  return {
    consent: 'approve',
    clientIds: new Set(),
    confidentialClientIds: new Set(),
    redirectUris: new Set(),
    codeTtlMs: 30_000,
    accessTtlMs: 7_200_000,
    codes: new Map(),
    refreshTokens: new Map(),
    requestTokens: new Map(),
    revoked: [],
    consentPages: 0,
    ...init,
  };
}

const token = (bytes = 24): string => randomBytes(bytes).toString('base64url');

/** RFC 6749 §5.2 error body, which is what X's token endpoint answers with. */
function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description });
}

function html(res: ServerResponse, status: number, body: string): void {
  const text = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>X (emulator)</title></head><body>${body}</body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function form(res: ServerResponse, status: number, values: Record<string, string>): void {
  const text = new URLSearchParams(values).toString();
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function signingUser(state: EmulatorState, o: OAuthEmulatorState): EmulatorUser {
  if (o.userId) {
    const u = state.users.get(o.userId);
    if (u) return u;
  }
  const first = state.users.values().next();
  if (!first.done) return first.value;
  const u: EmulatorUser = { id: '1880000000000000001', username: 'cueline_tester' };
  state.users.set(u.id, u);
  return u;
}

function isAcceptedRedirect(o: OAuthEmulatorState, uri: string): boolean {
  if (o.redirectUris.size > 0) return o.redirectUris.has(uri);
  try {
    const u = new URL(uri);
    return (
      u.protocol === 'http:' &&
      u.hostname === '127.0.0.1' &&
      u.port !== '' &&
      u.pathname === '/callback' &&
      !u.search
    );
  } catch {
    return false;
  }
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function authorize2(url: URL, res: ServerResponse, state: EmulatorState, o: OAuthEmulatorState): void {
  const q = url.searchParams;
  const clientId = q.get('client_id') ?? '';
  const redirectUri = q.get('redirect_uri') ?? '';
  // Like X: a bad client or redirect URI is an error page, never a redirect.
  if (!clientId || (o.clientIds.size > 0 && !o.clientIds.has(clientId))) {
    html(res, 400, '<h1>Something went wrong</h1><p>Unknown client_id.</p>');
    return;
  }
  if (!isAcceptedRedirect(o, redirectUri)) {
    html(
      res,
      400,
      '<h1>Something went wrong</h1><p>redirect_uri does not match the registered callback URL.</p>',
    );
    return;
  }
  o.consentPages++;
  const back = new URL(redirectUri);
  const stateParam = q.get('state');
  if (stateParam !== null) back.searchParams.set('state', stateParam);
  const challenge = q.get('code_challenge') ?? '';
  if (
    q.get('response_type') !== 'code' ||
    q.get('code_challenge_method') !== 'S256' ||
    !challenge ||
    !q.get('scope')
  ) {
    back.searchParams.set('error', 'invalid_request');
    res.writeHead(302, { location: back.href }).end();
    return;
  }
  if (o.consent === 'deny') {
    back.searchParams.set('error', 'access_denied');
    res.writeHead(302, { location: back.href }).end();
    return;
  }
  const requested = (q.get('scope') ?? '').split(/\s+/).filter(Boolean);
  const code = token();
  o.codes.set(code, {
    clientId,
    redirectUri,
    challenge,
    userId: signingUser(state, o).id,
    scopes: o.grantScopes ?? requested,
    expiresAt: state.now() + o.codeTtlMs,
  });
  back.searchParams.set('code', code);
  res.writeHead(302, { location: back.href }).end();
}

function mintOAuth2(
  state: EmulatorState,
  o: OAuthEmulatorState,
  g: { clientId: string; userId: string; scopes: string[] },
): Record<string, string | number> {
  const access = token(32);
  state.oauth2Tokens.set(access, {
    userId: g.userId,
    scopes: g.scopes,
    expiresAt: state.now() + o.accessTtlMs,
  });
  const out: Record<string, string | number> = {
    token_type: 'bearer',
    expires_in: Math.floor(o.accessTtlMs / 1000),
    access_token: access,
    scope: g.scopes.join(' '),
  };
  if (g.scopes.includes('offline.access')) {
    const refresh = token(32);
    o.refreshTokens.set(refresh, g);
    out['refresh_token'] = refresh;
  }
  return out;
}

async function tokenEndpoint(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
  o: OAuthEmulatorState,
): Promise<void> {
  const state = ctx.state;
  const ct = (req.headers['content-type'] ?? '').toLowerCase();
  const body = await ctx.readBody();
  if (!ct.startsWith('application/x-www-form-urlencoded')) {
    oauthError(res, 400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded.');
    return;
  }
  const p = new URLSearchParams(body.toString('utf8'));
  const clientId = p.get('client_id') ?? '';
  if (!clientId || (o.clientIds.size > 0 && !o.clientIds.has(clientId))) {
    oauthError(res, 401, 'unauthorized_client', 'Missing valid authorization header');
    return;
  }
  if (o.confidentialClientIds.has(clientId) && !/^Basic\s/i.test(req.headers.authorization ?? '')) {
    oauthError(res, 401, 'unauthorized_client', 'Missing valid authorization header');
    return;
  }
  const grant = p.get('grant_type');
  if (grant === 'authorization_code') {
    const code = p.get('code') ?? '';
    const entry = o.codes.get(code);
    o.codes.delete(code); // single use, whatever happens next
    if (!entry || entry.expiresAt <= state.now() || entry.clientId !== clientId) {
      oauthError(res, 400, 'invalid_request', 'Value passed for the authorization code was invalid.');
      return;
    }
    if (p.get('redirect_uri') !== entry.redirectUri) {
      oauthError(
        res,
        400,
        'invalid_request',
        'Value passed for the redirect uri did not match the uri of the authorization code.',
      );
      return;
    }
    if (s256(p.get('code_verifier') ?? '') !== entry.challenge) {
      oauthError(
        res,
        400,
        'invalid_request',
        'Value passed for the code verifier did not match the code challenge.',
      );
      return;
    }
    sendJson(res, 200, mintOAuth2(state, o, entry));
    return;
  }
  if (grant === 'refresh_token') {
    const refresh = p.get('refresh_token') ?? '';
    const entry = o.refreshTokens.get(refresh);
    if (!entry || entry.clientId !== clientId) {
      // X answers a spent, revoked or unknown refresh token with invalid_request, not invalid_grant.
      oauthError(res, 400, 'invalid_request', 'Value passed for the token was invalid.');
      return;
    }
    o.refreshTokens.delete(refresh); // rotation: a refresh token works once
    sendJson(res, 200, mintOAuth2(state, o, entry));
    return;
  }
  oauthError(res, 400, 'unsupported_grant_type', `grant_type ${grant ?? '(missing)'} is not supported.`);
}

async function revokeEndpoint(res: ServerResponse, ctx: RouteContext, o: OAuthEmulatorState): Promise<void> {
  const state = ctx.state;
  const p = new URLSearchParams((await ctx.readBody()).toString('utf8'));
  const clientId = p.get('client_id') ?? '';
  if (!clientId || (o.clientIds.size > 0 && !o.clientIds.has(clientId))) {
    oauthError(res, 401, 'unauthorized_client', 'Missing valid authorization header');
    return;
  }
  const t = p.get('token') ?? '';
  if (state.oauth2Tokens.delete(t) || o.refreshTokens.delete(t)) o.revoked.push(t);
  sendJson(res, 200, { revoked: true });
}

/** Checks an OAuth 1.0a request signed with the consumer secret and an optional (request) token secret. */
function verifyOAuth1(
  req: IncomingMessage,
  state: EmulatorState,
  tokenSecretFor: (token: string, consumerKey: string) => string | undefined,
): Record<string, string> {
  const p = parseOAuthHeader(req.headers.authorization ?? '');
  if (!p) throw new HttpError(401, 'Unauthorized', 'Could not authenticate you.', 32);
  const consumerKey = p['oauth_consumer_key'] ?? '';
  const consumerSecret = state.consumers.get(consumerKey);
  if (consumerSecret === undefined)
    throw new HttpError(401, 'Unauthorized', 'Could not authenticate you.', 32);
  const t = p['oauth_token'];
  const tokenSecret = t === undefined ? '' : tokenSecretFor(t, consumerKey);
  if (tokenSecret === undefined) throw new HttpError(401, 'Unauthorized', 'Invalid or expired token.', 89);
  const ts = Number(p['oauth_timestamp']);
  if (!Number.isFinite(ts) || Math.abs(ts - state.now() / 1000) > state.config.timestampSkewSecs)
    throw new HttpError(401, 'Unauthorized', 'Timestamp out of bounds.', 135);
  const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
  const params: Array<[string, string]> = [...queryParams(url)];
  for (const [k, v] of Object.entries(p)) if (k !== 'oauth_signature' && k !== 'realm') params.push([k, v]);
  const expected = Buffer.from(
    hmacSha1Signature(signatureBaseString(req.method ?? 'POST', url, params), consumerSecret, tokenSecret),
  );
  const got = Buffer.from(p['oauth_signature'] ?? '');
  if (expected.length !== got.length || !timingSafeEqual(expected, got))
    throw new HttpError(401, 'Unauthorized', 'Could not authenticate you.', 32);
  return p;
}

function sendOAuth1Error(res: ServerResponse, err: unknown): void {
  if (err instanceof HttpError)
    sendJson(res, err.status, { errors: [{ code: err.v1Code, message: err.message }] });
  else throw err;
}

/** Runs an OAuth 1.0a endpoint: what it throws is answered as X's OAuth 1.0a endpoints answer errors. */
function oauth1Answer(res: ServerResponse, endpoint: () => void): void {
  try {
    endpoint();
  } catch (err) {
    sendOAuth1Error(res, err);
  }
}

function requestToken(
  req: IncomingMessage,
  res: ServerResponse,
  state: EmulatorState,
  o: OAuthEmulatorState,
): void {
  const p = verifyOAuth1(req, state, () => undefined);
  const callback =
    p['oauth_callback'] ?? new URL(req.url ?? '/', 'http://x').searchParams.get('oauth_callback');
  if (callback !== 'oob')
    throw new HttpError(401, 'Unauthorized', 'Callback URL not approved for this client application.', 415);
  const t = token(16);
  const secret = token(24);
  o.requestTokens.set(t, { secret, consumerKey: p['oauth_consumer_key'] ?? '' });
  form(res, 200, { oauth_token: t, oauth_token_secret: secret, oauth_callback_confirmed: 'true' });
}

function authorize1(url: URL, res: ServerResponse, state: EmulatorState, o: OAuthEmulatorState): void {
  const t = url.searchParams.get('oauth_token') ?? '';
  const entry = o.requestTokens.get(t);
  if (!entry) {
    html(res, 400, '<h1>Whoa there!</h1><p>The request token for this page is invalid.</p>');
    return;
  }
  o.consentPages++;
  if (o.consent === 'deny') {
    o.requestTokens.delete(t);
    html(res, 200, '<h1>You did not authorize the app.</h1>');
    return;
  }
  entry.pin = String(1_000_000 + (randomBytes(4).readUInt32BE() % 9_000_000));
  entry.userId = signingUser(state, o).id;
  html(
    res,
    200,
    `<p>Next, return to the app and enter this PIN to complete the authorization process:</p><code id="oauth_pin">${entry.pin}</code>`,
  );
}

function accessToken(
  req: IncomingMessage,
  res: ServerResponse,
  state: EmulatorState,
  o: OAuthEmulatorState,
): void {
  const p = verifyOAuth1(req, state, (t, ck) => {
    const e = o.requestTokens.get(t);
    return e && e.consumerKey === ck ? e.secret : undefined;
  });
  const t = p['oauth_token'] ?? '';
  const entry = o.requestTokens.get(t);
  const verifier =
    p['oauth_verifier'] ?? new URL(req.url ?? '/', 'http://x').searchParams.get('oauth_verifier');
  o.requestTokens.delete(t); // a request token and its PIN work once
  if (!entry?.pin || !entry.userId || verifier !== entry.pin)
    throw new HttpError(
      401,
      'Unauthorized',
      'Error processing your OAuth request: Invalid oauth_verifier parameter',
      32,
    );
  const user = state.users.get(entry.userId);
  const access = `${entry.userId}-${token(20)}`;
  const secret = token(24);
  state.oauth1Tokens.set(access, { secret, userId: entry.userId, consumerKey: entry.consumerKey });
  form(res, 200, {
    oauth_token: access,
    oauth_token_secret: secret,
    user_id: entry.userId,
    screen_name: user?.username ?? entry.userId,
  });
}

async function usersMe(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  const state = ctx.state;
  try {
    const body = await ctx.readBody();
    // X: GET /2/users/me needs tweet.read and users.read with OAuth 2.0.
    const who = authenticate(state, req, body, { scopes: ['tweet.read', 'users.read'] });
    const u = state.users.get(who.userId);
    if (!u) throw new HttpError(404, 'Not Found Error', 'Could not find the user.', 50);
    const name = (u as EmulatorUser & { name?: string }).name ?? u.username;
    sendJson(res, 200, { data: { id: u.id, name, username: u.username } });
  } catch (err) {
    if (err instanceof HttpError) sendProblem(res, err);
    else throw err;
  }
}

/** The route handler for startEmulator's extraRoutes; `o` is the knob tests turn. */
export function oauthRoutes(o: OAuthEmulatorState = createOAuthState()): ExtraRoute {
  return async (req, res, ctx) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const handlers: Record<string, [string, () => void | Promise<void>]> = {
      'GET /i/oauth2/authorize': ['oauth2.authorize', () => authorize2(url, res, ctx.state, o)],
      'POST /2/oauth2/token': ['oauth2.token', () => tokenEndpoint(req, res, ctx, o)],
      'POST /2/oauth2/revoke': ['oauth2.revoke', () => revokeEndpoint(res, ctx, o)],
      'POST /oauth/request_token': [
        'oauth1.request_token',
        () => oauth1Answer(res, () => requestToken(req, res, ctx.state, o)),
      ],
      'GET /oauth/authorize': ['oauth1.authorize', () => authorize1(url, res, ctx.state, o)],
      'POST /oauth/access_token': [
        'oauth1.access_token',
        () => oauth1Answer(res, () => accessToken(req, res, ctx.state, o)),
      ],
      'GET /2/users/me': ['v2.users.me', () => usersMe(req, res, ctx)],
    };
    const h = handlers[`${req.method ?? 'GET'} ${url.pathname}`];
    if (!h) return false;
    await h[1]();
    ctx.log(h[0], res.statusCode);
    return true;
  };
}
