// Runs ffmpeg/ffprobe: argument arrays, no shell, an AbortSignal and a timeout. The child gets its
// own process group so cancel can kill the whole tree, not just the direct child.
import { spawn } from 'node:child_process';
import { CuelineError } from '../../../shared/errors.ts';

export interface RunOptions {
  signal?: AbortSignal | undefined;
  /** Kill the process after this long; default 10 minutes. */
  timeoutMs?: number;
  /** Streamed stdout; when given, stdout is not collected. */
  onStdout?: (chunk: Buffer) => void;
  /** Cap on collected stdout (bytes); default 64 MiB. */
  maxStdout?: number;
}

export interface RunResult {
  code: number | null;
  stdout: Buffer;
  /** The last 64 KiB of stderr. */
  stderr: string;
}

const STDERR_KEEP = 64 * 1024;

function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') {
      spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    } else {
      process.kill(-pid, 'SIGKILL');
    }
  } catch {
    // Already gone.
  }
}

/**
 * The start of an ffmpeg command that decodes one kind of stream from `file` (the others are not
 * even demuxed): quiet, never waiting on stdin, optionally seeking before the input.
 */
export function ffmpegReading(file: string, keep: 'video' | 'audio', seekMs?: number): string[] {
  const seek = seekMs === undefined ? [] : ['-ss', (seekMs / 1000).toFixed(3)];
  return [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    ...seek,
    keep === 'video' ? '-an' : '-vn',
    '-sn',
    '-dn',
    '-i',
    file,
  ];
}

export function runProcess(bin: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const { signal, timeoutMs = 600_000, onStdout, maxStdout = 64 * 1024 * 1024 } = opts;
  return new Promise<RunResult>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CuelineError('media.cancelled', 'cancelled'));
      return;
    }
    const child = spawn(bin, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    const chunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let failure: CuelineError | null = null;
    const stop = (e: CuelineError): void => {
      if (failure) return;
      failure = e;
      killTree(child.pid);
    };
    const onAbort = (): void => stop(new CuelineError('media.cancelled', 'cancelled'));
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () =>
        stop(new CuelineError('media.timeout', `${bin} took longer than ${Math.round(timeoutMs / 1000)} s`)),
      timeoutMs,
    );
    child.stdout.on('data', (c: Buffer) => {
      if (failure) return;
      if (onStdout) {
        onStdout(c);
        return;
      }
      stdoutBytes += c.length;
      if (stdoutBytes > maxStdout)
        stop(new CuelineError('media.output_too_large', `${bin} printed too much`));
      else chunks.push(c);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => {
      stderr += c;
      if (stderr.length > STDERR_KEEP * 2) stderr = stderr.slice(-STDERR_KEEP);
    });
    const finish = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      finish();
      reject(
        failure ??
          new CuelineError('media.binary_failed', `could not run ${bin}: ${e.code ?? e.message}`, { bin }),
      );
    });
    child.on('close', (code) => {
      finish();
      if (failure) reject(failure);
      else resolve({ code, stdout: Buffer.concat(chunks), stderr: stderr.slice(-STDERR_KEEP) });
    });
  });
}

/** The last meaningful stderr line, for error messages. */
export function lastLine(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? '';
}
