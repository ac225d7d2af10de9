import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVideo } from '../../support/media-fixtures.ts';
import { startEmulator, type Emulator } from '../../x-emulator/server.ts';
import { electronBinary, launchApp, NO_ELECTRON, ROOT, stubOpenDialog } from './launch.ts';

// Publishing from the real app against the X emulator. The account is signed in the way a user
// would with pasted developer-portal keys (the CLI, same CUELINE_HOME and the same keychain), so
// like the keychain tests this suite needs an unlocked Secret Service (scripts/test-all.ts runs
// those inside dbus-run-session with gnome-keyring).
const binary = electronBinary();
test.skip(binary === null, NO_ELECTRON);

function cli(
  args: string[],
  env: Record<string, string>,
  stdin: string,
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/cueline.mjs'), ...args], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
    child.stdin.end(stdin);
  });
}

let emu: Emulator;
let dir = '';
test.beforeEach(async () => {
  emu = await startEmulator();
  dir = await mkdtemp(join(tmpdir(), 'cueline-electron-publish-'));
});
test.afterEach(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

test('a video and its captions publish to the emulator from the app window', async () => {
  const home = join(dir, 'home');
  const env = { CUELINE_HOME: home, CUELINE_X_API_BASE: emu.apiBase, CUELINE_X_UPLOAD_BASE: emu.uploadBase };
  const c = emu.credentials;
  const setup = await cli(
    ['auth', 'setup', '--consumer-key', c.consumerKey, '--consumer-secret-stdin'],
    env,
    `${c.consumerSecret}\n`,
  );
  expect(setup.code, setup.stderr).toBe(0);
  const login = await cli(['auth', 'login', '--paste'], env, `${c.accessToken}\n${c.accessTokenSecret}\n`);
  expect(login.code, login.stderr).toBe(0);

  const video = await generateVideo(join(dir, 'launch.mp4'), { duration: 3 });
  const launched = await launchApp(binary ?? '', { home, env });
  try {
    const { app, win } = launched;
    await stubOpenDialog(app, video);
    const end = await win.evaluate(async () => {
      const ended = new Map<string, unknown>();
      let waiting: ((jobId: string) => void) | null = null;
      const end = (jobId: string, value: unknown): void => {
        ended.set(jobId, value);
        waiting?.(jobId);
      };
      window.cueline.on('job:done', (e) => end(e.jobId, { done: e.result }));
      window.cueline.on('job:failed', (e) => end(e.jobId, { failed: e.error }));
      const opened = await window.cueline.files.openVideo();
      if (!opened.ok || !opened.value) throw new Error('not opened');
      const started = await window.cueline.publish.start({
        video: opened.value.id,
        tracks: [{ language: 'en', cues: [{ id: '1', start: 0, end: 1500, text: 'Hello from Cueline' }] }],
        post: 'Launch day',
        category: 'tweet_video',
        api: 'v2',
      });
      if (!started.ok) throw new Error(started.error.message);
      const jobId = started.value.jobId;
      // Resolved by the end event itself; it may already have arrived before the start reply.
      return new Promise<unknown>((resolve) => {
        if (ended.has(jobId)) return resolve(ended.get(jobId));
        waiting = (id) => {
          if (id === jobId) resolve(ended.get(jobId));
        };
      });
    });
    expect(end).toMatchObject({
      done: { subtitles: [{ languageCode: 'en' }], postId: expect.any(String), resumed: false },
    });
    expect(emu.state.posts).toHaveLength(1);
    expect(emu.state.violations).toEqual([]);
  } finally {
    await launched.close();
  }
});
