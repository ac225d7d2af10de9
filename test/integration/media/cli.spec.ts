import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateVideo } from '../../support/media-fixtures.ts';
import { makeTextAsMp4 } from './violators.ts';

const bin = fileURLToPath(new URL('../../../bin/cueline.mjs', import.meta.url));
let dir: string;
let fps120: string;
let good: string;

/** Runs the CLI with pipes (not a TTY), as in CI logs. */
function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, CUELINE_HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cueline-cli-media-'));
  fps120 = await generateVideo(join(dir, 'fast.mp4'), { duration: 1, fps: 120, width: 160, height: 90 });
  good = await generateVideo(join(dir, 'good.mp4'), {
    duration: 1,
    extra: [
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-profile:v',
      'high',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-b:a',
      '128k',
    ],
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cueline probe', () => {
  it('names each violation with its fix and exits 1 when X would refuse the video', async () => {
    const r = await cli('probe', fps120);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/video: h264 .*160x90, 120 fps/);
    expect(r.stdout).toMatch(
      /error video\.fps: frame rate 120 fps exceeds 60 fps\n\s+fix: reduce the frame rate — transcode \(cueline fix\)/,
    );
    expect(r.stdout).toMatch(/refused: 1 violation/);
  });

  it('exits 0 for a compliant video', async () => {
    const r = await cli('probe', good);
    expect(r.stdout).toMatch(/^ok: X should accept this video/m);
    expect(r.status).toBe(0);
  });

  it('--json prints info, limits and result', async () => {
    const r = await cli('probe', fps120, '--json', '--category', 'amplify_video', '--premium');
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout) as {
      info: { video: { fps: { num: number; den: number } } };
      limits: { category: string; premium: boolean };
      result: { ok: boolean; violations: Array<{ rule: string; fix: string }> };
    };
    expect(j.info.video.fps).toEqual({ num: 120, den: 1 });
    expect(j.limits).toMatchObject({ category: 'amplify_video', premium: true });
    expect(j.result.ok).toBe(false);
    expect(j.result.violations.map((v) => v.rule)).toEqual(['video.fps']);
  });

  it('exits 2 naming the file for a non-video and for a bad category', async () => {
    const r = await cli('probe', await makeTextAsMp4(dir));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/notes\.mp4: not a readable video/);
    const bad = await cli('probe', good, '--category', 'gif');
    expect(bad.status).toBe(2);
  });
});

describe('cueline fix', () => {
  it('prints plain progress lines when not a TTY and writes a file probe accepts', async () => {
    const out = join(dir, 'fast.fixed.mp4');
    const r = await cli('fix', fps120, '-o', out);
    expect(r.stderr).toMatch(/^progress 100% 1\.0\/1\.0 s/m);
    expect(r.stderr).not.toContain('\r');
    expect(r.stdout).toContain(`wrote ${out} (video re-encoded, audio copied)`);
    expect(r.status).toBe(0);
    expect((await stat(out)).size).toBeGreaterThan(1000);
    const p = await cli('probe', out);
    expect(p.status).toBe(0);
  });

  it('defaults the output to <name>.x.mp4 beside the input', async () => {
    const r = await cli('fix', good);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('(video copied, audio copied)');
    expect((await stat(join(dir, 'good.x.mp4'))).isFile()).toBe(true);
  });
});
