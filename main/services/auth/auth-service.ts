// Accounts for the app and the CLI: sign-in (OAuth 2.0 PKCE, OAuth 1.0a PIN, pasted OAuth 1.0a
// tokens), refresh, sign-out, and a signer per account for the publishing engine. Tokens stay in
// the keychain and in this object's memory; what leaves it is an AccountSummary.
import { randomUUID } from 'node:crypto';
import { CuelineError } from '../../../shared/errors.ts';
import { bearerSigner, oauth1Signer, type RequestSigner } from '../x/signer.ts';
import {
  AccountStore,
  toSummary,
  type AccountRecord,
  type AccountSummary,
  type AuthMethod,
} from './account-store.ts';
import { AppCredentials, redirectUri } from './app-credentials.ts';
import { exchangePin, requestPinToken, type RequestToken } from './oauth1-pin.ts';
import type { OAuth2Tokens } from './oauth2-client.ts';
import { refreshOAuth2, revokeOAuth2, signInWithPkce, type UrlOpener } from './oauth2-pkce.ts';
import { secretKeys, type SecretStore } from './secret-store.ts';
import { StoredTokensSchema, type StoredOAuth2, type StoredTokens } from './stored-tokens.ts';
import { fetchMe, type XUser } from './users-me.ts';
import { xAuthEndpoints, type XAuthEndpoints } from './x-auth-endpoints.ts';

/** Scopes an upload + caption + post needs (offline.access is only about staying signed in). */
export const PUBLISH_REQUIRED_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'media.write'] as const;

/** Refresh this long before expiry so a token never dies in the middle of a chunked upload. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/** Never more than half the token's life, so a short-lived token isn't refreshed on every request. */
function refreshMargin(t: StoredOAuth2): number {
  const life = t.expiresAt - (t.obtainedAt ?? t.expiresAt - 2 * REFRESH_MARGIN_MS);
  return Math.min(REFRESH_MARGIN_MS, life / 2);
}

export interface AuthServiceOptions {
  userData: string;
  secrets: SecretStore;
  endpoints?: XAuthEndpoints;
  now?: () => number;
}

export interface OAuth2SignInOptions {
  open: UrlOpener;
  onAuthorizeUrl?: (url: string) => void;
  /** Local name for the account; defaults to the X handle. */
  accountId?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Overrides the registered port (tests against the emulator use 0). */
  port?: number;
}

export interface PinSignIn {
  authorizeUrl: string;
  complete(pin: string): Promise<AccountSummary>;
}

/** What the UI may know about the X app settings: never the consumer secret itself. */
export interface AppSettingsSummary {
  clientId: string | null;
  consumerKey: string | null;
  hasConsumerSecret: boolean;
  redirectPort: number;
  /** The exact URI to register in the developer portal. */
  redirectUri: string;
}

/** X's request tokens are short-lived; a PIN sign-in left open longer than this is dropped. */
const PIN_SESSION_MS = 15 * 60_000;

export interface SignerOptions {
  /** Scopes the caller's requests need; missing ones are an `auth.missing_scope` error. */
  requiredScopes?: readonly string[];
}

export class AuthService {
  readonly accounts: AccountStore;
  readonly app: AppCredentials;
  readonly endpoints: XAuthEndpoints;
  readonly #secrets: SecretStore;
  readonly #now: () => number;
  readonly #refreshing = new Map<string, Promise<string>>();
  /** Tokens already read, so a 1000-chunk upload doesn't ask the keychain 1000 times. */
  readonly #tokenCache = new Map<string, StoredOAuth2>();
  /** Accounts whose next token read must refresh (X answered 401 to the current token). */
  readonly #mustRefresh = new Set<string>();
  readonly #pinSessions = new Map<string, { pin: PinSignIn; until: number }>();

  constructor(o: AuthServiceOptions) {
    this.#secrets = o.secrets;
    this.accounts = new AccountStore(o.userData);
    this.app = new AppCredentials(o.userData, o.secrets);
    this.endpoints = o.endpoints ?? xAuthEndpoints();
    this.#now = o.now ?? Date.now;
  }

  async listAccounts(): Promise<AccountSummary[]> {
    return (await this.accounts.list()).map(toSummary);
  }

