// The Accounts dialog end to end: the renderer in Chromium, the real router and AuthService, the X
// emulator as X, and the real keychain (scripts/test-all.ts runs the e2e step inside
// dbus-run-session with gnome-keyring unlocked). The "browser" follows X's consent redirect like a
// user clicking "Authorize app"; the PIN is read off the emulator's consent page.
import type { Locator, Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import type { AccountsDeps } from '../../../main/router/deps.ts';
import { KeychainSecretStore } from '../../../main/services/auth/keychain-secret-store.ts';
import { secretKeys } from '../../../main/services/auth/secret-store.ts';
import { startEmulator, type Emulator } from '../../x-emulator/server.ts';
import { expect, test as base, type HarnessApp } from '../harness/fixture.ts';
import { expectAxeClean } from '../harness/axe.ts';
import { shotPath } from '../harness/screenshots.ts';
import { emulatorAccounts, emulatorSecrets, freePort, pinOf, type TestBrowser } from './accounts-support.ts';

interface AccountsWorld {
  emu: Emulator;
  secrets: KeychainSecretStore;
  /** What the app's router was built with (set when the app fixture starts). */
  deps: (AccountsDeps & { browser: TestBrowser }) | null;
}

const test = base.extend<{ world: AccountsWorld }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures destructure their dependencies
  world: async ({}, use) => {
    // A keychain service of its own: this test's secrets never meet the user's or another test's.
    const world: AccountsWorld = {
      emu: await startEmulator(),
      secrets: new KeychainSecretStore(`cueline-e2e-${randomUUID()}`),
      deps: null,
    };
    try {
      await world.secrets.get('probe');
    } catch (err) {
      await world.emu.close();
      throw new Error(
        'The accounts suite keeps tokens in the real keychain: run it through `npm test` (scripts/test-all.ts ' +
          'wraps the e2e step in dbus-run-session with an unlocked gnome-keyring). ' +
          (err instanceof Error ? err.message : String(err)),
        { cause: err },
      );
    }
    await use(world);
    const deps = world.deps as AccountsDeps | null;
    if (deps)
      for (const a of await deps.service.accounts.list())
        await world.secrets.delete(secretKeys.accountTokens(a.accountId));
    await world.secrets.delete(secretKeys.consumerSecret);
    await world.emu.close();
  },
  accounts: async ({ world }, use) => {
    await use((userData) => (world.deps = emulatorAccounts(world.emu, userData, world.secrets)));
  },
});

function dialogOf(page: Page): Locator {
  return page.getByRole('dialog', { name: 'X accounts' });
}

async function openAccounts(app: HarnessApp): Promise<Locator> {
  await app.emit('menu:command', { command: 'accounts' });
  const dialog = dialogOf(app.page);
  await expect(dialog).toBeVisible();
  return dialog;
}

async function setUpApp(dialog: Locator, emu: Emulator): Promise<number> {
  const port = await freePort();
  const c = emu.credentials;
  await dialog.getByLabel('OAuth 2.0 client id').fill('cueline-e2e-client');
  await dialog.getByLabel('Consumer key (API key)').fill(c.consumerKey);
  await dialog.getByLabel('Consumer secret (API key secret)').fill(c.consumerSecret);
  await dialog.getByLabel('Redirect port').fill(String(port));
  await expect(dialog.getByTestId('redirect-uri')).toHaveText(`http://127.0.0.1:${port}/callback`);
  const save = dialog.getByRole('button', { name: 'Save X app settings' });
  await save.click();
  await expect(dialog.getByRole('status')).toHaveText('X app settings saved.');
  // The focus stays where the user was (it fell to the page when the button was disabled while saving).
  await expect(save).toBeFocused();
  return port;
}

function row(dialog: Locator, accountId: string): Locator {
  return dialog.locator(`tr[data-account="${accountId}"]`);
}

