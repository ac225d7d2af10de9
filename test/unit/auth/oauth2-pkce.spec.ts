import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, PUBLISH_SCOPES } from '../../../main/services/auth/oauth2-pkce.ts';
import { xAuthEndpoints, isLoopbackHttp } from '../../../main/services/auth/x-auth-endpoints.ts';
import { toTokens } from '../../../main/services/auth/oauth2-client.ts';

describe('OAuth 2.0 PKCE pieces', () => {
  it("builds X's authorize URL with S256 and every publishing scope", () => {
    const url = buildAuthorizeUrl('https://x.com/i/oauth2/authorize', {
      clientId: 'cid',
      redirectUri: 'http://127.0.0.1:48715/callback',
      scopes: PUBLISH_SCOPES,
      state: 'st',
      codeChallenge: 'ch',
    });
    expect(url.origin + url.pathname).toBe('https://x.com/i/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'cid',
      redirect_uri: 'http://127.0.0.1:48715/callback',
      scope: 'tweet.read tweet.write users.read media.write offline.access',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
  });

  it('points at X by default and at a stand-in when CUELINE_X_API_BASE is set', () => {
    expect(xAuthEndpoints({})).toEqual({
      apiBase: 'https://api.x.com',
      authorizeUrl: 'https://x.com/i/oauth2/authorize',
      oauth1AuthorizeUrl: 'https://api.x.com/oauth/authorize',
    });
    expect(xAuthEndpoints({ CUELINE_X_API_BASE: 'http://127.0.0.1:9/' })).toEqual({
      apiBase: 'http://127.0.0.1:9',
      authorizeUrl: 'http://127.0.0.1:9/i/oauth2/authorize',
      oauth1AuthorizeUrl: 'http://127.0.0.1:9/oauth/authorize',
    });
    expect(
      xAuthEndpoints({
        CUELINE_X_API_BASE: 'http://127.0.0.1:9',
        CUELINE_X_AUTHORIZE_URL: 'http://127.0.0.1:8/a',
      }).authorizeUrl,
    ).toBe('http://127.0.0.1:8/a');
    expect(isLoopbackHttp('http://127.0.0.1:9')).toBe(true);
    expect(isLoopbackHttp('http://api.x.com')).toBe(false);
  });

  it('reads granted scopes and expiry from the token response', () => {
    const t = toTokens(
      {
        access_token: 'a',
        token_type: 'bearer',
        expires_in: 7200,
        scope: 'tweet.read media.write',
        refresh_token: 'r',
      },
      PUBLISH_SCOPES,
      1000,
    );
    expect(t).toEqual({
      accessToken: 'a',
      refreshToken: 'r',
      expiresAt: 1000 + 7_200_000,
      obtainedAt: 1000,
      scopes: ['tweet.read', 'media.write'],
    });
  });
});
