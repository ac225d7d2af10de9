// Request signing for X: OAuth 1.0a (RFC 5849, HMAC-SHA1) or an OAuth 2.0 bearer token.
// The signature base string covers the query and application/x-www-form-urlencoded body
// parameters plus the oauth_* protocol parameters, never JSON or multipart bodies (RFC 5849 §3.4.1.3).
import { createHash, createHmac, randomBytes } from 'node:crypto';

export interface SignableRequest {
  method: string;
  /** Full URL, including any query string. */
  url: string;
  /** Form-urlencoded body parameters (they are part of the signature); omit for JSON or multipart. */
  form?: Record<string, string>;
}

export interface RequestSigner {
  readonly method: 'oauth1' | 'oauth2';
  /** The value of the Authorization header for this request. */
  authorization(req: SignableRequest): Promise<string>;
  /**
   * OAuth 2.0: get a new access token now (X answered 401 to the current one). The client calls
   * it once per request, then retries; absent when the signer can't refresh.
   */
  refresh?(): Promise<void>;
  /**
   * Whose credentials these are, for a job's identity (media ids are per user): `x:<user id>` when
   * known, otherwise a one-way hash of the credentials (credentialKey). Never a secret.
   */
  readonly accountKey?: string;
  /** The credentials name no user (an OAuth 2.0 token from the environment): ask X who it is. */
  readonly accountLookup?: boolean;
}

/**
 * A stable key for credentials that name no user: a truncated SHA-256 of them, domain-separated,
 * so a journal can tell two accounts apart without holding anything that signs a request.
 */
export function credentialKey(kind: 'oauth1' | 'oauth2', ...parts: string[]): string {
  const h = createHash('sha256').update(`cueline job account\0${kind}\0${parts.join('\0')}`);
  return `${kind}-${h.digest('hex').slice(0, 32)}`;
}

export interface SignerAccount {
  accountKey?: string;
  accountLookup?: boolean;
}

export interface OAuth1Credentials {
  consumerKey: string;
  consumerSecret: string;
  /** Absent while asking for a request token. */
  token?: string;
  tokenSecret?: string;
}

/** RFC 3986 unreserved characters stay; everything else is %XX of its UTF-8 bytes (RFC 5849 §3.6). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Decodes a query-string component the way form encoding writes it ('+' is a space). */
function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

/** scheme://host[:port]/path, lower-case scheme and host, default ports dropped (RFC 5849 §3.4.1.2). */
export function baseStringUri(url: string): string {
  const u = new URL(url);
  const scheme = u.protocol.slice(0, -1).toLowerCase();
  const defaultPort = (scheme === 'http' && u.port === '80') || (scheme === 'https' && u.port === '443');
  const port = u.port && !defaultPort ? `:${u.port}` : '';
  return `${scheme}://${u.hostname.toLowerCase()}${port}${u.pathname}`;
}

/** Query parameters exactly as sent (repeated names kept), decoded. */
export function queryParams(url: string): Array<[string, string]> {
  const q = new URL(url).search.slice(1);
  if (!q) return [];
  return q.split('&').map((pair): [string, string] => {
    const i = pair.indexOf('=');
    return i < 0 ? [formDecode(pair), ''] : [formDecode(pair.slice(0, i)), formDecode(pair.slice(i + 1))];
  });
}