/** Nothing the page shows or holds (text, attributes, field values) contains a token or secret. */
async function expectNoSecrets(page: Page, secrets: readonly string[]): Promise<void> {
  const html = await page.content();
  const values = await page.$$eval('input, textarea', (els) =>
    els.map((e) => (e as HTMLInputElement | HTMLTextAreaElement).value),
  );
  for (const s of secrets) {
    expect(html.includes(s), 'a secret is in the page').toBe(false);
    expect(
      values.some((v) => v.includes(s)),
      'a secret is in a field',
    ).toBe(false);
  }
}

test('set up the X app, sign in three ways, choose the default, sign out — tokens only in the keychain', async ({
  app,
  world,
}) => {
  const { page } = app;
  const { emu } = world;
  const c = emu.credentials;
  const dialog = await openAccounts(app);
  await expect(dialog.getByTestId('no-accounts')).toHaveText('No X account is signed in yet.');
  await setUpApp(dialog, emu);
  // The secret field is write-only: empty again, and the keychain has it.
  await expect(dialog.getByLabel('Consumer secret (API key secret)')).toHaveValue('');
  await expect(dialog.getByLabel('Consumer secret (API key secret)')).toHaveAttribute(
    'placeholder',
    'Stored in the keychain',
  );
  expect(await world.secrets.get(secretKeys.consumerSecret)).toBe(c.consumerSecret);

  // OAuth 2.0 + PKCE in the "browser".
  await dialog.getByRole('button', { name: 'Sign in with X…' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Signed in as @cueline_test (cueline_test).');
  expect(await world.deps?.browser.lastPage()).toContain('You can close this tab');
  const oauth2 = row(dialog, 'cueline_test');
  await expect(oauth2).toContainText('OAuth 2.0');
  await expect(
    oauth2.getByRole('list', { name: 'Scopes of @cueline_test' }).getByRole('listitem'),
  ).toHaveText(['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access']);
  await expect(oauth2).toContainText('Default');

  // OAuth 1.0a PIN, as another X user, under a chosen name — keyboard only after the first click.
  emu.state.users.set('1600000000000000002', { id: '1600000000000000002', username: 'captions_lead' });
  emu.oauth.userId = '1600000000000000002';
  await dialog.getByLabel('With a PIN (OAuth 1.0a)').check();
  await dialog.getByLabel(/^Account name/).fill('lead');
  await dialog.getByRole('button', { name: 'Get a PIN from X…' }).click();
  const pinField = dialog.getByLabel('PIN shown by X');
  await expect(pinField).toBeFocused();
  const opened = world.deps?.browser.opened.at(-1) ?? '';
  await expect(dialog.getByLabel('X’s authorization page:')).toHaveValue(opened);
  await page.keyboard.type(pinOf((await world.deps?.browser.lastPage()) ?? ''));
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('Signed in as @captions_lead (lead).');
  await expect(row(dialog, 'lead')).toContainText('OAuth 1.0a');
  await expect(row(dialog, 'lead')).toContainText('The X app’s permissions');

  // Keys pasted from the developer portal (the first user again, so a second name is made).
  await dialog.getByLabel('Paste keys from the developer portal').check();
  await dialog.getByLabel('Access token', { exact: true }).fill(c.accessToken);
  await dialog.getByLabel('Access token secret').fill(c.accessTokenSecret);
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Signed in as @cueline_test (cueline_test-oauth1).');
  await expect(dialog.getByLabel('Access token', { exact: true })).toHaveValue('');

  // Default: move it to the pasted account.
  await dialog.getByRole('button', { name: 'Make default: @cueline_test (cueline_test-oauth1)' }).click();
  await expect(row(dialog, 'cueline_test-oauth1')).toContainText('Default');
  await expect(row(dialog, 'cueline_test')).not.toContainText('Default');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.screenshot({ path: shotPath(`accounts-${scheme}`) });
  }
  await expectAxeClean(page, 'accounts dialog', 'dialog');

  // Tokens: in the real keychain under this test's service, nowhere in the page.
  for (const id of ['cueline_test', 'lead', 'cueline_test-oauth1'])
    expect(await world.secrets.get(secretKeys.accountTokens(id))).not.toBeNull();
  await expectNoSecrets(page, emulatorSecrets(emu));

  // Sign out, confirmed from the keyboard: the OAuth 2.0 grant is revoked on X.
  await dialog.getByRole('button', { name: 'Sign out @cueline_test (cueline_test)' }).click();
  const confirm = dialog
    .getByRole('group', { name: 'Confirm signing out @cueline_test' })
    .getByRole('button', {
      name: 'Sign out',
    });
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('Signed out @cueline_test (cueline_test).');
  await expect(row(dialog, 'cueline_test')).toHaveCount(0);
  expect(emu.oauth.revoked.length).toBeGreaterThan(0);
  expect(await world.secrets.get(secretKeys.accountTokens('cueline_test'))).toBeNull();
});

test('a browser sign-in waits, shows the address to copy, and can be cancelled; nothing is saved', async ({
  app,
  world,
}) => {
  const dialog = await openAccounts(app);
  await setUpApp(dialog, world.emu);
  // The user never finishes in the browser.
  const deps = world.deps;
  if (!deps) throw new Error('no accounts deps');
  deps.open = (url) => {
    deps.browser.opened.push(url);
    return Promise.resolve();
  };
  await dialog.getByRole('button', { name: 'Sign in with X…' }).click();
  await expect(
    dialog.getByRole('status').filter({ hasText: 'Waiting for the browser…' }).first(),
  ).toBeVisible();
  const url = dialog.getByLabel('If the browser did not open, copy this address into it:');
  await expect(url).toHaveValue(/\/i\/oauth2\/authorize\?.*code_challenge_method=S256/);
  await expect(url).toHaveValue(deps.browser.opened.at(-1) ?? '');
  await dialog.getByRole('button', { name: 'Cancel sign-in' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Sign-in cancelled. Nothing was saved.');
  await expect(dialog.getByRole('button', { name: 'Sign in with X…' })).toBeEnabled();
  await expect(dialog.getByTestId('no-accounts')).toBeVisible();
  expect(await deps.service.listAccounts()).toEqual([]);
});

test('errors from X are shown, and a refused PIN asks to start again', async ({ app, world }) => {
  const { page } = app;
  const dialog = await openAccounts(app);
  await setUpApp(dialog, world.emu);
  world.emu.oauth.consent = 'deny';
  await dialog.getByRole('button', { name: 'Sign in with X…' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Access was not granted on X. Nothing was saved.');

  world.emu.oauth.consent = 'approve';
  await dialog.getByLabel('With a PIN (OAuth 1.0a)').check();
  await dialog.getByRole('button', { name: 'Get a PIN from X…' }).click();
  await expect(dialog.getByLabel('PIN shown by X')).toBeFocused();
  const right = pinOf((await world.deps?.browser.lastPage()) ?? '');
  await page.keyboard.type(right === '1234567' ? '7654321' : '1234567');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).not.toBeEmpty();
  await expect(dialog.getByRole('button', { name: 'Get a PIN from X…' })).toBeVisible();
  await expect(dialog.getByTestId('no-accounts')).toBeVisible();
});

test('keyboard only: Tab reaches the sign-in, Enter signs in, arrows pick the method, Escape closes', async ({
  app,
  world,
}) => {
  const { page } = app;
  const dialog = await openAccounts(app);
  await setUpApp(dialog, world.emu);
  // From the top of the dialog, Tab reaches the browser sign-in button.
  await dialog.getByRole('button', { name: 'Close' }).focus();
  const target = dialog.getByRole('button', { name: 'Sign in with X…' });
  let presses = 0;
  while (!(await target.evaluate((el) => el === document.activeElement)) && presses < 40) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('Signed in as @cueline_test (cueline_test).');
  // The radio group moves with the arrow keys, like any radio group.
  await dialog.getByLabel('Sign in with X in the browser').focus();
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByLabel('With a PIN (OAuth 1.0a)')).toBeChecked();
  await expect(dialog.getByRole('button', { name: 'Get a PIN from X…' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialogOf(page)).toHaveCount(0);
});
