// Checks a request's credentials the way X does: OAuth 1.0a user context (signature recomputed
// over query + form-urlencoded body + oauth_* params, RFC 5849 §3.4.1) or an OAuth 2.0 user
// bearer token with the endpoint's scopes. App-only bearer tokens are refused.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  hmacSha1Signature,
  parseOAuthHeader,
  queryParams,
  signatureBaseString,
} from '../../main/services/x/signer.ts';
import { HttpError } from './http-util.ts';
import type { EmulatorState } from './state.ts';

export interface AuthResult {
  method: 'oauth1' | 'oauth2';
  userId: string;
}

const unauthorized = (detail: string): HttpError => new HttpError(401, 'Unauthorized', detail, 32);

export function authenticate(
  state: EmulatorState,
  req: IncomingMessage,
  body: Buffer,
  opts: { scopes: string[]; oauth1Only?: boolean },
): AuthResult {
  const header = req.headers.authorization;
  if (!header) throw unauthorized('Unauthorized: no Authorization header.');
  if (/^Bearer\s/i.test(header)) {
    const token = header.slice(7).trim();
    if (state.appTokens.has(token))
      throw new HttpError(
        403,
        'Unsupported Authentication',
        'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
        220,
      );
    const t = state.oauth2Tokens.get(token);
    if (!t) throw unauthorized('Unauthorized: unknown or revoked bearer token.');
    if (t.expiresAt <= state.now()) throw unauthorized('Unauthorized: the access token has expired.');
    if (opts.oauth1Only)
      throw new HttpError(403, 'Forbidden', 'Your credentials do not allow access to this resource.', 220);
    const missing = opts.scopes.filter((s) => !t.scopes.includes(s));
    if (missing.length > 0)
      throw new HttpError(
        403,
        'Forbidden',
        `Missing required OAuth 2.0 scope(s): ${missing.join(', ')}.`,
        220,
        'https://api.x.com/2/problems/client-forbidden',
      );
    return { method: 'oauth2', userId: t.userId };
  }
  const p = parseOAuthHeader(header);
  if (!p) throw unauthorized('Could not authenticate you: malformed Authorization header.');
  const consumerKey = p['oauth_consumer_key'] ?? '';
  const consumerSecret = state.consumers.get(consumerKey);
  if (consumerSecret === undefined) throw unauthorized('Could not authenticate you: unknown consumer key.');
  const tokenValue = p['oauth_token'] ?? '';
  const token = state.oauth1Tokens.get(tokenValue);
  if (!token || token.consumerKey !== consumerKey) throw unauthorized('Invalid or expired token.');
  if (p['oauth_signature_method'] !== 'HMAC-SHA1')
    throw unauthorized('Could not authenticate you: unsupported oauth_signature_method.');
  const ts = Number(p['oauth_timestamp']);
  if (!Number.isFinite(ts) || Math.abs(ts - state.now() / 1000) > state.config.timestampSkewSecs)
    throw unauthorized('Timestamp out of bounds.');
  const nonce = p['oauth_nonce'] ?? '';
  const nonceKey = `${consumerKey}:${tokenValue}:${ts}:${nonce}`;
  if (!nonce || state.nonces.has(nonceKey))
    throw unauthorized('Could not authenticate you: nonce already used.');
  const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
  const params: Array<[string, string]> = queryParams(url);
  const ct = (req.headers['content-type'] ?? '').toLowerCase();
  if (ct.startsWith('application/x-www-form-urlencoded') && body.length > 0) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params.push([k, v]);
  }
  for (const [k, v] of Object.entries(p)) if (k !== 'oauth_signature' && k !== 'realm') params.push([k, v]);
  const expected = Buffer.from(
    hmacSha1Signature(signatureBaseString(req.method ?? 'GET', url, params), consumerSecret, token.secret),
  );
  const got = Buffer.from(p['oauth_signature'] ?? '');
  if (expected.length !== got.length || !timingSafeEqual(expected, got))
    throw unauthorized('Could not authenticate you: signature mismatch.');
  state.nonces.add(nonceKey);
  return { method: 'oauth1', userId: token.userId };
}
