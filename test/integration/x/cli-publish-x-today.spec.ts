// `cueline publish` against the emulator with X's current rules (issue 16): .mov on v2, chunks
// that adapt to a 413, post refusals read right, alt text and the video card, resumed uploads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type CliRun } from '../../support/cli-process.ts';
import { generateVideo } from '../../support/media-fixtures.ts';
import { startEmulator, type Emulator } from '../../x-emulator/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'cueline-x-today-'));
const video = join(dir, 'clip.mp4');
const mov = join(dir, 'clip.mov');
const en = join(dir, 'clip.en.srt');
let emu: Emulator;
let home = '';
let n = 0;

beforeAll(async () => {
  emu = await startEmulator({ config: { checkAfterSecs: 1, processingSteps: 1 } });
  await generateVideo(video, { duration: 2 });
  await generateVideo(mov, { duration: 1 });
  writeFileSync(en, '1\n00:00:00,500 --> 00:00:01,500\nHello there\n');
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  emu.faults.clear();
  delete emu.state.onRequestStart;
});

function fresh(): void {
  home = mkdtempSync(join(dir, `home-${n++}-`));
  emu.state.requests.length = 0;
}

const start = (
  args: string[],
  opts: { auth?: 'oauth1' | 'oauth2'; env?: Record<string, string> } = {},
): ReturnType<typeof startCli> =>
  startCli(args, home, { ...emu.env(opts.auth ?? 'oauth1'), ...(opts.env ?? {}) });
const cli = (args: string[], opts: Parameters<typeof start>[1] = {}): Promise<CliRun> =>
  start(args, opts).done;
const routes = (name: RegExp): number => emu.state.requests.filter((r) => name.test(r.route)).length;

interface JsonOut {
  video: { id: string };
  subtitles: Array<{ id: string; language_code: string }>;
  post: { id: string } | null;
}

describe('.mov on v2', () => {
  it('goes up as it is (video/quicktime), with OAuth 2.0', async () => {
    fresh();
    const r = await cli(['publish', mov, '--subs', join(dir, 'clip.en.srt'), '--json'], { auth: 'oauth2' });
    expect(r.stderr).not.toMatch(/cueline: /);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(emu.state.media.get(out.video.id)?.mediaType).toBe('video/quicktime');
    expect(routes(/^v2\.initialize$/)).toBe(2);
  });
});

describe('help text', () => {
  it('labels v1.1 as legacy and carries no notes to self', async () => {
    fresh();
    for (const cmd of ['publish', 'batch']) {
      const r = await cli([cmd, '--help']);
      expect(r.stdout).toMatch(/v1\.1 \(legacy —\s+shut\s+down\s+by\s+X\s+in\s+2025\)/);
      expect(r.stdout).not.toMatch(/UNCONFIRMED/i);
    }
  });
});