  /** By local id, then by X handle (with or without @, any case); no reference = the default. */
  async resolveAccount(ref?: string): Promise<AccountRecord> {
    const all = await this.accounts.list();
    if (ref === undefined || ref === '') {
      const def = all.find((a) => a.isDefault) ?? (all.length === 1 ? all[0] : undefined);
      if (def) return def;
      throw all.length === 0
        ? new CuelineError('auth.no_account', 'No X account is signed in.', undefined, {
            hint: 'auth.first_sign_in',
          })
        : new CuelineError('auth.no_account', 'No default X account is set.', undefined, {
            hint: 'auth.choose_account',
          });
    }
    const byId = all.find((a) => a.accountId === ref);
    if (byId) return byId;
    const handle = ref.replace(/^@/, '').toLowerCase();
    const byHandle = all.filter((a) => a.handle.toLowerCase() === handle);
    if (byHandle.length === 1 && byHandle[0]) return byHandle[0];
    if (byHandle.length > 1)
      throw new CuelineError(
        'auth.no_account',
        `@${handle} is signed in more than once (${byHandle.map((a) => a.accountId).join(', ')}); pick one by name.`,
      );
    throw new CuelineError(
      'auth.no_account',
      `No signed-in X account is called "${ref}". Known: ${all.map((a) => a.accountId).join(', ') || 'none'}.`,
    );
  }

  async setDefault(ref: string): Promise<AccountSummary> {
    const account = await this.resolveAccount(ref);
    await this.accounts.setDefault(account.accountId);
    return { ...toSummary(account), isDefault: true };
  }

  /** Fails fast, before the user spends time in the browser, when the tokens would have nowhere to go. */
  async checkKeychain(): Promise<void> {
    await this.#secrets.get(secretKeys.accountTokens('.probe'));
  }

