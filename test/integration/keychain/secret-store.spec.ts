// Real round trips through the Secret Service (gnome-keyring inside dbus-run-session, see
// scripts/test-all.ts), and the error a user gets when there is no usable keyring.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeychainSecretStore } from '../../../main/services/auth/keychain-secret-store.ts';

const storeUrl = new URL('../../../main/services/auth/keychain-secret-store.ts', import.meta.url).href;
const scratch = mkdtempSync(join(tmpdir(), 'cueline-keychain-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A Node script that uses the real store, run in its own process (own bus, own env). */
function script(name: string, body: string, onError = 'e.code ?? e.message'): string {
  const file = join(scratch, `${name}.mjs`);
  writeFileSync(
    file,
    `const { KeychainSecretStore } = await import(${JSON.stringify(storeUrl)});\n` +
      `try { ${body} } catch (e) { console.log(${onError}); }\n`,
  );
  return file;
}

const readProbe = (): string =>
  script('read', `await new KeychainSecretStore('cueline-test').get('probe'); console.log('read');`);

describe('keychain secret store (Secret Service)', () => {
  it('stores, reads, overwrites and deletes a secret', async () => {
    const store = new KeychainSecretStore(`cueline-test-${randomUUID()}`);
    const key = 'account:test:tokens';
    expect(await store.get(key)).toBeNull();
    await store.set(key, 'first ✓ secret');
    expect(await store.get(key)).toBe('first ✓ secret');
    await store.set(key, 'second');
    expect(await store.get(key)).toBe('second');
    expect(await store.delete(key)).toBe(true);
    expect(await store.get(key)).toBeNull();
    expect(await store.delete(key)).toBe(false);
  });

  it('keeps entries of different keys and services apart', async () => {
    const a = new KeychainSecretStore(`cueline-test-${randomUUID()}`);
    const b = new KeychainSecretStore(`cueline-test-${randomUUID()}`);
    await a.set('k1', 'a1');
    await a.set('k2', 'a2');
    await b.set('k1', 'b1');
    expect([await a.get('k1'), await a.get('k2'), await b.get('k1')]).toEqual(['a1', 'a2', 'b1']);
    await Promise.all([a.delete('k1'), a.delete('k2'), b.delete('k1')]);
  });

  it('hands secrets to the keyring daemon: another process reads what this one wrote', async () => {
    const service = `cueline-test-${randomUUID()}`;
    const writer = script(
      'write',
      `await new KeychainSecretStore(${JSON.stringify(service)}).set('k', 'from-child');`,
    );
    const r = spawnSync(process.execPath, [writer], { env: process.env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const store = new KeychainSecretStore(service);
    expect(await store.get('k')).toBe('from-child');
    await store.delete('k');
  });

  it('without a reachable session bus: auth.keychain_unavailable, never a silent fallback', () => {
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/cueline-bus' };
    const r = spawnSync(process.execPath, [readProbe()], { env, encoding: 'utf8', timeout: 30_000 });
    expect(r.stdout.trim()).toBe('auth.keychain_unavailable');
    const unset = { ...process.env };
    delete unset['DBUS_SESSION_BUS_ADDRESS'];
    const r2 = spawnSync(process.execPath, [readProbe()], { env: unset, encoding: 'utf8', timeout: 30_000 });
    expect(r2.stdout.trim()).toBe('auth.keychain_unavailable');
  });

  it('the error tells the user what to do', () => {
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/cueline-bus' };
    const withMessage = script('message', `await new KeychainSecretStore('x').set('k', 'v');`, 'e.message');
    const r = spawnSync(process.execPath, [withMessage], { env, encoding: 'utf8', timeout: 30_000 });
    expect(r.stdout).toMatch(/keychain is not available/);
    expect(r.stdout).toMatch(/Secret Service/);
    expect(r.stdout).toMatch(/unlock/i);
  });

  it('with a locked keyring: the same error (the unlock prompt cannot be shown)', () => {
    // Its own bus and keyring, so locking it doesn't disturb the other tests.
    const home = mkdtempSync(join(tmpdir(), 'cueline-locked-'));
    const writer = script(
      'locked-write',
      `await new KeychainSecretStore('cueline-locked').set('k', 'v'); console.log('written');`,
    );
    const reader = script(
      'locked-read',
      `await new KeychainSecretStore('cueline-locked').get('k'); console.log('read');`,
    );
    const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
    const sh = [
      'printf cueline-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
      `${q(process.execPath)} ${q(writer)}`,
      // --print-reply makes dbus-send wait until the keyring is actually locked.
      'dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets ' +
        'org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null',
      `${q(process.execPath)} ${q(reader)}`,
    ].join(' && ');
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
      // Nothing of the outer session may leak in (its bus, its keyring daemon, a display for a prompt).
      for (const k of [
        'DBUS_SESSION_BUS_ADDRESS',
        'GNOME_KEYRING_CONTROL',
        'DISPLAY',
        'WAYLAND_DISPLAY',
        'XDG_RUNTIME_DIR',
      ])
        delete env[k];
      const r = spawnSync('dbus-run-session', ['--', 'sh', '-c', sh], {
        env,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(r.stdout.trim().split('\n')).toEqual(['written', 'auth.keychain_unavailable']);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
