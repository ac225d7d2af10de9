// Signing in from the Publish dialog for a new user: the walkthrough of the X developer app
// (what to create, the exact callback URL, permissions and app type with copy buttons, the scopes,
// each common mistake with X's message and the fix), axe-clean; the real AuthService and keychain.
import { expectAxeSpotless } from '../harness/axe.ts';
import { shotPath } from '../harness/screenshots.ts';
import { pinOf } from './accounts-support.ts';
import { editorMedia } from './editor-support.ts';
import { openPublishWith } from './publish-support.ts';
import { expect, test } from './x-test.ts';

test.use({ signedIn: false });

test('the sign-in panel walks through the X developer app, with the exact values to copy', async ({
  app,
  world,
  context,
}) => {
  const { page } = app;
  const m = await editorMedia();
  const dialog = await openPublishWith(app, m.video, [m.srt]);
  await dialog.getByRole('button', { name: 'Sign in to X…' }).click();
  const accounts = page.getByRole('dialog', { name: 'X accounts' });
  const guide = accounts.getByTestId('x-app-guide');
  // The app's keys are set here (xWorld), so the walkthrough is folded to its summary line.
  await guide.locator('summary').click();

  const { redirectUri } = await world.auth.appSettingsSummary();
  expect(redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
  await expect(guide.getByTestId('guide-callback')).toHaveText(redirectUri);
  await expect(guide.getByTestId('guide-scopes')).toHaveText(
    'tweet.read tweet.write users.read media.write offline.access',
  );
  await expect(guide).toContainText('Read and write');
  await expect(guide).toContainText('Native App');
  // Each common mistake: what X says, and what to change.
  for (const text of [
    'Wrong callback URL',
    'You weren’t able to give access to the App.',
    'Missing media.write',
    'Missing required OAuth 2.0 scope(s): media.write',
    'Wrong type of app',
    'unauthorized_client: Missing valid authorization header',
  ])
    await expect(guide).toContainText(text);

  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await guide.getByRole('button', { name: 'Copy the callback URL' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(redirectUri);
  await guide.getByRole('button', { name: 'Copy the scopes' }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe('tweet.read tweet.write users.read media.write offline.access');

  await page.screenshot({ path: shotPath('publish-sign-in-guide') });
  await expectAxeSpotless(
    page,
    'accounts dialog with the X app walkthrough',
    '[data-testid="accounts-dialog"]',
  );
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: shotPath('publish-sign-in-guide-1024') });
});

test('after signing in from the Accounts dialog, the focus lands on what it says, not on the page', async ({
  app,
  world,
}) => {
  const { page } = app;
  await app.emit('menu:command', { command: 'accounts' });
  const accounts = page.getByRole('dialog', { name: 'X accounts' });
  await accounts.getByLabel('With a PIN (OAuth 1.0a)').check();
  await accounts.getByRole('button', { name: 'Get a PIN from X…' }).click();
  await expect(accounts.getByLabel('PIN shown by X')).toBeFocused();
  await page.keyboard.type(pinOf(await world.browser.lastPage()));
  await page.keyboard.press('Enter');
  // The PIN form is gone with the sign-in: the confirmation takes the focus.
  const done = accounts.getByTestId('signed-in');
  await expect(done).toHaveText('Signed in as @cueline_test. Add another account, or close this dialog.');
  await expect(done).toBeFocused();
  await expectAxeSpotless(page, 'accounts dialog after signing in', '[data-testid="accounts-dialog"]');
});
