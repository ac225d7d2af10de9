// The accounts channels never hand a secret to the renderer. Every channel runs through the app's
// router against a real AuthService signed in to the X emulator (OAuth 2.0 PKCE, OAuth 1.0a PIN,
// pasted tokens); every reply, job event and router log line is searched for every token and
// secret the emulator minted and the secret store holds.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppRouter } from '../../../main/router/app-router.ts';
import type { AccountsDeps } from '../../../main/router/deps.ts';
import type { Router } from '../../../main/router/router.ts';
import type { EventSink, RouterLogEntry } from '../../../main/router/types.ts';
import { AuthService } from '../../../main/services/auth/auth-service.ts';
import { MemorySecretStore } from '../../../main/services/auth/memory-secret-store.ts';
import { xAuthEndpoints } from '../../../main/services/auth/x-auth-endpoints.ts';
import { createWorkspace } from '../../../main/services/workspace/workspace.ts';
import type { Result } from '../../../shared/ipc/result.ts';
import { DialogsDouble } from '../../e2e/harness/dialogs-double.ts';
import {
  emulatorAccounts,
  emulatorSecrets,
  freePort,
  pinOf,
  type TestBrowser,
} from '../../e2e/renderer/accounts-support.ts';
import { startEmulator, type Emulator } from '../../x-emulator/server.ts';
import { testAppInfo } from '../../support/app-info.ts';

let dir = '';
let emu: Emulator;
let secrets: MemorySecretStore;
let accounts: AccountsDeps & { browser: TestBrowser };
let router: Router;
const events: Array<{ event: string; payload: unknown }> = [];
const logs: RouterLogEntry[] = [];
const replies: unknown[] = [];
const invoked = new Set<string>();
const sink: EventSink = {
  id: 'w',
  isClosed: () => false,
  send: (event, payload) => events.push({ event, payload }),
};

async function invoke(channel: string, payload?: unknown): Promise<Result<unknown>> {
  const r = await router.invoke(channel, payload, { sink });
  invoked.add(channel);
  replies.push(r);
  return r;
}

