import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AppCredentials,
  DEFAULT_REDIRECT_PORT,
  redirectUri,
} from '../../../main/services/auth/app-credentials.ts';
import { MemorySecretStore } from '../../../main/services/auth/memory-secret-store.ts';
import { secretKeys } from '../../../main/services/auth/secret-store.ts';

describe('AppCredentials', () => {
  let dir: string;
  let secrets: MemorySecretStore;
  let app: AppCredentials;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cueline-app-'));
    secrets = new MemorySecretStore();
    app = new AppCredentials(dir, secrets);
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('defaults the redirect port and asks for setup when nothing is set', async () => {
    expect((await app.settings()).redirectPort).toBe(DEFAULT_REDIRECT_PORT);
    await expect(app.clientId()).rejects.toMatchObject({ code: 'auth.missing_credentials' });
    await expect(app.consumer()).rejects.toMatchObject({ code: 'auth.missing_credentials' });
  });

  it('keeps the consumer secret in the secret store only, never in the settings file', async () => {
    await app.update({
      clientId: 'cid',
      consumerKey: 'ck',
      consumerSecret: 'very-secret-value',
      redirectPort: 8123,
    });
    const file = await readFile(app.path, 'utf8');
    expect(file).not.toContain('very-secret-value');
    expect(JSON.parse(file)).toEqual({ clientId: 'cid', consumerKey: 'ck', redirectPort: 8123 });
    expect(secrets.entries.get(secretKeys.consumerSecret)).toBe('very-secret-value');
    expect(await app.consumer()).toEqual({ consumerKey: 'ck', consumerSecret: 'very-secret-value' });
    expect(await app.clientId()).toBe('cid');
  });

  it('updates fields independently', async () => {
    await app.update({ clientId: 'one' });
    await app.update({ redirectPort: 9000 });
    expect(await app.settings()).toEqual({ clientId: 'one', redirectPort: 9000 });
  });

  it('uses the loopback IP literal, as X asks', () => {
    expect(redirectUri(8123)).toBe('http://127.0.0.1:8123/callback');
  });
});
