import { afterEach, describe, expect, it } from 'vitest';
import { registerAccountSignerProvider, resolveSigner } from '../../../main/cli/credentials.ts';
import { bearerSigner } from '../../../main/services/x/signer.ts';

const oauth1 = {
  X_CONSUMER_KEY: 'ck',
  X_CONSUMER_SECRET: 'cs',
  X_ACCESS_TOKEN: 'at',
  X_ACCESS_TOKEN_SECRET: 'as',
};

afterEach(() => registerAccountSignerProvider(null));

describe('CLI credentials', () => {
  it('uses the four OAuth 1.0a variables, signing with them', async () => {
    const s = await resolveSigner({ env: oauth1 });
    expect(s.method).toBe('oauth1');
    const h = await s.authorization({ method: 'GET', url: 'https://api.x.com/2/media/upload?media_id=1' });
    expect(h).toMatch(/^OAuth .*oauth_consumer_key="ck".*oauth_token="at"/);
  });

  it('uses X_OAUTH2_ACCESS_TOKEN as a bearer token', async () => {
    const s = await resolveSigner({ env: { X_OAUTH2_ACCESS_TOKEN: 'tok' } });
    expect(await s.authorization({ method: 'POST', url: 'https://api.x.com/2/tweets' })).toBe('Bearer tok');
  });

  it('gives environment credentials an account key: stable, one per account, no secret in it', async () => {
    const a = await resolveSigner({ env: oauth1 });
    const again = await resolveSigner({ env: { ...oauth1 } });
    const other = await resolveSigner({
      env: { ...oauth1, X_ACCESS_TOKEN: 'bt', X_ACCESS_TOKEN_SECRET: 'bs' },
    });
    expect(a.accountKey).toMatch(/^oauth1-[0-9a-f]{32}$/);
    expect(again.accountKey).toBe(a.accountKey);
    expect(other.accountKey).not.toBe(a.accountKey);
    expect(a.accountLookup).toBeUndefined();
    // An OAuth 2.0 token names no user and is replaced every 2 hours: X is asked whose it is.
    const b = await resolveSigner({ env: { X_OAUTH2_ACCESS_TOKEN: 'tok-secret-value' } });
    expect(b.accountLookup).toBe(true);
    expect(b.accountKey).toMatch(/^oauth2-[0-9a-f]{32}$/);
    expect(b.accountKey).not.toContain('tok-secret-value');
  });

  it('names the missing variables of an incomplete OAuth 1.0a set', async () => {
    await expect(resolveSigner({ env: { X_CONSUMER_KEY: 'ck' } })).rejects.toMatchObject({
      code: 'auth.missing_credentials',
      message: expect.stringMatching(/X_CONSUMER_SECRET, X_ACCESS_TOKEN, X_ACCESS_TOKEN_SECRET/),
    });
  });

  it('falls back to the registered account provider, then explains', async () => {
    await expect(resolveSigner({ env: {} })).rejects.toMatchObject({ code: 'auth.missing_credentials' });
    registerAccountSignerProvider((account) =>
      Promise.resolve(
        account === 'me' || account === undefined ? bearerSigner(() => Promise.resolve('k')) : null,
      ),
    );
    expect((await resolveSigner({ env: {} })).method).toBe('oauth2');
    expect((await resolveSigner({ env: oauth1, account: 'me' })).method).toBe('oauth2');
    await expect(resolveSigner({ env: {}, account: 'other' })).rejects.toMatchObject({
      code: 'auth.missing_credentials',
    });
  });
});
