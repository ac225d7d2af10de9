// The desktop app as the `cueline` command (main/app/cli-mode.ts), run by the real Electron binary
// wherever one exists: a command as first argument runs the CLI with no window, and its output
// and exit code reach the terminal. Elsewhere the stand-in test (test/build) covers the bundle.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary, NO_ELECTRON, ROOT } from './launch.ts';

const binary = electronBinary();
test.skip(binary === null, NO_ELECTRON);

test('runs `check` through the app binary, with no window, and exits with the CLI code', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cueline-electron-cli-'));
  try {
    const srt = join(dir, 'talk.en.srt');
    await writeFile(srt, '1\n00:00:01,000 --> 00:00:02,000\nHello\n');
    const env = { ...process.env, CUELINE_HOME: dir };
    const ok = spawnSync(binary ?? '', [ROOT, 'check', srt], { encoding: 'utf8', env, timeout: 60_000 });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/talk\.en\.srt: 1 cues?, srt/);
    const bad = spawnSync(binary ?? '', [ROOT, 'check', join(dir, 'missing.srt')], { encoding: 'utf8', env });
    expect(bad.status).toBe(2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
