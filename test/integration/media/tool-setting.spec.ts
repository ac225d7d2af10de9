// The ffmpeg/ffprobe setting: settings:set checks a path before keeping it (exists, is an
// executable file, is that tool, at least ffmpeg 5.1), against the real binaries.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRouter } from '../../../main/router/app-router.ts';
import type { Router } from '../../../main/router/router.ts';
import { resolveBinaries, type Binaries } from '../../../main/services/media/binaries.ts';
import { createWorkspace, type Workspace } from '../../../main/services/workspace/workspace.ts';
import { DialogsDouble } from '../../e2e/harness/dialogs-double.ts';
import { testAppInfo } from '../../support/app-info.ts';

let dir = '';
let ws: Workspace;
let router: Router;
let real: Binaries;
const ctx = { sink: { id: 'w', isClosed: () => false, send: () => undefined } };
const set = (patch: object) => router.invoke('settings:set', patch, ctx);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cueline-tool-setting-'));
  ws = createWorkspace({ userData: join(dir, 'home'), cache: join(dir, 'cache') });
  router = createAppRouter({
    workspace: ws,
    dialogs: new DialogsDouble(),
    mediaUrl: (id) => id,
    appInfo: testAppInfo('0'),
    router: { validateResponses: true, log: () => undefined },
  });
  // The setting takes absolute paths: where PATH's ffmpeg and ffprobe are.
  const found = await resolveBinaries();
  const absolute = (name: string): string =>
    isAbsolute(name)
      ? name
      : ((process.env['PATH'] ?? '')
          .split(delimiter)
          .map((d) => join(d, name))
          .find((p) => existsSync(p)) ?? name);
  real = { ...found, ffmpeg: absolute(found.ffmpeg), ffprobe: absolute(found.ffprobe) };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('settings:set with an ffmpeg/ffprobe path', () => {
  it('keeps a usable ffmpeg and ffprobe, and an empty path clears the setting', async () => {
    const r = await set({ ffmpegPath: real.ffmpeg, ffprobePath: real.ffprobe });
    expect(r).toMatchObject({ ok: true, value: { ffmpegPath: real.ffmpeg, ffprobePath: real.ffprobe } });
    expect(await ws.settings.get()).toMatchObject({ ffmpegPath: real.ffmpeg, ffprobePath: real.ffprobe });
    expect(await set({ ffmpegPath: '' })).toMatchObject({ ok: true, value: { ffmpegPath: '' } });
  });

  it('refuses what would not run, naming the setting and why; nothing is kept', async () => {
    const before = await ws.settings.get();
    await mkdir(join(dir, 'folder'));
    await writeFile(join(dir, 'plain'), 'not a program');
    // An old build: answers -version like ffmpeg 4.4 does.
    const old = join(dir, 'ffmpeg-4.4');
    await writeFile(
      old,
      '#!/bin/sh\necho "ffmpeg version 4.4.2 Copyright (c) 2000-2021 the FFmpeg developers"\necho "libavcodec     58.134.100 / 58.134.100"\n',
    );
    await chmod(old, 0o755);
    const cases: [object, RegExp][] = [
      [{ ffmpegPath: 'bin/ffmpeg' }, /^ffmpeg setting bin\/ffmpeg: not an absolute path$/],
      [{ ffmpegPath: join(dir, 'missing') }, /missing: no such file$/],
      [{ ffprobePath: join(dir, 'folder') }, /^ffprobe setting .*folder: not a file$/],
      [{ ffmpegPath: join(dir, 'plain') }, /plain: not executable$/],
      [
        { ffmpegPath: old },
        /ffmpeg-4\.4: ffmpeg version 4\.4\.2 .*\(libavcodec 58\.134\) is older than ffmpeg 5\.1$/,
      ],
      [{ ffmpegPath: real.ffprobe }, /: this is ffprobe, not ffmpeg$/],
    ];
    for (const [patch, message] of cases) {
      const r = await set(patch);
      expect(r.ok, JSON.stringify(patch)).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('media.binary_missing');
      expect(r.error.message).toMatch(message);
    }
    expect(await ws.settings.get()).toEqual(before);
  });
});
