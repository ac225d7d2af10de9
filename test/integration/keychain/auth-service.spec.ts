// Sign-in, refresh, multiple accounts and sign-out through the real keychain against the emulator's
// OAuth endpoints. The "browser" is a test opener that loads the consent page and follows X's
// redirect to the loopback server, like a user clicking "Authorize app".
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthService } from '../../../main/services/auth/auth-service.ts';
import { KeychainSecretStore } from '../../../main/services/auth/keychain-secret-store.ts';
import { secretKeys } from '../../../main/services/auth/secret-store.ts';
import { XClient } from '../../../main/services/x/client.ts';
import { fetchMe } from '../../../main/services/auth/users-me.ts';
import { xAuthEndpoints } from '../../../main/services/auth/x-auth-endpoints.ts';
import { startEmulator, type Emulator } from '../../x-emulator/server.ts';

const HOUR = 3_600_000;

const canListen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

/** A browser that approves: loads the consent URL and follows the redirect. */
function approvingBrowser(): {
  open: (url: string) => Promise<void>;
  page: () => Promise<string>;
  port: () => number;
} {
  let page: Promise<string> = Promise.resolve('');
  let port = 0;
  return {
    open: (url) => {
      port = Number(new URL(new URL(url).searchParams.get('redirect_uri') ?? '').port);
      // Fire and forget, like shell.openExternal: the tab finishes after the code exchange.
      page = fetch(url).then((r) => r.text());
      return Promise.resolve();
    },
    page: () => page,
    port: () => port,
  };
}

