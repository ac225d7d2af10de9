// The parts of AuthService that need no network: which account a reference means, and the
// checks signerFor makes before any request (scopes, expiry, missing keychain entry).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthService } from '../../../main/services/auth/auth-service.ts';
import { MemorySecretStore } from '../../../main/services/auth/memory-secret-store.ts';
import { secretKeys } from '../../../main/services/auth/secret-store.ts';
import type { StoredTokens } from '../../../main/services/auth/stored-tokens.ts';
import { cliErrorText } from '../../../main/cli/remedy-text.ts';
import { toAppError } from '../../../shared/errors.ts';

const NOW = 1_800_000_000_000;

describe('AuthService (no network)', () => {
  let dir: string;
  let secrets: MemorySecretStore;
  let svc: AuthService;

  async function add(
    accountId: string,
    handle: string,
    tokens: StoredTokens,
    isDefault?: boolean,
  ): Promise<void> {
    await svc.accounts.upsert({
      accountId,
      userId: `id-${handle}`,
      handle,
      name: handle,
      method: tokens.method,
      scopes: tokens.method === 'oauth2' ? tokens.scopes : [],
      createdAt: new Date(NOW).toISOString(),
      ...(isDefault !== undefined ? { isDefault } : {}),
    });
    await secrets.set(secretKeys.accountTokens(accountId), JSON.stringify(tokens));
  }

  const oauth2 = (
    scopes: string[],
    expiresAt = NOW + 2 * 3_600_000,
    refreshToken?: string,
  ): StoredTokens => ({
    method: 'oauth2',
    accessToken: 'access',
    expiresAt,
    scopes,
    ...(refreshToken ? { refreshToken } : {}),
  });
  const ALL = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cueline-authsvc-'));
    secrets = new MemorySecretStore();
    svc = new AuthService({
      userData: dir,
      secrets,
      endpoints: {
        apiBase: 'http://127.0.0.1:9',
        authorizeUrl: 'http://127.0.0.1:9/a',
        oauth1AuthorizeUrl: 'http://127.0.0.1:9/o',
      },
      now: () => NOW,
    });
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('no accounts: auth.no_account that says how to sign in', async () => {
    const err: unknown = await svc.signerFor().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'auth.no_account', remedy: { hint: 'auth.first_sign_in' } });
    // Each surface words the remedy: the CLI as the command to run.
    expect(cliErrorText(toAppError(err))).toMatch(/cueline auth login/);
  });

  it('resolves the default, a name, or a unique @handle in any case', async () => {
    await add('work', 'Studio', oauth2(ALL));
    await add('home', 'me', oauth2(ALL));
    expect((await svc.resolveAccount()).accountId).toBe('work');
    expect((await svc.resolveAccount('home')).accountId).toBe('home');
    expect((await svc.resolveAccount('@studio')).accountId).toBe('work');
    expect((await svc.resolveAccount('STUDIO')).accountId).toBe('work');
    await expect(svc.resolveAccount('other')).rejects.toMatchObject({
      code: 'auth.no_account',
      message: /work, home/,
    });
  });

  it('names the missing scopes before any request is made', async () => {
    await add('a', 'a', oauth2(['tweet.read', 'users.read', 'offline.access']));
    await expect(svc.signerFor('a')).rejects.toMatchObject({
      code: 'auth.missing_scope',
      details: { missing: ['tweet.write', 'media.write'] },
    });
    // A caller that only uploads media asks for less.
    await add('b', 'b', oauth2(['media.write']));
    await expect(svc.signerFor('b', { requiredScopes: ['media.write'] })).resolves.toMatchObject({
      method: 'oauth2',
    });
  });

  it('a token past its expiry with no refresh token is auth.expired; a live one is used as is', async () => {
    await add('live', 'live', oauth2(ALL));
    const signer = await svc.signerFor('live');
    expect(await signer.authorization({ method: 'GET', url: 'http://127.0.0.1:9/x' })).toBe('Bearer access');
    await add('old', 'old', oauth2(ALL, NOW - 1));
    await expect(svc.signerFor('old')).rejects.toMatchObject({ code: 'auth.expired' });
  });

  it('a short-lived token is used for half its life, not refreshed on every request', async () => {
    await add('short', 'short', {
      ...oauth2(ALL, NOW + 59_000, 'refresh'),
      obtainedAt: NOW - 1_000,
    } as StoredTokens);
    // No network is reachable at 127.0.0.1:9: a refresh attempt would fail this test.
    const signer = await svc.signerFor('short');
    expect(await signer.authorization({ method: 'GET', url: 'http://127.0.0.1:9/x' })).toBe('Bearer access');
  });

  it('reads the keychain once per token, not once per request', async () => {
    await add('busy', 'busy', oauth2(ALL));
    let reads = 0;
    const get = secrets.get.bind(secrets);
    secrets.get = (key: string): Promise<string | null> => {
      reads++;
      return get(key);
    };
    const signer = await svc.signerFor('busy');
    for (let i = 0; i < 100; i++) await signer.authorization({ method: 'POST', url: 'http://127.0.0.1:9/x' });
    expect(reads).toBeLessThanOrEqual(2);
  });

  it('an account whose keychain entry is gone asks to sign in again', async () => {
    await add('gone', 'gone', oauth2(ALL));
    await secrets.delete(secretKeys.accountTokens('gone'));
    await expect(svc.signerFor('gone')).rejects.toMatchObject({
      code: 'auth.revoked',
      message: /Sign in again/,
    });
  });

  it('OAuth 1.0a accounts need the consumer key and secret from setup', async () => {
    await add('v1', 'v1', { method: 'oauth1', token: 't', tokenSecret: 's' });
    await expect(svc.signerFor('v1')).rejects.toMatchObject({ code: 'auth.missing_credentials' });
    await svc.app.update({ consumerKey: 'ck', consumerSecret: 'cs' });
    const signer = await svc.signerFor('v1');
    expect(signer.method).toBe('oauth1');
    expect(await signer.authorization({ method: 'POST', url: 'http://127.0.0.1:9/x' })).toMatch(
      /^OAuth .*oauth_token="t"/,
    );
  });

  it('summarises the app settings for the UI without the consumer secret', async () => {
    await svc.app.update({
      clientId: 'cid',
      consumerKey: 'ck',
      consumerSecret: 'the-secret',
      redirectPort: 8123,
    });
    const summary = await svc.appSettingsSummary();
    expect(summary).toEqual({
      clientId: 'cid',
      consumerKey: 'ck',
      hasConsumerSecret: true,
      redirectPort: 8123,
      redirectUri: 'http://127.0.0.1:8123/callback',
    });
    expect(JSON.stringify(summary)).not.toContain('the-secret');
  });

  it('an unknown or finished PIN sign-in session is refused', async () => {
    await expect(svc.completePinSignIn('no-such-session', '1234567')).rejects.toMatchObject({
      code: 'auth.pin_rejected',
    });
  });
});
