import { expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVideo } from '../../support/media-fixtures.ts';
import { electronBinary, launchApp, NO_ELECTRON, stubOpenDialog, type LaunchedApp } from './launch.ts';
import { expectedWebPreferences } from '../../support/hardened-web-preferences.ts';

const binary = electronBinary();
test.skip(binary === null, NO_ELECTRON);

let launched: LaunchedApp;
test.beforeEach(async () => {
  launched = await launchApp(binary ?? '');
});
test.afterEach(() => launched.close());

test('the app window opens hardened, from app://, with only window.cueline', async () => {
  const { app, win } = launched;
  await expect(win.getByRole('heading', { name: 'Cueline' })).toBeVisible();
  expect(win.url()).toBe('app://cueline/index.html');
  const prefs = await app.evaluate(
    () => (globalThis as { __cuelineWebPreferences?: unknown }).__cuelineWebPreferences,
  );
  expect(prefs).toEqual(expectedWebPreferences(expect.stringMatching(/preload\.cjs$/)));
  const exposed = await win.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>)['require'],
    process: typeof (globalThis as Record<string, unknown>)['process'],
    cueline: Object.keys(window.cueline).sort(),
  }));
  expect(exposed.require).toBe('undefined');
  expect(exposed.process).toBe('undefined');
  expect(exposed.cueline).toContain('on');
  expect(exposed.cueline).toContain('files');
  // The CSP header from the app:// handler is in force: inline script does not run.
  const inlineRan = await win.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.head.append(s);
    return (window as unknown as { __inline?: boolean }).__inline === true;
  });
  expect(inlineRan).toBe(false);
  // Navigation away is refused.
  await win.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await expect.poll(() => win.url()).toBe('app://cueline/index.html');
});

test('a video opened through the (stubbed) native dialog streams over cueline-media:// and seeks', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cueline-electron-media-'));
  try {
    const video = await generateVideo(join(dir, 'talk.mp4'), { duration: 6 });
    const { app, win } = launched;
    await stubOpenDialog(app, video);
    const out = await win.evaluate(async () => {
      const opened = await window.cueline.files.openVideo();
      if (!opened.ok || !opened.value) throw new Error('not opened');
      const url = await window.cueline.media.url({ id: opened.value.id });
      if (!url.ok) throw new Error(url.error.message);
      const v = document.createElement('video');
      v.muted = true;
      v.src = url.value.url;
      document.body.append(v);
      await new Promise((resolve, reject) => {
        v.addEventListener('loadedmetadata', resolve, { once: true });
        v.addEventListener('error', () => reject(new Error(`video error ${v.error?.code}`)), { once: true });
      });
      const seeked = new Promise((r) => v.addEventListener('seeked', r, { once: true }));
      v.currentTime = 4;
      await seeked;
      return { url: url.value.url, currentTime: v.currentTime, name: opened.value.name };
    });
    expect(out.name).toBe('talk.mp4');
    expect(out.url).toMatch(/^cueline-media:\/\/media\/[A-Za-z0-9_-]+$/);
    expect(out.currentTime).toBeCloseTo(4, 1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