async function value<T>(channel: string, payload?: unknown): Promise<T> {
  const r = await invoke(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** Runs a job channel to its end; its done or failed event. */
async function runJob(channel: string, payload: unknown): Promise<{ event: string; payload: unknown }> {
  const { jobId } = await value<{ jobId: string }>(channel, payload);
  await router.jobs.idle();
  const end = events.find(
    (e) =>
      (e.event === 'job:done' || e.event === 'job:failed') &&
      (e.payload as { jobId: string }).jobId === jobId,
  );
  if (!end) throw new Error(`${channel}: the job ended without an event`);
  return end;
}

/** Every secret known now: what the emulator minted, and every token field in the secret store. */
function knownSecrets(): string[] {
  const out = new Set(emulatorSecrets(emu));
  for (const raw of secrets.entries.values()) {
    out.add(raw);
    try {
      const json = JSON.parse(raw) as Record<string, unknown>;
      for (const [k, v] of Object.entries(json))
        if (/token|secret/i.test(k) && typeof v === 'string' && v.length >= 8) out.add(v);
    } catch {
      // a bare secret (the consumer secret): already added
    }
  }
  return [...out];
}

async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(root, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(await readFile(join(e.parentPath, e.name), 'utf8'));
  return out;
}

function expectNoSecretIn(texts: readonly string[], known: readonly string[]): void {
  for (const secret of known)
    for (const text of texts)
      expect(text.includes(secret), `a secret appears in: ${text.slice(0, 300)}`).toBe(false);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cueline-accounts-ipc-'));
  emu = await startEmulator();
  secrets = new MemorySecretStore();
  const userData = join(dir, 'home');
  accounts = emulatorAccounts(emu, userData, secrets);
  events.length = 0;
  logs.length = 0;
  replies.length = 0;
  invoked.clear();
  router = createAppRouter({
    workspace: createWorkspace({ userData, cache: join(userData, 'cache') }),
    dialogs: new DialogsDouble(),
    mediaUrl: (id) => `cueline-media://media/${id}`,
    appInfo: testAppInfo('0'),
    accounts,
    router: { validateResponses: true, log: (e) => logs.push(e) },
  });
});
afterEach(async () => {
  await router.jobs.idle();
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

describe('accounts channels', () => {
  it('no reply, event, log line or user-data file carries a token or secret, whatever the channel', async () => {
    const c = emu.credentials;
    const port = await freePort();
    const settings = await value<Record<string, unknown>>('accounts:saveAppSettings', {
      clientId: 'cueline-test-client',
      consumerKey: c.consumerKey,
      consumerSecret: c.consumerSecret,
      redirectPort: port,
    });
    expect(settings).toEqual({
      clientId: 'cueline-test-client',
      consumerKey: c.consumerKey,
      hasConsumerSecret: true,
      redirectPort: port,
      redirectUri: `http://127.0.0.1:${port}/callback`,
    });
    expect(await value('accounts:appSettings')).toEqual(settings);

    // OAuth 2.0 PKCE through the browser, as a job.
    const done = await runJob('accounts:signInOAuth2', {});
    expect(done.event).toBe('job:done');
    expect((done.payload as { result: unknown }).result).toMatchObject({
      accountId: 'cueline_test',
      method: 'oauth2',
      isDefault: true,
    });
    expect(await accounts.browser.lastPage()).toContain('You can close this tab');
    const progress = events.filter((e) => e.event === 'job:progress');
    expect(progress[0]?.payload).toMatchObject({
      progress: {
        stage: 'waiting-for-browser',
        authorizeUrl: expect.stringContaining('/i/oauth2/authorize?'),
      },
    });

    // OAuth 1.0a PIN in two calls, the consent page opened by main.
    const pin = await value<{ sessionId: string; authorizeUrl: string }>('accounts:startPin', {
      accountId: 'by-pin',
    });
    expect(pin).toMatchObject({ opened: true });
    expect(accounts.browser.opened.at(-1)).toBe(pin.authorizeUrl);
    expect(await value('accounts:reopenPin', { sessionId: pin.sessionId })).toEqual({ opened: true });
    const viaPin = await value('accounts:completePin', {
      sessionId: pin.sessionId,
      pin: pinOf(await accounts.browser.lastPage()),
    });
    expect(viaPin).toMatchObject({ accountId: 'by-pin', method: 'oauth1', isDefault: false });

    // A PIN sign-in abandoned, then pasted developer-portal keys.
    const browserOpen = accounts.open;
    accounts.open = () => Promise.reject(new Error('no browser'));
    const abandoned = await value<{ sessionId: string; opened: boolean }>('accounts:startPin', {});
    expect(abandoned.opened).toBe(false);
    accounts.open = browserOpen;
    expect(await value('accounts:cancelPin', { sessionId: abandoned.sessionId })).toEqual({
      cancelled: true,
    });
    expect(
      await invoke('accounts:completePin', { sessionId: abandoned.sessionId, pin: '1234567' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'auth.pin_rejected' },
    });
    expect(
      await value('accounts:addTokens', {
        token: c.accessToken,
        tokenSecret: c.accessTokenSecret,
        accountId: 'pasted',
      }),
    ).toMatchObject({ accountId: 'pasted', method: 'oauth1', handle: 'cueline_test' });
    // Refused pasted tokens: the error must not echo them either.
    expect(
      await invoke('accounts:addTokens', {
        token: `${c.accessToken}x`,
        tokenSecret: c.accessTokenSecret,
        accountId: 'bad',
      }),
    ).toMatchObject({ ok: false });

    expect(await value('accounts:setDefault', { accountId: 'pasted' })).toMatchObject({ isDefault: true });
    const list = await value<Array<{ accountId: string; isDefault: boolean }>>('accounts:list');
    expect(list.map((a) => [a.accountId, a.isDefault])).toEqual([
      ['cueline_test', false],
      // The same X user and method under a new name replaces the PIN sign-in (auth-service.ts).
      ['pasted', true],
    ]);

    // Secrets as they are now (before sign-out forgets the OAuth 2.0 ones), then sign out.
    const known = knownSecrets();
    expect(known.length).toBeGreaterThanOrEqual(8);
    const out = await value<{ revoked: boolean }>('accounts:signOut', { accountId: 'cueline_test' });
    expect(out).toMatchObject({ account: { accountId: 'cueline_test' }, revoked: true });
    expect(emu.oauth.revoked.length).toBeGreaterThan(0);
    expect(await invoke('accounts:signOut', { accountId: 'cueline_test' })).toMatchObject({
      ok: false,
      error: { code: 'auth.no_account' },
    });

    // Every accounts channel of the contract took part.
    expect(router.channels.filter((ch) => ch.startsWith('accounts:') && !invoked.has(ch))).toEqual([]);
    expectNoSecretIn(
      [
        ...replies.map((r) => JSON.stringify(r)),
        ...events.map((e) => JSON.stringify(e)),
        ...logs.map((l) => JSON.stringify(l)),
        ...(await filesUnder(join(dir, 'home'))),
      ],
      [...known, ...emulatorSecrets(emu)],
    );
    // The secrets are where they belong: the store holds the remaining accounts' tokens.
    expect([...secrets.entries.keys()].sort()).toEqual(['account:pasted:tokens', 'app:consumer-secret']);
  });

  it('a browser that fails to open leaves the sign-in waiting; cancelled, it frees the port and saves nothing', async () => {
    const port = await freePort();
    await value('accounts:saveAppSettings', { clientId: 'cueline-test-client', redirectPort: port });
    // No browser could be opened: the sign-in still waits (the panel shows the address to copy).
    accounts.open = () => Promise.reject(new Error('no browser'));
    const { jobId } = await value<{ jobId: string }>('accounts:signInOAuth2', {});
    await expect.poll(() => events.some((e) => e.event === 'job:progress')).toBe(true);
    expect(await value('jobs:cancel', { jobId })).toEqual({ cancelled: true });
    await router.jobs.idle();
    expect(events.at(-1)).toMatchObject({
      event: 'job:failed',
      payload: { jobId, error: { code: 'job.cancelled' } },
    });
    expect(await value('accounts:list')).toEqual([]);
    expect(secrets.entries.size).toBe(0);
    await expect(freePortIs(port)).resolves.toBe(true);
  });

  it('only an https (or loopback) consent page reaches the opener', async () => {
    const port = await freePort();
    await value('accounts:saveAppSettings', { clientId: 'cueline-test-client', redirectPort: port });
    const plain = new AuthService({
      userData: join(dir, 'home'),
      secrets,
      endpoints: xAuthEndpoints({
        CUELINE_X_API_BASE: emu.url,
        CUELINE_X_AUTHORIZE_URL: 'http://consent.example/i/oauth2/authorize',
      }),
    });
    accounts.service = plain;
    const { jobId } = await value<{ jobId: string }>('accounts:signInOAuth2', {});
    await expect.poll(() => events.some((e) => e.event === 'job:progress')).toBe(true);
    expect(accounts.browser.opened).toEqual([]);
    await value('jobs:cancel', { jobId });
    await router.jobs.idle();
  });

  it('settings: the consumer secret is write-only, bad ports are refused by the contract', async () => {
    await value('accounts:saveAppSettings', {
      consumerKey: 'key-1',
      consumerSecret: 'a-consumer-secret-value',
    });
    const s = await value('accounts:appSettings');
    expect(JSON.stringify(s)).not.toContain('a-consumer-secret-value');
    expect(s).toMatchObject({ consumerKey: 'key-1', hasConsumerSecret: true, clientId: null });
    expect(await invoke('accounts:saveAppSettings', { redirectPort: 80 })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid_payload' },
    });
    expect(await invoke('accounts:completePin', { sessionId: 'x', pin: 'abc' })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid_payload' },
    });
  });

  it('without accounts set up, the channels say so', async () => {
    const bare = createAppRouter({
      workspace: createWorkspace({ userData: join(dir, 'bare'), cache: join(dir, 'bare', 'cache') }),
      dialogs: new DialogsDouble(),
      mediaUrl: (id) => id,
      appInfo: testAppInfo('0'),
      router: { log: () => undefined },
    });
    expect(await bare.invoke('accounts:list', undefined, { sink })).toMatchObject({
      ok: false,
      error: { code: 'accounts.unavailable' },
    });
  });
});

function freePortIs(port: number): Promise<boolean> {
  return import('node:net').then(
    ({ createServer }) =>
      new Promise<boolean>((resolve) => {
        const s = createServer();
        s.once('error', () => resolve(false));
        s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
      }),
  );
}
