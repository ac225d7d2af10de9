// Publishing deps pointed at the X emulator, for the router tests and the Playwright publish and
// batch suites: the real orchestrator, journals, rate limiter and probe. The account is either a
// real AuthService's (keychain tokens, as in the app: `xWorld`) or, for the router tests, a fixed
// OAuth 1.0a user of the emulator.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountsDeps } from '../../../main/router/deps.ts';
import type { Notifier, PublishingDeps } from '../../../main/services/publish/publishing.ts';
import type { AuthService } from '../../../main/services/auth/auth-service.ts';
import { KeychainSecretStore } from '../../../main/services/auth/keychain-secret-store.ts';
import { secretKeys } from '../../../main/services/auth/secret-store.ts';
import { probe } from '../../../main/services/media/probe.ts';
import { xClientFactory } from '../../../main/services/x/client-factory.ts';
import { RateLimiter } from '../../../main/services/x/rate-limiter.ts';
import { oauth1Signer } from '../../../main/services/x/signer.ts';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../x-emulator/server.ts';
import { expect, type Locator } from '@playwright/test';
import type { HarnessApp } from '../harness/fixture.ts';
import { emulatorAuthService, testBrowser, type TestBrowser } from './accounts-support.ts';

export interface RecordingNotifier extends Notifier {
  shown: Array<{ sinkId: string; title: string; body: string }>;
}

export function recordingNotifier(): RecordingNotifier {
  const shown: RecordingNotifier['shown'] = [];
  return { shown, notifyIfUnfocused: (sinkId, n) => shown.push({ sinkId, ...n }) };
}

export async function emulatorPublishing(
  emu: Emulator,
  o: { notifier?: Notifier; notifyAfterMs?: number; userData?: string; auth?: AuthService } = {},
): Promise<PublishingDeps> {
  const userData = o.userData ?? (await mkdtemp(join(tmpdir(), 'cueline-publishing-')));
  const c = emu.credentials;
  return {
    userData,
    probe: (file, po) => probe(file, po),
    ...(o.notifier ? { notifier: o.notifier } : {}),
    ...(o.notifyAfterMs !== undefined ? { notifyAfterMs: o.notifyAfterMs } : {}),
    client: xClientFactory({
      signerFor: async (account) =>
        o.auth
          ? o.auth.signerFor(account)
          : oauth1Signer({
              consumerKey: c.consumerKey,
              consumerSecret: c.consumerSecret,
              token: c.accessToken,
              tokenSecret: c.accessTokenSecret,
            }),
      env: {},
      apiBase: emu.apiBase,
      uploadBase: emu.uploadBase,
      limiter: new RateLimiter(),
      retry: { baseDelayMs: 20 },
    }),
  };
}

/**
 * The emulator plus the app's account machinery on the real keychain (a service name of its own,
 * emptied afterwards): the AuthService the Accounts dialog and publishing share, as in the app.
 * `signedIn` adds the emulator's user with pasted OAuth 1.0a tokens, as `cueline auth login --paste` does.
 */
export interface XWorld {
  emu: Emulator;
  auth: AuthService;
  browser: TestBrowser;
  publishing(o?: { notifier?: Notifier; notifyAfterMs?: number }): Promise<PublishingDeps>;
  accounts(): AccountsDeps;
  close(): Promise<void>;
}

export async function xWorld(o: { signedIn: boolean; emulator?: EmulatorOptions }): Promise<XWorld> {
  const emu = await startEmulator(o.emulator);
  const dir = await mkdtemp(join(tmpdir(), 'cueline-xworld-'));
  const secrets = new KeychainSecretStore(`cueline-e2e-${randomUUID()}`);
  const auth = emulatorAuthService(emu, join(dir, 'auth'), secrets);
  const close = async (): Promise<void> => {
    for (const a of await auth.listAccounts().catch(() => []))
      await secrets.delete(secretKeys.accountTokens(a.accountId));
    await secrets.delete(secretKeys.consumerSecret).catch(() => undefined);
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    // Tokens live in the real keychain: scripts/test-all.ts runs e2e in dbus-run-session with an
    // unlocked gnome-keyring; without one this fails here, naming the cause.
    await secrets.get('probe');
    const c = emu.credentials;
    await auth.app.update({ consumerKey: c.consumerKey, consumerSecret: c.consumerSecret });
    if (o.signedIn) await auth.addOAuth1Tokens({ token: c.accessToken, tokenSecret: c.accessTokenSecret });
  } catch (err) {
    await close();
    throw err;
  }
  const browser = testBrowser();
  return {
    emu,
    auth,
    browser,
    publishing: (p = {}) => emulatorPublishing(emu, { ...p, auth, userData: join(dir, 'publishing') }),
    accounts: () => ({ service: auth, open: browser.open }),
    close,
  };
}

/**
 * Opens a video, then caption files (in order: the first is the active track), as a user does —
 * the video first — and then the Publish dialog; resolves with the dialog.
 */
export async function openPublishWith(
  app: HarnessApp,
  video: string,
  subtitles: readonly string[],
): Promise<Locator> {
  const { page } = app;
  app.dialogs.answer('openVideo', video);
  await page.getByRole('button', { name: 'Open video…' }).first().click();
  await expect(page.locator('video')).toHaveAttribute('src', /\/media\//);
  app.dialogs.answer('openSubtitles', [...subtitles]);
  await page.getByRole('button', { name: 'Open subtitles…' }).first().click();
  await expect(page.getByRole('tab', { name: /English/ }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish to X' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Whether everything in the dialog's content is in view: nothing to scroll to. */
export async function dialogScrolls(dialog: Locator): Promise<boolean> {
  return dialog.locator('.content').evaluate((el) => el.scrollHeight > el.clientHeight + 1);
}
