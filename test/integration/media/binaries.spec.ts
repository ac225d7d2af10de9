// The ffmpeg floor against real processes: an old build named by the user is refused with what
// it is, and the next candidate (here the system's ffmpeg on PATH) is used.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { resolveBinaries } from '../../../main/services/media/binaries.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cueline-binaries-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('refuses a 2018 development build by its libavcodec and falls back to the next candidate', async () => {
  const old = join(dir, 'ffmpeg-2018');
  // What @ffmpeg-installer's 4.1.0 build prints (a development build named by commit).
  await writeFile(
    old,
    '#!/bin/sh\nprintf "ffmpeg version N-47683-g0e8eb07980-static Copyright (c) 2000-2018\\nlibavutil      56. 26.100 / 56. 26.100\\nlibavcodec     58. 42.104 / 58. 42.104\\n"\n',
  );
  await chmod(old, 0o755);
  const b = await resolveBinaries({ ffmpegPath: old, env: {} });
  const refused = b.tried.find((t) => t.source === 'setting');
  expect(refused?.error).toMatch(/N-47683.*libavcodec 58\.42\) is older than ffmpeg 5\.1/);
  expect(b.tried.find((t) => t.tool === 'ffmpeg' && !t.error)?.source).toBe('path');
});
