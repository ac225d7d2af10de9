// The emulator's sign-in endpoints hold the line X holds (docs.x.com OAuth 2.0 PKCE and OAuth 1.0a
// PIN-based): if these pass, the AuthService tests against it mean something.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { oauth1Header, type OAuth1Credentials } from '../../../main/services/x/signer.ts';
import { startEmulator, type Emulator } from '../../x-emulator/server.ts';

const REDIRECT = 'http://127.0.0.1:48715/callback';
const SCOPES = 'tweet.read users.read media.write offline.access';

describe('emulator OAuth endpoints', () => {
  let em: Emulator;
  beforeEach(async () => {
    em = await startEmulator();
  });
  afterEach(async () => em.close());

  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');

  async function authorize(params: Record<string, string> = {}): Promise<Response> {
    const url = new URL(`${em.url}/i/oauth2/authorize`);
    const all = {
      response_type: 'code',
      client_id: 'cid',
      redirect_uri: REDIRECT,
      scope: SCOPES,
      state: 'st',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...params,
    };
    for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
    return fetch(url, { redirect: 'manual' });
  }

  async function code(): Promise<string> {
    const res = await authorize();
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get('location') ?? '');
    expect(back.searchParams.get('state')).toBe('st');
    return back.searchParams.get('code') ?? '';
  }

  const token = (form: Record<string, string>): Promise<Response> =>
    fetch(`${em.url}/2/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });

  const exchange = (c: string, over: Record<string, string> = {}): Promise<Response> =>
    token({
      grant_type: 'authorization_code',
      code: c,
      client_id: 'cid',
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      ...over,
    });

  it('issues tokens for a valid code + verifier, once', async () => {
    const c = await code();
    const res = await exchange(c);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 7200, scope: SCOPES });
    expect(typeof body['refresh_token']).toBe('string');
    const me = await fetch(`${em.url}/2/users/me`, {
      headers: { authorization: `Bearer ${String(body['access_token'])}` },
    });
    expect(await me.json()).toMatchObject({ data: { username: 'cueline_test' } });
    const again = await exchange(c);
    expect(again.status).toBe(400);
  });

  it('refuses a wrong code_verifier, a different redirect_uri and an expired code', async () => {
    expect(
      (await exchange(await code(), { code_verifier: randomBytes(32).toString('base64url') })).status,
    ).toBe(400);
    expect((await exchange(await code(), { redirect_uri: 'http://127.0.0.1:1/callback' })).status).toBe(400);
    em.oauth.codeTtlMs = 0;
    const res = await exchange(await code());
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('shows an error page, never a redirect, for a redirect URI that is not loopback /callback', async () => {
    for (const redirect_uri of [
      'http://localhost:48715/callback',
      'https://evil.example/callback',
      'http://127.0.0.1:1/other',
    ]) {
      const res = await authorize({ redirect_uri });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
    em.oauth.redirectUris = new Set([REDIRECT]);
    expect((await authorize({ redirect_uri: 'http://127.0.0.1:1/callback' })).status).toBe(400);
    expect((await authorize()).status).toBe(302);
  });

  it('redirects with error=access_denied when the user declines, and requires S256', async () => {
    em.oauth.consent = 'deny';
    const denied = new URL((await authorize()).headers.get('location') ?? '');
    expect(denied.searchParams.get('error')).toBe('access_denied');
    em.oauth.consent = 'approve';
    const plain = new URL(
      (await authorize({ code_challenge_method: 'plain' })).headers.get('location') ?? '',
    );
    expect(plain.searchParams.get('error')).toBe('invalid_request');
  });

  it('rotates refresh tokens: the old one stops working; revoke kills a token', async () => {
    const first = (await (await exchange(await code())).json()) as Record<string, string>;
    const refresh = (rt: string): Promise<Response> =>
      token({ grant_type: 'refresh_token', refresh_token: rt, client_id: 'cid' });
    const second = (await (await refresh(first['refresh_token'] ?? '')).json()) as Record<string, string>;
    expect(second['refresh_token']).not.toBe(first['refresh_token']);
    const stale = await refresh(first['refresh_token'] ?? '');
    expect(stale.status).toBe(400);
    expect(await stale.json()).toMatchObject({ error: 'invalid_request' });
    const revoke = await fetch(`${em.url}/2/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: second['access_token'] ?? '',
        client_id: 'cid',
        token_type_hint: 'access_token',
      }),
    });
    expect(await revoke.json()).toEqual({ revoked: true });
    const me = await fetch(`${em.url}/2/users/me`, {
      headers: { authorization: `Bearer ${second['access_token'] ?? ''}` },
    });
    expect(me.status).toBe(401);
  });

  it('PIN flow: oob request token, PIN page, access token; signatures checked', async () => {
    const consumer = {
      consumerKey: em.credentials.consumerKey,
      consumerSecret: em.credentials.consumerSecret,
    };
    /** A POST signed as an OAuth 1.0a client would sign it. */
    const signedPost = (url: string, credentials: OAuth1Credentials, extra: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: { authorization: oauth1Header({ method: 'POST', url, credentials, extra }) },
      });
    const rtUrl = `${em.url}/oauth/request_token`;
    const notOob = await signedPost(rtUrl, consumer, { oauth_callback: 'https://app.example/cb' });
    expect(notOob.status).toBe(401);
    const badSig = await signedPost(
      rtUrl,
      { ...consumer, consumerSecret: 'wrong' },
      { oauth_callback: 'oob' },
    );
    expect(badSig.status).toBe(401);
    const rt = new URLSearchParams(
      await (await signedPost(rtUrl, consumer, { oauth_callback: 'oob' })).text(),
    );
    expect(rt.get('oauth_callback_confirmed')).toBe('true');
    const page = await (
      await fetch(`${em.url}/oauth/authorize?oauth_token=${rt.get('oauth_token') ?? ''}`)
    ).text();
    const pin = /id="oauth_pin">(\d+)</.exec(page)?.[1] ?? '';
    expect(pin).toMatch(/^\d{7}$/);
    const at = await signedPost(
      `${em.url}/oauth/access_token`,
      { ...consumer, token: rt.get('oauth_token') ?? '', tokenSecret: rt.get('oauth_token_secret') ?? '' },
      { oauth_verifier: pin },
    );
    const access = new URLSearchParams(await at.text());
    expect(access.get('screen_name')).toBe('cueline_test');
    expect(em.state.oauth1Tokens.get(access.get('oauth_token') ?? '')?.secret).toBe(
      access.get('oauth_token_secret'),
    );
  });
});