  async signInOAuth2(o: OAuth2SignInOptions): Promise<AccountSummary> {
    const clientId = await this.app.clientId();
    await this.checkKeychain();
    const settings = await this.app.settings();
    return signInWithPkce(
      {
        endpoints: this.endpoints,
        clientId,
        port: o.port ?? settings.redirectPort,
        open: o.open,
        ...(o.onAuthorizeUrl ? { onAuthorizeUrl: o.onAuthorizeUrl } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
        ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
      },
      async (tokens) => {
        const stored: StoredOAuth2 = { method: 'oauth2', ...tokens };
        try {
          const me = await fetchMe(
            this.endpoints.apiBase,
            bearerSigner(() => Promise.resolve(tokens.accessToken)),
            o.signal,
          );
          return await this.#save(me, stored, o.accountId);
        } catch (err) {
          // Don't leave a live grant behind for an account we are not keeping.
          await this.#revokeQuietly(clientId, stored);
          throw err;
        }
      },
    );
  }

  async beginOAuth1Pin(o: { accountId?: string; signal?: AbortSignal } = {}): Promise<PinSignIn> {
    const consumer = await this.app.consumer(); // reads the keychain: fails fast when it is unavailable
    const requestToken: RequestToken = await requestPinToken(this.endpoints, consumer, o.signal);
    return {
      authorizeUrl: requestToken.authorizeUrl,
      complete: async (pin) => {
        const access = await exchangePin(this.endpoints, consumer, requestToken, pin, o.signal);
        return this.addOAuth1Tokens({ token: access.token, tokenSecret: access.tokenSecret, ...o });
      },
    };
  }

  /**
   * The PIN flow split across two calls (IPC from the UI): the request token stays here, the UI
   * gets an opaque id and the consent URL.
   */
  async startPinSignIn(o: { accountId?: string } = {}): Promise<{ sessionId: string; authorizeUrl: string }> {
    const pin = await this.beginOAuth1Pin(o);
    const now = this.#now();
    for (const [id, s] of this.#pinSessions) if (s.until <= now) this.#pinSessions.delete(id);
    const sessionId = randomUUID();
    this.#pinSessions.set(sessionId, { pin, until: now + PIN_SESSION_MS });
    return { sessionId, authorizeUrl: pin.authorizeUrl };
  }

  async completePinSignIn(sessionId: string, pin: string): Promise<AccountSummary> {
    const s = this.#pinSessions.get(sessionId);
    this.#pinSessions.delete(sessionId); // a request token and its PIN work once
    if (!s || s.until <= this.#now())
      throw new CuelineError('auth.pin_rejected', 'This PIN sign-in has expired. Start it again.');
    return s.pin.complete(pin);
  }

  cancelPinSignIn(sessionId: string): void {
    this.#pinSessions.delete(sessionId);
  }

  async appSettingsSummary(): Promise<AppSettingsSummary> {
    const s = await this.app.settings();
    return {
      clientId: s.clientId ?? null,
      consumerKey: s.consumerKey ?? null,
      hasConsumerSecret: s.consumerKey ? await this.app.hasConsumerSecret() : false,
      redirectPort: s.redirectPort,
      redirectUri: redirectUri(s.redirectPort),
    };
  }

  /** An access token + secret pasted from the developer portal (or just obtained by PIN). */
  async addOAuth1Tokens(o: {
    token: string;
    tokenSecret: string;
    accountId?: string;
    signal?: AbortSignal;
  }): Promise<AccountSummary> {
    const consumer = await this.app.consumer();
    const stored: StoredTokens = {
      method: 'oauth1',
      token: o.token.trim(),
      tokenSecret: o.tokenSecret.trim(),
    };
    const me = await fetchMe(
      this.endpoints.apiBase,
      oauth1Signer({ ...consumer, token: stored.token, tokenSecret: stored.tokenSecret }),
      o.signal,
    );
    return this.#save(me, stored, o.accountId);
  }

  /** Revokes what X lets us revoke, then forgets the account. */
  async signOut(ref?: string): Promise<{ account: AccountSummary; revoked: boolean }> {
    const account = await this.resolveAccount(ref);
    const tokens = await this.#readTokens(account);
    let revoked = false;
    if (tokens?.method === 'oauth2') {
      const { clientId } = await this.app.settings();
      if (clientId) revoked = await this.#revokeQuietly(clientId, tokens);
    }
    this.#tokenCache.delete(account.accountId);
    await this.#secrets.delete(secretKeys.accountTokens(account.accountId));
    await this.accounts.remove(account.accountId);
    return { account: toSummary(account), revoked };
  }

  /**
   * A signer for the publishing engine. Checks scopes and token validity up front, so an upload
   * never starts with credentials that can't finish it; OAuth 2.0 tokens refresh as needed.
   */
  async signerFor(ref?: string, o: SignerOptions = {}): Promise<RequestSigner> {
    const account = await this.resolveAccount(ref);
    const tokens = await this.#readTokens(account);
    if (!tokens)
      throw new CuelineError(
        'auth.revoked',
        `The keychain has no sign-in for ${account.accountId} (@${account.handle}). Sign in again`,
        undefined,
        { hint: 'auth.sign_in' },
      );
    if (tokens.method === 'oauth1') {
      const consumer = await this.app.consumer();
      return oauth1Signer(
        { ...consumer, token: tokens.token, tokenSecret: tokens.tokenSecret },
        { accountKey: `x:${account.userId}` },
      );
    }
    const required = o.requiredScopes ?? PUBLISH_REQUIRED_SCOPES;
    const missing = required.filter((s) => !tokens.scopes.includes(s));
    if (missing.length > 0)
      throw new CuelineError(
        'auth.missing_scope',
        `@${account.handle} was signed in without ${missing.join(', ')}, which publishing needs. ` +
          'Check that your X app has "Read and write" permissions, then sign in again',
        { missing, accountId: account.accountId },
        { hint: 'auth.sign_in', account: account.accountId },
      );
    const accountId = account.accountId;
    await this.accessToken(accountId);
    return bearerSigner(
      () => this.accessToken(accountId),
      async () => {
        this.#mustRefresh.add(accountId);
        await this.accessToken(accountId);
      },
      // A job's identity names the X user, whichever name the account was picked by.
      { accountKey: `x:${account.userId}` },
    );
  }

  /** A valid access token, refreshed (and the rotated refresh token stored) when near expiry. */
  async accessToken(accountId: string): Promise<string> {
    const pending = this.#refreshing.get(accountId);
    if (pending) return pending;
    const p = this.#freshAccessToken(accountId).finally(() => this.#refreshing.delete(accountId));
    this.#refreshing.set(accountId, p);
    return p;
  }

  async #freshAccessToken(accountId: string): Promise<string> {
    const force = this.#mustRefresh.delete(accountId);
    const cached = this.#tokenCache.get(accountId);
    if (!force && cached && cached.expiresAt - this.#now() > refreshMargin(cached)) return cached.accessToken;
    // Near expiry (or first use): read the keychain again, the other process may have refreshed.
    const account = await this.resolveAccount(accountId);
    const t = await this.#readTokens(account);
    if (t?.method !== 'oauth2')
      throw new CuelineError(
        'auth.revoked',
        `The keychain has no OAuth 2.0 sign-in for ${accountId}. Sign in again.`,
      );
    const now = this.#now();
    if (!force && t.expiresAt - now > refreshMargin(t)) {
      this.#tokenCache.set(accountId, t);
      return t.accessToken;
    }
    if (!t.refreshToken) {
      if (!force && t.expiresAt > now) return t.accessToken;
      throw new CuelineError(
        'auth.expired',
        `The sign-in for @${account.handle} expired (it was made without offline.access, so it lasts 2 hours). Sign in again`,
        undefined,
        { hint: 'auth.sign_in', account: accountId },
      );
    }
    const clientId = await this.app.clientId();
    let fresh: OAuth2Tokens;
    try {
      fresh = await refreshOAuth2(this.endpoints, clientId, t.refreshToken, t.scopes);
    } catch (err) {
      // The app and the CLI share the keychain: the other may have rotated the token just now.
      if (err instanceof CuelineError && err.code === 'auth.revoked') {
        const again = await this.#readTokens(account);
        if (again?.method === 'oauth2' && again.refreshToken !== t.refreshToken && again.expiresAt - now > 0)
          return again.accessToken;
      }
      throw err;
    }
    const next: StoredOAuth2 = {
      method: 'oauth2',
      ...fresh,
      ...((fresh.refreshToken ?? t.refreshToken)
        ? { refreshToken: fresh.refreshToken ?? t.refreshToken }
        : {}),
    };
    await this.#secrets.set(secretKeys.accountTokens(accountId), JSON.stringify(next));
    this.#tokenCache.set(accountId, next);
    return next.accessToken;
  }

  async #readTokens(account: AccountRecord): Promise<StoredTokens | null> {
    const raw = await this.#secrets.get(secretKeys.accountTokens(account.accountId));
    if (raw === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return null;
    }
    const parsed = StoredTokensSchema.safeParse(json);
    return parsed.success && parsed.data.method === account.method ? parsed.data : null;
  }

  async #save(me: XUser, tokens: StoredTokens, wantedId?: string): Promise<AccountSummary> {
    const method: AuthMethod = tokens.method;
    const all = await this.accounts.list();
    const same = all.find((a) => a.userId === me.id && a.method === method);
    let accountId = wantedId ?? same?.accountId ?? me.username.toLowerCase();
    if (!wantedId && !same && all.some((a) => a.accountId === accountId))
      accountId = `${accountId}-${method}`;
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(accountId))
      throw new CuelineError(
        'usage.account_name',
        'Account names use letters, digits, ".", "_" and "-" (up to 64).',
      );
    // A name already taken by another X user or method: never overwrite its tokens silently.
    const taken = all.find((a) => a.accountId === accountId);
    if (taken && (taken.userId !== me.id || taken.method !== method))
      throw new CuelineError(
        'usage.account_name',
        `"${accountId}" is already @${taken.handle} (${taken.method}). Sign it out first, or pick another name.`,
        { accountId },
      );
    // Keychain first: if it is unavailable, no account appears without its tokens.
    const key = secretKeys.accountTokens(accountId);
    this.#tokenCache.delete(accountId);
    if (same) this.#tokenCache.delete(same.accountId);
    await this.#secrets.set(key, JSON.stringify(tokens));
    try {
      const record = await this.accounts.upsert({
        accountId,
        userId: me.id,
        handle: me.username,
        name: me.name,
        method,
        scopes: tokens.method === 'oauth2' ? tokens.scopes : [],
        createdAt: new Date(this.#now()).toISOString(),
        ...(same && same.accountId !== accountId ? { isDefault: same.isDefault } : {}),
      });
      // A re-login under a new name replaces the old entry for the same user and method.
      if (same && same.accountId !== accountId) {
        await this.#secrets.delete(secretKeys.accountTokens(same.accountId));
        await this.accounts.remove(same.accountId);
      }
      return toSummary((await this.accounts.get(record.accountId)) ?? record);
    } catch (err) {
      await this.#secrets.delete(key).catch(() => false);
      throw err;
    }
  }

  async #revokeQuietly(clientId: string, t: StoredOAuth2): Promise<boolean> {
    try {
      if (t.refreshToken) await revokeOAuth2(this.endpoints, clientId, t.refreshToken, 'refresh_token');
      await revokeOAuth2(this.endpoints, clientId, t.accessToken, 'access_token');
      return true;
    } catch {
      return false;
    }
  }
}
