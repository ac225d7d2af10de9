// Every bad input a command line can carry is refused before any work starts, with a short error
// naming the path or option and exit 2 (issue 15's list, found by trying every command).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { CUELINE_BIN } from '../support/cli-process.ts';
import { generateVideo } from '../support/media-fixtures.ts';

let dir = '';
const at = (...names: string[]): string => join(dir, ...names);
const SRT = '1\n00:00:01,000 --> 00:00:02,000\nHello\n';
// Fake credentials and an X that is not there: a command that got as far as the network would fail
// with exit 1, not 2.
const NO_X = {
  X_CONSUMER_KEY: 'k',
  X_CONSUMER_SECRET: 's',
  X_ACCESS_TOKEN: 't',
  X_ACCESS_TOKEN_SECRET: 'ts',
  CUELINE_X_API_BASE: 'http://127.0.0.1:9',
  CUELINE_X_UPLOAD_BASE: 'http://127.0.0.1:9',
};

/**
 * Runs the CLI. `unprivileged`: without the capabilities that let root read anything, so a folder
 * with mode 000 is unreadable even when the tests run as root (as in CI containers).
 */
function cueline(args: string[], opts: { unprivileged?: boolean; env?: Record<string, string> } = {}) {
  const cmd = [process.execPath, CUELINE_BIN, ...args];
  const [file, ...rest] =
    opts.unprivileged && process.getuid?.() === 0
      ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', ...cmd]
      : cmd;
  return spawnSync(file ?? '', rest, {
    encoding: 'utf8',
    env: { ...process.env, CUELINE_HOME: at('home'), ...opts.env },
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cueline-validation-'));
  writeFileSync(at('clip.en.srt'), SRT);
  writeFileSync(at('clip.mp4'), 'not really a video');
  writeFileSync(at('a-file'), 'x');
  mkdirSync(at('videos'));
});
afterAll(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

function expectBadInput(r: ReturnType<typeof cueline>, message: RegExp): void {
  expect(r.stderr).toMatch(message);
  expect(r.status).toBe(2);
  expect(r.stderr).not.toMatch(/ZodError|ENOTDIR|EISDIR|EACCES|at .*\.ts:\d+/);
  // One short error line (commander adds the command's help after a usage error: bounded too).
  expect(r.stderr.split('\n')[0]?.length).toBeLessThan(300);
  expect(r.stderr.length).toBeLessThan(4000);
}

describe('paths are checked before any work', () => {
  it('an unreadable batch folder says permission denied, not "no such folder"', () => {
    const locked = at('locked');
    mkdirSync(locked);
    chmodSync(locked, 0o000);
    try {
      expectBadInput(
        cueline(['batch', locked, '--dry-run'], { unprivileged: true }),
        /locked: permission denied/,
      );
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  it('a batch folder that is a file', () => {
    expectBadInput(cueline(['batch', at('a-file'), '--dry-run']), /a-file: is a file, not a folder/);
  });

  it('batch --export into a missing folder fails before planning or publishing', () => {
    expectBadInput(
      cueline(['batch', at('videos'), '--export', at('nodir', 'r.csv')], { env: NO_X }),
      /--export .*r\.csv: the folder .*nodir does not exist/,
    );
    expectBadInput(
      cueline(['batch', at('videos'), '--export', at('r.txt')], { env: NO_X }),
      /must end in \.csv or \.json/,
    );
  });

  it('--journal-dir pointing at a file (batch and publish)', () => {
    expectBadInput(
      cueline(['batch', at('videos'), '--journal-dir', at('a-file')], { env: NO_X }),
      /--journal-dir .*a-file: is a file, not a folder/,
    );
    expectBadInput(
      cueline(
        ['publish', at('clip.mp4'), '--subs', at('clip.en.srt'), '--journal-dir', at('a-file', 'jobs')],
        {
          env: NO_X,
        },
      ),
      /--journal-dir .*a-file is a file, not a folder/,
    );
  });

  it('fix -o into a missing folder or with a non-MP4 name fails before transcoding', () => {
    expectBadInput(cueline(['fix', at('clip.mp4'), '-o', at('nodir', 'x.mp4')]), /nodir does not exist/);
    expectBadInput(
      cueline(['fix', at('clip.mp4'), '-o', at('out.txt')]),
      /out\.txt: the file name must end in \.mp4/,
    );
    expectBadInput(cueline(['fix', at('missing.mp4')]), /missing\.mp4: no such file/);
  });

  it('convert into a folder, or from a folder', () => {
    expectBadInput(cueline(['convert', at('clip.en.srt'), at('nodir', 'x.vtt')]), /nodir does not exist/);
    expectBadInput(cueline(['convert', at('videos'), at('x.vtt')]), /videos: is a folder, not a file/);
  });
});

describe('options follow one rule everywhere', () => {
  it.each(['sp', 'english'])('convert and check refuse --language %s as publish does', (lang) => {
    expectBadInput(
      cueline(['check', at('clip.en.srt'), '--language', lang]),
      /not a known BCP 47 language tag/,
    );
    expectBadInput(
      cueline(['convert', at('clip.en.srt'), at('out.vtt'), '--language', lang]),
      /not a known BCP 47 language tag/,
    );
  });

  it('auth setup --client-id "" is a usage error, not a zod dump', () => {
    expectBadInput(cueline(['auth', 'setup', '--client-id', '']), /--client-id <id>.*it is empty/);
  });
});

describe('caption files', () => {
  it('an empty .srt is an error, not "0 cues"', () => {
    writeFileSync(at('empty.en.srt'), '');
    expectBadInput(cueline(['check', at('empty.en.srt')]), /empty\.en\.srt: no cues/);
  });

  it('a 10 MB tail after an end time gives a short error', () => {
    writeFileSync(at('tail.en.srt'), `1\n00:00:01,000 --> 00:00:02,000 ${'x'.repeat(10_000_000)}\nHi\n`);
    const r = cueline(['check', at('tail.en.srt'), '--json']);
    expectBadInput(r, /tail\.en\.srt:2: unexpected "x{79}…" after the end time/);
    expect(r.stdout.length).toBeLessThan(600);
  });

  it('an ASCII UTF-16LE file without BOM is checked as UTF-16', () => {
    writeFileSync(at('x.en.srt'), iconv.encode(SRT, 'utf-16le'));
    const r = cueline(['check', at('x.en.srt')]);
    expect(r.stdout).toMatch(/1 cues, srt, utf-16le/);
    expect(r.status).toBe(0);
  });
});

describe('nothing half-written is left behind', () => {
  it('a fix killed with kill -9 leaves a part file that the next fix removes', async () => {
    const input = await generateVideo(at('long.mp4'), { duration: 8, fps: 120, width: 320, height: 180 });
    const output = at('long.x.mp4');
    const child = spawn(process.execPath, [CUELINE_BIN, 'fix', input], {
      env: { ...process.env, CUELINE_HOME: at('home') },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true, // its own process group: kill -9 takes ffmpeg down with it
    });
    // The first progress line: ffmpeg is writing the part file.
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (/^progress \d+%/m.test(stderr)) resolve();
      });
      child.on('close', () => reject(new Error(`fix ended before any progress: ${stderr}`)));
    });
    process.kill(-(child.pid ?? 0), 'SIGKILL');
    await once(child, 'close');
    const parts = (): string[] => readdirSync(dir).filter((f) => f.startsWith('.long.x.mp4.'));
    expect(parts()).toHaveLength(1);

    const again = cueline(['fix', input]);
    expect(again.status).toBe(0);
    expect(parts()).toEqual([]);
    expect(readdirSync(dir)).toContain('long.x.mp4');
    expect(output).toBe(at('long.x.mp4'));
  });
});
