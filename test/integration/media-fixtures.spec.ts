import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateVideo } from '../support/media-fixtures.ts';
import { testTempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);

describe('test media generation', () => {
  it('makes a video of the asked size, rate and length with ffmpeg', async () => {
    const dir = testTempDir('cueline-fx-');
    const file = await generateVideo(join(dir, 'a.mp4'), { duration: 1, width: 160, height: 90, fps: 30 });
    const { stdout } = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', file]);
    const streams = (JSON.parse(stdout) as { streams: Array<Record<string, unknown>> }).streams;
    const video = streams.find((s) => s['codec_type'] === 'video');
    expect(video).toMatchObject({ width: 160, height: 90, r_frame_rate: '30/1' });
    expect(streams.some((s) => s['codec_type'] === 'audio')).toBe(true);
  });
});