/** RFC 5849 §3.4.1.3.2: encode, sort by name then value, join. */
export function normalizeParameters(params: Array<[string, string]>): string {
  return params
    .map(([k, v]): [string, string] => [percentEncode(k), percentEncode(v)])
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** RFC 5849 §3.4.1: METHOD&encoded-base-uri&encoded-normalized-parameters. */
export function signatureBaseString(method: string, url: string, params: Array<[string, string]>): string {
  return [
    method.toUpperCase(),
    percentEncode(baseStringUri(url)),
    percentEncode(normalizeParameters(params)),
  ].join('&');
}

/** HMAC-SHA1 over the base string with key `consumerSecret&tokenSecret` (RFC 5849 §3.4.2). */
export function hmacSha1Signature(baseString: string, consumerSecret: string, tokenSecret = ''): string {
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  return createHmac('sha1', key).update(baseString).digest('base64');
}

export interface OAuth1HeaderInput extends SignableRequest {
  credentials: OAuth1Credentials;
  /** Extra oauth_* protocol parameters, e.g. oauth_callback or oauth_verifier. */
  extra?: Record<string, string>;
  nonce?: string;
  /** Seconds since the epoch. */
  timestamp?: number;
  realm?: string;
  /** oauth_version="1.0" is optional (RFC 5849 §3.1); X's examples send it, RFC 5849's don't. */
  includeVersion?: boolean;
}

/** The oauth_* parameters, signed, for a request (before header formatting). */
export function oauth1Parameters(input: OAuth1HeaderInput): Record<string, string> {
  const { credentials } = input;
  const oauth: Record<string, string> = {
    oauth_consumer_key: credentials.consumerKey,
    oauth_nonce: input.nonce ?? randomBytes(24).toString('base64url'),
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: String(input.timestamp ?? Math.floor(Date.now() / 1000)),
    ...input.extra,
  };
  if (input.includeVersion !== false) oauth['oauth_version'] = '1.0';
  if (credentials.token !== undefined) oauth['oauth_token'] = credentials.token;
  const params: Array<[string, string]> = [
    ...queryParams(input.url),
    ...Object.entries(input.form ?? {}),
    ...Object.entries(oauth),
  ];
  const base = signatureBaseString(input.method, input.url, params);
  oauth['oauth_signature'] = hmacSha1Signature(base, credentials.consumerSecret, credentials.tokenSecret);
  return oauth;
}

/** `OAuth k="v", …` for the Authorization header (RFC 5849 §3.5.1). */
export function oauth1Header(input: OAuth1HeaderInput): string {
  const oauth = oauth1Parameters(input);
  const parts = Object.entries(oauth).map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`);
  if (input.realm !== undefined) parts.unshift(`realm="${input.realm}"`);
  return `OAuth ${parts.join(', ')}`;
}

/** Parses an `OAuth k="v", …` header back into its parameters (used by the emulator and tests). */
export function parseOAuthHeader(header: string): Record<string, string> | null {
  const m = /^OAuth\s+(.*)$/is.exec(header.trim());
  if (!m || m[1] === undefined) return null;
  const out: Record<string, string> = {};
  for (const part of m[1].split(',')) {
    const kv = /^\s*([^=\s]+)\s*=\s*"([^"]*)"\s*$/.exec(part);
    if (!kv || kv[1] === undefined || kv[2] === undefined) return null;
    out[decodeURIComponent(kv[1])] = decodeURIComponent(kv[2]);
  }
  return out;
}

export function oauth1Signer(
  credentials: OAuth1Credentials & { token: string; tokenSecret: string },
  account: SignerAccount = {},
): RequestSigner {
  return {
    method: 'oauth1',
    // The consumer key and access token are sent with every request; the secrets stay out of it.
    accountKey: account.accountKey ?? credentialKey('oauth1', credentials.consumerKey, credentials.token),
    authorization: (req) =>
      Promise.resolve(oauth1Header({ ...req, credentials, ...(req.form ? { form: req.form } : {}) })),
  };
}

/** OAuth 2.0 user-context bearer token; getToken may refresh it first, refresh forces it. */
export function bearerSigner(
  getToken: () => Promise<string>,
  refresh?: () => Promise<void>,
  account: SignerAccount = {},
): RequestSigner {
  return {
    method: 'oauth2',
    ...(account.accountKey !== undefined ? { accountKey: account.accountKey } : {}),
    ...(account.accountLookup ? { accountLookup: true } : {}),
    authorization: async () => `Bearer ${await getToken()}`,
    ...(refresh ? { refresh } : {}),
  };
}
