// How publish/attach/batch find credentials (main/cli/credentials.ts with the keychain accounts
// plugged in by `cueline auth`): X_* environment first, then --account, then the default account.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSigner } from '../../../main/cli/credentials.ts';
import { buildProgram } from '../../../main/cli/index.ts';
import { commandsFor } from '../../../main/cli/commands/index.ts';
import { AccountStore } from '../../../main/services/auth/account-store.ts';
import { AppCredentials } from '../../../main/services/auth/app-credentials.ts';
import { KeychainSecretStore } from '../../../main/services/auth/keychain-secret-store.ts';
import { secretKeys } from '../../../main/services/auth/secret-store.ts';

describe('resolveSigner with keychain accounts', () => {
  let home: string;
  const keychain = new KeychainSecretStore();
  const saved = process.env['CUELINE_HOME'];
  const req = { method: 'GET', url: 'http://127.0.0.1:9/2/users/me' };

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'cueline-resolve-'));
    // The provider reads the same folders as the CLI process it lives in.
    process.env['CUELINE_HOME'] = home;
    // Registers the keychain provider, as the CLI does when it starts for `publish`.
    buildProgram(await commandsFor(['node', 'cueline', 'publish']));
  });

  afterAll(async () => {
    for (const id of ['main', 'second']) await keychain.delete(secretKeys.accountTokens(id));
    await keychain.delete(secretKeys.consumerSecret);
    if (saved === undefined) delete process.env['CUELINE_HOME'];
    else process.env['CUELINE_HOME'] = saved;
    await rm(home, { recursive: true, force: true });
  });

  it('with no environment credentials and no accounts: the "no credentials" help, keychain untouched', async () => {
    await expect(resolveSigner({ env: {} })).rejects.toMatchObject({
      code: 'auth.missing_credentials',
      message: /cueline auth login/,
    });
  });

  it('uses the default account, or the one --account names', async () => {
    const accounts = new AccountStore(home);
    const base = { userId: '1', handle: 'studio', name: 'Studio', createdAt: new Date().toISOString() };
    const scopes = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'];
    await accounts.upsert({ ...base, accountId: 'main', method: 'oauth2', scopes });
    await keychain.set(
      secretKeys.accountTokens('main'),
      JSON.stringify({
        method: 'oauth2',
        accessToken: 'main-token',
        expiresAt: Date.now() + 3_600_000,
        scopes,
      }),
    );
    await accounts.upsert({
      ...base,
      accountId: 'second',
      userId: '2',
      handle: 'other',
      method: 'oauth1',
      scopes: [],
    });
    await keychain.set(
      secretKeys.accountTokens('second'),
      JSON.stringify({ method: 'oauth1', token: 'tok', tokenSecret: 'sec' }),
    );
    await new AppCredentials(home, keychain).update({ consumerKey: 'ck', consumerSecret: 'consumer-secret' });

    const def = await resolveSigner({ env: {} });
    expect(await def.authorization(req)).toBe('Bearer main-token');
    const named = await resolveSigner({ account: 'second', env: {} });
    expect(named.method).toBe('oauth1');
    expect(await named.authorization(req)).toMatch(/oauth_token="tok"/);
    const byHandle = await resolveSigner({ account: '@other', env: {} });
    expect(byHandle.method).toBe('oauth1');
    await expect(resolveSigner({ account: 'nobody', env: {} })).rejects.toMatchObject({
      code: 'auth.no_account',
    });
  });

  it('X_* environment credentials win over the default account (but not over --account)', async () => {
    const env = {
      X_CONSUMER_KEY: 'eck',
      X_CONSUMER_SECRET: 'ecs',
      X_ACCESS_TOKEN: 'env-token',
      X_ACCESS_TOKEN_SECRET: 'ets',
    };
    expect(await (await resolveSigner({ env })).authorization(req)).toMatch(/oauth_token="env-token"/);
    expect(await (await resolveSigner({ account: 'main', env })).authorization(req)).toBe(
      'Bearer main-token',
    );
  });
});
