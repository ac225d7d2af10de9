// X's OAuth 2.0 endpoints as oauth4webapi sees them. X publishes no discovery document, so the
// authorization-server metadata is written out here. The client is public (a "Native App" in
// the developer portal): no secret, client_id in the body, PKCE S256.
import * as oauth from 'oauth4webapi';
import { CuelineError } from '../../../shared/errors.ts';
import { isLoopbackHttp, type XAuthEndpoints } from './x-auth-endpoints.ts';

export interface OAuth2Tokens {
  accessToken: string;
  /** Present when `offline.access` was granted. X rotates it on every refresh. */
  refreshToken?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** When X issued it (epoch ms): bounds the refresh margin for short-lived tokens. */
  obtainedAt: number;
  scopes: string[];
}

export interface OAuth2Context {
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  auth: oauth.ClientAuth;
  options: { [oauth.allowInsecureRequests]?: boolean };
}

export function oauth2Context(endpoints: XAuthEndpoints, clientId: string): OAuth2Context {
  const as: oauth.AuthorizationServer = {
    issuer: endpoints.apiBase,
    authorization_endpoint: endpoints.authorizeUrl,
    token_endpoint: `${endpoints.apiBase}/2/oauth2/token`,
    revocation_endpoint: `${endpoints.apiBase}/2/oauth2/revoke`,
  };
  const insecure = isLoopbackHttp(endpoints.apiBase);
  return {
    as,
    client: { client_id: clientId },
    auth: oauth.None(),
    // allowInsecureRequests (deprecated on purpose) only for a loopback stand-in: the emulator.
    options: insecure ? { [oauth.allowInsecureRequests]: true } : {},
  };
}

export function toTokens(
  r: oauth.TokenEndpointResponse,
  requestedScopes: readonly string[],
  now = Date.now(),
): OAuth2Tokens {
  // X documents 2 h access tokens; if expires_in is ever missing, assume that.
  const expiresIn = typeof r.expires_in === 'number' ? r.expires_in : 7200;
  const scopes =
    typeof r.scope === 'string' && r.scope.trim() ? r.scope.trim().split(/\s+/) : [...requestedScopes];
  return {
    accessToken: r.access_token,
    ...(typeof r.refresh_token === 'string' ? { refreshToken: r.refresh_token } : {}),
    expiresAt: now + expiresIn * 1000,
    obtainedAt: now,
    scopes,
  };
}

/** Maps a token-endpoint failure to an error the user can act on. */
export function tokenError(err: unknown, during: 'exchange' | 'refresh'): CuelineError {
  if (err instanceof oauth.ResponseBodyError) {
    // RFC 6749 says invalid_grant; X answers a spent or revoked token with invalid_request
    // ("Value passed for the token was invalid"), so both mean "sign in again".
    if (err.status < 500 && ['invalid_grant', 'invalid_request', 'invalid_token'].includes(err.error)) {
      return during === 'refresh'
        ? new CuelineError(
            'auth.revoked',
            "X no longer accepts this account's sign-in (it was revoked, or used elsewhere). Sign in again",
            { error: err.error },
            { hint: 'auth.sign_in' },
          )
        : new CuelineError(
            'auth.code_rejected',
            'X refused the sign-in code (it expired or was already used). Start the sign-in again.',
            { error: err.error },
          );
    }
    if (err.error === 'unauthorized_client' || err.error === 'invalid_client')
      return new CuelineError(
        'auth.missing_credentials',
        'X refused the client id. Cueline signs in as a public client: in the developer portal, set the ' +
          'app\'s type to "Native App"',
        { error: err.error },
        { hint: 'auth.setup', what: 'client_id_native' },
      );
    return new CuelineError('auth.token_error', `X's token endpoint refused the request: ${err.error}.`, {
      error: err.error,
      status: err.status,
    });
  }
  if (err instanceof CuelineError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new CuelineError('auth.network', `Could not reach X's token endpoint: ${message}`);
}
