import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../../bin/cueline.mjs', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('cueline bin', () => {
  it('prints its version from package.json, then which ffmpeg and ffprobe it runs', () => {
    const r = run('--version');
    expect(r.status).toBe(0);
    const [version, ffmpeg, ffprobe] = r.stdout.trim().split('\n');
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(ffmpeg).toMatch(/^ffmpeg: ffmpeg version \S+ \((setting|env|bundled|path): .+\)$/);
    expect(ffprobe).toMatch(/^ffprobe: ffprobe version \S+ \((setting|env|bundled|path): .+\)$/);
  });

  it('names a refused ffmpeg in --version, with how to point Cueline at another', () => {
    const r = spawnSync(process.execPath, [bin, '--version'], {
      encoding: 'utf8',
      env: { ...process.env, PATH: '/nonexistent', CUELINE_FFMPEG: '/nonexistent/ffmpeg' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /no usable ffmpeg found; tried: env \/nonexistent\/ffmpeg .*To fix:.*CUELINE_FFMPEG/,
    );
  });

  it('exits 2 on an unknown command', () => {
    const r = run('no-such-command');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command|too many arguments/);
  });
});