describe('AuthService against the emulator, tokens in the real keychain', () => {
  let emulator: Emulator;
  let userData: string;
  let secrets: KeychainSecretStore;
  let now = Date.now();
  const service = (clock: () => number = () => now): AuthService =>
    new AuthService({
      userData,
      secrets,
      endpoints: xAuthEndpoints({ CUELINE_X_API_BASE: emulator.url }),
      now: clock,
    });

  beforeEach(async () => {
    emulator = await startEmulator();
    userData = await mkdtemp(join(tmpdir(), 'cueline-auth-'));
    secrets = new KeychainSecretStore(`cueline-test-${randomUUID()}`);
    now = Date.now();
    const svc = service();
    await svc.app.update({
      clientId: 'test-client',
      consumerKey: emulator.credentials.consumerKey,
      consumerSecret: emulator.credentials.consumerSecret,
    });
  });

  afterEach(async () => {
    const svc = service();
    for (const a of await svc.accounts.list()) await secrets.delete(secretKeys.accountTokens(a.accountId));
    await secrets.delete(secretKeys.consumerSecret);
    await emulator.close();
    await rm(userData, { recursive: true, force: true });
  });

  async function signIn(
    svc = service(),
    accountId?: string,
  ): Promise<Awaited<ReturnType<AuthService['signInOAuth2']>>> {
    const browser = approvingBrowser();
    const account = await svc.signInOAuth2({
      open: browser.open,
      port: 0,
      ...(accountId ? { accountId } : {}),
    });
    expect(await browser.page()).toContain('You can close this tab');
    return account;
  }

  it('signs in with PKCE: account metadata in userData, tokens only in the keychain, a working signer', async () => {
    const browser = approvingBrowser();
    const account = await service().signInOAuth2({ open: browser.open, port: 0 });
    expect(account).toEqual({
      accountId: 'cueline_test',
      handle: 'cueline_test',
      name: 'cueline_test',
      method: 'oauth2',
      scopes: ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'],
      isDefault: true,
    });
    expect(await browser.page()).toContain('You can close this tab');
    expect(await canListen(browser.port())).toBe(true);

    const stored = JSON.parse((await secrets.get(secretKeys.accountTokens('cueline_test'))) ?? '{}') as {
      accessToken: string;
      refreshToken: string;
    };
    expect(emulator.state.oauth2Tokens.has(stored.accessToken)).toBe(true);
    const file = await readFile(join(userData, 'accounts.json'), 'utf8');
    expect(file).not.toContain(stored.accessToken);
    expect(file).not.toContain(stored.refreshToken);

    const signer = await service().signerFor();
    expect(signer.method).toBe('oauth2');
    expect((await fetchMe(emulator.url, signer)).username).toBe('cueline_test');
    // A job's identity names the X user, not the name the account was picked by.
    expect(signer.accountKey).toBe(`x:${(await fetchMe(emulator.url, signer)).id}`);
  });

  it('refuses an answer whose state does not match, and stores nothing', async () => {
    let tab: Promise<Response> | undefined;
    const tampering = async (url: string): Promise<void> => {
      const consent = await fetch(url, { redirect: 'manual' });
      const back = new URL(consent.headers.get('location') ?? '');
      back.searchParams.set('state', 'forged');
      tab = fetch(back);
    };
    await expect(service().signInOAuth2({ open: tampering, port: 0 })).rejects.toMatchObject({
      code: 'auth.state_mismatch',
    });
    expect((await tab)?.status).toBe(400);
    expect(await service().listAccounts()).toEqual([]);
    expect(await secrets.get(secretKeys.accountTokens('cueline_test'))).toBeNull();
  });

  it('reports denied consent, and stores nothing', async () => {
    emulator.oauth.consent = 'deny';
    const browser = approvingBrowser();
    await expect(service().signInOAuth2({ open: browser.open, port: 0 })).rejects.toMatchObject({
      code: 'auth.denied',
    });
    expect(await browser.page()).toContain('Access was not granted');
    expect(await service().listAccounts()).toEqual([]);
    expect(await canListen(browser.port())).toBe(true);
  });

  it('reports a code X no longer accepts (expired: codes live 30 s)', async () => {
    emulator.oauth.codeTtlMs = 0;
    const browser = approvingBrowser();
    await expect(service().signInOAuth2({ open: browser.open, port: 0 })).rejects.toMatchObject({
      code: 'auth.code_rejected',
    });
    expect(await service().listAccounts()).toEqual([]);
  });

  it('an app registered as confidential (not "Native App") gets a message saying so', async () => {
    emulator.oauth.confidentialClientIds = new Set(['test-client']);
    const browser = approvingBrowser();
    const err = await service()
      .signInOAuth2({ open: browser.open, port: 0 })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'auth.missing_credentials' });
    expect((err as Error).message).toContain('Native App');
    expect(await service().listAccounts()).toEqual([]);
  });

  it('cancel and timeout close the loopback server and leave nothing behind', async () => {
    const ac = new AbortController();
    let port = 0;
    const cancelling = (url: string): Promise<void> => {
      port = Number(new URL(new URL(url).searchParams.get('redirect_uri') ?? '').port);
      ac.abort();
      return Promise.resolve();
    };
    await expect(
      service().signInOAuth2({ open: cancelling, port: 0, signal: ac.signal }),
    ).rejects.toMatchObject({
      code: 'auth.cancelled',
    });
    expect(await canListen(port)).toBe(true);
    await expect(
      service().signInOAuth2({ open: () => Promise.resolve(), port: 0, timeoutMs: 10 }),
    ).rejects.toMatchObject({ code: 'auth.timeout' });
    expect(await service().listAccounts()).toEqual([]);
  });

  it('when X will not say who signed in, the grant is revoked, the tab says so, nothing is stored', async () => {
    emulator.oauth.grantScopes = ['media.write', 'offline.access'];
    const browser = approvingBrowser();
    await expect(service().signInOAuth2({ open: browser.open, port: 0 })).rejects.toMatchObject({
      code: 'auth.missing_scope',
      details: { missing: ['users.read'] },
    });
    expect(await browser.page()).toContain('Sign-in failed');
    expect(emulator.oauth.revoked).toHaveLength(2);
    expect(emulator.state.oauth2Tokens.size).toBe(1); // only the emulator's own preset token
    expect(await service().listAccounts()).toEqual([]);
  });

  it('refreshes before expiry and stores the rotated refresh token each time', async () => {
    await signIn();
    const key = secretKeys.accountTokens('cueline_test');
    const first = JSON.parse((await secrets.get(key)) ?? '{}') as {
      accessToken: string;
      refreshToken: string;
    };
    // Two hours on, inside the refresh margin: the next signer refreshes.
    const later = service(() => now + 2 * HOUR);
    const signer = await later.signerFor();
    const second = JSON.parse((await secrets.get(key)) ?? '{}') as {
      accessToken: string;
      refreshToken: string;
    };
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(emulator.oauth.refreshTokens.has(first.refreshToken)).toBe(false);
    expect((await fetchMe(emulator.url, signer)).id).toBe('1500000000000000001');
    // And again: the rotated token works once more and rotates again.
    await service(() => now + 4 * HOUR).signerFor();
    const third = JSON.parse((await secrets.get(key)) ?? '{}') as { refreshToken: string };
    expect(third.refreshToken).not.toBe(second.refreshToken);
  });

  it('X answering 401 to a token not yet expired: the client refreshes it once and retries', async () => {
    await signIn();
    const key = secretKeys.accountTokens('cueline_test');
    const before = JSON.parse((await secrets.get(key)) ?? '{}') as { accessToken: string };
    const signer = await service().signerFor();
    // Revoked on X's side while the app still thinks it is good for two hours.
    emulator.state.oauth2Tokens.delete(before.accessToken);
    const client = new XClient({ signer, apiBase: emulator.url, uploadBase: emulator.url });
    const r = await client.request({ method: 'GET', host: 'api', path: '/2/users/me' });
    expect(r.status).toBe(200);
    const after = JSON.parse((await secrets.get(key)) ?? '{}') as { accessToken: string };
    expect(after.accessToken).not.toBe(before.accessToken);
  });

  it('a revoked refresh token is auth.revoked, asking to sign in again', async () => {
    await signIn();
    emulator.oauth.refreshTokens.clear();
    const err = await service(() => now + 2 * HOUR)
      .signerFor()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'auth.revoked' });
    expect((err as Error).message).toMatch(/sign in again/i);
  });

  it('without media.write: auth.missing_scope naming it', async () => {
    emulator.oauth.grantScopes = ['tweet.read', 'tweet.write', 'users.read', 'offline.access'];
    await signIn();
    const err = await service()
      .signerFor()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'auth.missing_scope', details: { missing: ['media.write'] } });
    expect((err as Error).message).toContain('media.write');
  });

  it('without offline.access the sign-in ends with the access token: auth.expired', async () => {
    emulator.oauth.grantScopes = ['tweet.read', 'tweet.write', 'users.read', 'media.write'];
    await signIn();
    await expect(service().signerFor()).resolves.toMatchObject({ method: 'oauth2' });
    await expect(service(() => now + 3 * HOUR).signerFor()).rejects.toMatchObject({ code: 'auth.expired' });
  });

  it('signs in by PIN (OAuth 1.0a) and with pasted tokens; several accounts, one default', async () => {
    await signIn();
    const svc = service();
    const pin = await svc.beginOAuth1Pin();
    const consent = await (await fetch(pin.authorizeUrl)).text();
    const code = /id="oauth_pin">(\d+)</.exec(consent)?.[1] ?? '';
    const viaPin = await pin.complete(code);
    expect(viaPin).toMatchObject({ accountId: 'cueline_test-oauth1', method: 'oauth1', isDefault: false });
    const oauth1 = await svc.signerFor('cueline_test-oauth1');
    expect(oauth1.method).toBe('oauth1');
    expect((await fetchMe(emulator.url, oauth1)).username).toBe('cueline_test');

    const pasted = await svc.addOAuth1Tokens({
      token: emulator.credentials.accessToken,
      tokenSecret: emulator.credentials.accessTokenSecret,
      accountId: 'portal',
    });
    expect(pasted.accountId).toBe('portal');
    // The same user and method under a new name replaces the PIN account.
    expect((await svc.listAccounts()).map((a) => [a.accountId, a.isDefault])).toEqual([
      ['cueline_test', true],
      ['portal', false],
    ]);
    await svc.setDefault('portal');
    expect((await svc.resolveAccount()).accountId).toBe('portal');
    await expect(svc.resolveAccount('@cueline_test')).rejects.toMatchObject({ code: 'auth.no_account' });
    await expect(svc.resolveAccount('nobody')).rejects.toMatchObject({ code: 'auth.no_account' });
  });

  it('the PIN flow split across two calls (as the UI does over IPC)', async () => {
    const svc = service();
    const { sessionId, authorizeUrl } = await svc.startPinSignIn({ accountId: 'ui-pin' });
    const code = /id="oauth_pin">(\d+)</.exec(await (await fetch(authorizeUrl)).text())?.[1] ?? '';
    const account = await svc.completePinSignIn(sessionId, code);
    expect(account).toMatchObject({ accountId: 'ui-pin', method: 'oauth1', handle: 'cueline_test' });
    await expect(svc.completePinSignIn(sessionId, code)).rejects.toMatchObject({ code: 'auth.pin_rejected' });
  });

  it('a name already used by another sign-in is refused, and the new grant is revoked', async () => {
    await signIn();
    const svc = service();
    await expect(
      svc.addOAuth1Tokens({
        token: emulator.credentials.accessToken,
        tokenSecret: emulator.credentials.accessTokenSecret,
        accountId: 'cueline_test',
      }),
    ).rejects.toMatchObject({ code: 'usage.account_name' });
    emulator.state.users.set('42', { id: '42', username: 'someone_else' });
    emulator.oauth.userId = '42';
    const revoked = emulator.oauth.revoked.length;
    await expect(
      svc.signInOAuth2({ open: approvingBrowser().open, port: 0, accountId: 'cueline_test' }),
    ).rejects.toMatchObject({
      code: 'usage.account_name',
    });
    expect(emulator.oauth.revoked.length).toBe(revoked + 2);
    const [only] = await svc.listAccounts();
    expect(only).toMatchObject({ accountId: 'cueline_test', handle: 'cueline_test', method: 'oauth2' });
    await expect(svc.signerFor('cueline_test')).resolves.toMatchObject({ method: 'oauth2' });
  });

  it('a PIN works once', async () => {
    const svc = service();
    const pin = await svc.beginOAuth1Pin();
    const code = /id="oauth_pin">(\d+)</.exec(await (await fetch(pin.authorizeUrl)).text())?.[1] ?? '';
    await expect(pin.complete(String((Number(code) % 9_000_000) + 1_000_001))).rejects.toMatchObject({
      code: 'auth.pin_rejected',
    });
    await expect(pin.complete(code)).rejects.toMatchObject({ code: 'auth.pin_rejected' });
    expect(await svc.listAccounts()).toEqual([]);
  });

  it('sign-out revokes at X, removes the keychain entry and the account', async () => {
    await signIn();
    const key = secretKeys.accountTokens('cueline_test');
    const tokens = JSON.parse((await secrets.get(key)) ?? '{}') as {
      accessToken: string;
      refreshToken: string;
    };
    const { revoked, account } = await service().signOut('cueline_test');
    expect(revoked).toBe(true);
    expect(account.accountId).toBe('cueline_test');
    expect(emulator.oauth.revoked).toEqual(expect.arrayContaining([tokens.accessToken, tokens.refreshToken]));
    expect(emulator.state.oauth2Tokens.has(tokens.accessToken)).toBe(false);
    expect(await secrets.get(key)).toBeNull();
    expect(await service().listAccounts()).toEqual([]);
    await expect(service().signerFor()).rejects.toMatchObject({ code: 'auth.no_account' });
  });
});
