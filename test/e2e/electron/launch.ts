// Launching the unpackaged build (npm run build) under Playwright's _electron, with a throwaway
// CUELINE_HOME. Electron's binary is downloaded on a user's first install; CI here can't fetch it,
// so suites call electronBinary() and report themselves skipped with that reason.
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NO_ELECTRON = 'skipped: no Electron binary on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD)';
export const ROOT = join(import.meta.dirname, '../../..');

/**
 * Electron's binary, found as the `electron` package finds it: path.txt names it inside dist/, or
 * inside ELECTRON_OVERRIDE_DIST_PATH when that folder is set (a folder, not the binary).
 */
export function electronBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = join(createRequire(import.meta.url).resolve('electron'), '..');
  const pathFile = join(dir, 'path.txt');
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  // electron/index.js: join(override, path.txt's name || 'electron').
  const inDist = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const candidate = override
    ? join(override, inDist)
    : existsSync(pathFile)
      ? join(dir, 'dist', inDist)
      : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

export interface LaunchedApp {
  app: ElectronApplication;
  win: Page;
  home: string;
  close(): Promise<void>;
}

export async function launchApp(
  binary: string,
  o: { home?: string; env?: Record<string, string>; args?: string[] } = {},
): Promise<LaunchedApp> {
  const home = o.home ?? (await mkdtemp(join(tmpdir(), 'cueline-electron-')));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && k !== 'ELECTRON_RENDERER_URL') env[k] = v;
  env['CUELINE_HOME'] = home;
  env['CUELINE_E2E'] = '1';
  Object.assign(env, o.env);
  const app = await electron.launch({ executablePath: binary, args: [ROOT, ...(o.args ?? [])], env });
  const win = await app.firstWindow();
  await win.waitForLoadState('domcontentloaded');
  return {
    app,
    win,
    home,
    close: async () => {
      await app.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Main's native Open dialog answers `path` from now on (Playwright can't drive the OS dialog). */
export async function stubOpenDialog(app: ElectronApplication, path: string): Promise<void> {
  await app.evaluate(({ dialog }, p) => {
    dialog.showOpenDialog = (async () => ({
      canceled: false,
      filePaths: [p],
    })) as typeof dialog.showOpenDialog;
  }, path);
}
