import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

// Electron's binary is downloaded on a user's first run; CI here can't fetch it. Look for it
// without triggering that download, and report this suite skipped with the reason where it's absent.
function electronBinary(): string | null {
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const dir = join(createRequire(import.meta.url).resolve('electron'), '..');
  const pathFile = join(dir, 'path.txt');
  const candidate =
    override ?? (existsSync(pathFile) ? join(dir, 'dist', readFileSync(pathFile, 'utf8')) : null);
  return candidate && existsSync(candidate) ? candidate : null;
}

const binary = electronBinary();
test.skip(binary === null, 'skipped: no Electron binary on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD)');

test('the app window opens hardened', async () => {
  const app = await electron.launch({
    executablePath: binary!,
    args: [join(import.meta.dirname, '../../..')],
  });
  const win = await app.firstWindow();
  await expect(win.getByRole('heading', { name: 'Cueline' })).toBeVisible();
  // No Node in the page and only the contract object on window: sandboxed and context-isolated.
  const exposed = await win.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>)['require'],
    process: typeof (globalThis as Record<string, unknown>)['process'],
    cueline: typeof (globalThis as Record<string, unknown>)['cueline'],
  }));
  expect(exposed).toEqual({ require: 'undefined', process: 'undefined', cueline: 'object' });
  await app.close();
});
