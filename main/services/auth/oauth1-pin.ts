// OAuth 1.0a PIN-based ("out of band") sign-in, for the v1.1 dialect: request_token with
// oauth_callback=oob → the user approves on X and gets a ~7-digit PIN → access_token with the
// PIN as oauth_verifier. A PIN works once; so does the request token.
import { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';
import { send, type HttpAnswer } from '../x/http-transport.ts';
import { oauth1Header } from '../x/signer.ts';
import type { OAuth1Consumer } from './app-credentials.ts';
import type { XAuthEndpoints } from './x-auth-endpoints.ts';

export interface RequestToken {
  token: string;
  secret: string;
  /** Where the user approves the app and reads the PIN. */
  authorizeUrl: string;
}

export interface OAuth1AccessToken {
  token: string;
  tokenSecret: string;
  userId: string;
  screenName: string;
}

async function postForm(url: string, authorization: string, signal?: AbortSignal): Promise<HttpAnswer> {
  try {
    return await send(url, 'POST', { authorization, 'user-agent': 'Cueline' }, '', signal);
  } catch (err) {
    throw new CuelineError(
      'auth.network',
      `Could not reach X: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

const RequestTokenSchema = z.object({
  oauth_token: z.string().min(1),
  oauth_token_secret: z.string().min(1),
  oauth_callback_confirmed: z.literal('true'),
});

export async function requestPinToken(
  endpoints: XAuthEndpoints,
  consumer: OAuth1Consumer,
  signal?: AbortSignal,
): Promise<RequestToken> {
  const url = `${endpoints.apiBase}/oauth/request_token`;
  const authorization = oauth1Header({
    method: 'POST',
    url,
    credentials: consumer,
    extra: { oauth_callback: 'oob' },
  });
  const res = await postForm(url, authorization, signal);
  const body = res.text;
  if (res.status === 401)
    throw new CuelineError('auth.missing_credentials', 'X refused the consumer key and secret.', undefined, {
      hint: 'auth.setup',
      what: 'consumer_again',
    });
  const parsed = RequestTokenSchema.safeParse(Object.fromEntries(new URLSearchParams(body)));
  if (res.status < 200 || res.status > 299 || !parsed.success)
    throw new CuelineError('auth.token_error', `X answered ${res.status} to POST /oauth/request_token.`);
  const authorizeUrl = new URL(endpoints.oauth1AuthorizeUrl);
  authorizeUrl.searchParams.set('oauth_token', parsed.data.oauth_token);
  return {
    token: parsed.data.oauth_token,
    secret: parsed.data.oauth_token_secret,
    authorizeUrl: authorizeUrl.href,
  };
}

const AccessTokenSchema = z.object({
  oauth_token: z.string().min(1),
  oauth_token_secret: z.string().min(1),
  user_id: z.string().min(1),
  screen_name: z.string().min(1),
});

export async function exchangePin(
  endpoints: XAuthEndpoints,
  consumer: OAuth1Consumer,
  requestToken: RequestToken,
  pin: string,
  signal?: AbortSignal,
): Promise<OAuth1AccessToken> {
  const verifier = pin.trim();
  if (!/^\d{4,12}$/.test(verifier))
    throw new CuelineError(
      'auth.pin_rejected',
      'The PIN is the number X shows after you approve Cueline (digits only).',
    );
  const url = `${endpoints.apiBase}/oauth/access_token`;
  const authorization = oauth1Header({
    method: 'POST',
    url,
    credentials: { ...consumer, token: requestToken.token, tokenSecret: requestToken.secret },
    extra: { oauth_verifier: verifier },
  });
  const res = await postForm(url, authorization, signal);
  const body = res.text;
  if (res.status === 401)
    throw new CuelineError(
      'auth.pin_rejected',
      'X did not accept the PIN (a PIN works once and only for this sign-in). Start the sign-in again.',
    );
  const parsed = AccessTokenSchema.safeParse(Object.fromEntries(new URLSearchParams(body)));
  if (res.status < 200 || res.status > 299 || !parsed.success)
    throw new CuelineError('auth.token_error', `X answered ${res.status} to POST /oauth/access_token.`);
  return {
    token: parsed.data.oauth_token,
    tokenSecret: parsed.data.oauth_token_secret,
    userId: parsed.data.user_id,
    screenName: parsed.data.screen_name,
  };
}
