// Which ffmpeg/ffprobe to run: a user setting (the packaged app passes its bundled copies under
// process.resourcesPath this way; the CLI passes CUELINE_FFMPEG/CUELINE_FFPROBE), then the npm
// bundled binaries, then PATH. Each candidate must answer `-version`; the answer is cached.
import { createRequire } from 'node:module';
import { CuelineError } from '../../../shared/errors.ts';
import { runProcess } from './run-process.ts';

export type BinarySource = 'setting' | 'bundled' | 'path';

export interface Tried {
  tool: 'ffmpeg' | 'ffprobe';
  source: BinarySource;
  path: string;
  /** Why it was rejected; absent for the one chosen. */
  error?: string;
  /** First line of `-version` for the one chosen. */
  version?: string;
}

export interface Binaries {
  ffmpeg: string;
  ffprobe: string;
  tried: Tried[];
}

export interface BinaryOptions {
  ffmpegPath?: string;
  ffprobePath?: string;
}

const require = createRequire(import.meta.url);

function bundledPath(pkg: string): string | null {
  try {
    const mod: unknown = require(pkg);
    if (mod && typeof mod === 'object' && 'path' in mod && typeof mod.path === 'string')
      // Inside an asar archive the binary is unpacked next to it.
      return mod.path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  } catch {
    // Unsupported platform, or not installed.
  }
  return null;
}

async function check(path: string): Promise<{ version?: string; error?: string }> {
  try {
    const r = await runProcess(path, ['-hide_banner', '-version'], { timeoutMs: 15_000, maxStdout: 1 << 20 });
    if (r.code !== 0) return { error: `exit ${r.code}` };
    const first = r.stdout.toString('utf8').split('\n')[0] ?? '';
    if (!/version/i.test(first)) return { error: 'not an ffmpeg binary' };
    return { version: first.trim() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export interface Candidate {
  source: BinarySource;
  path: string;
}

/** The first candidate that answers `-version`; every attempt is appended to `tried`. */
export async function pickBinary(
  tool: 'ffmpeg' | 'ffprobe',
  candidates: Candidate[],
  tried: Tried[],
): Promise<string> {
  for (const c of candidates) {
    const r = await check(c.path);
    tried.push({ tool, ...c, ...r });
    if (!r.error) return c.path;
  }
  const list = tried
    .filter((t) => t.tool === tool)
    .map((t) => `${t.source} ${t.path} (${t.error})`)
    .join('; ');
  throw new CuelineError('media.binary_missing', `no working ${tool} found; tried: ${list}`, { tried });
}

function candidatesFor(tool: 'ffmpeg' | 'ffprobe', setting: string | undefined): Candidate[] {
  const candidates: Candidate[] = [];
  if (setting) candidates.push({ source: 'setting', path: setting });
  const bundled = bundledPath(tool === 'ffmpeg' ? '@ffmpeg-installer/ffmpeg' : '@ffprobe-installer/ffprobe');
  if (bundled) candidates.push({ source: 'bundled', path: bundled });
  candidates.push({ source: 'path', path: process.platform === 'win32' ? `${tool}.exe` : tool });
  return candidates;
}

const cache = new Map<string, Promise<Binaries>>();

export function resolveBinaries(opts: BinaryOptions = {}): Promise<Binaries> {
  const ffmpegSetting = opts.ffmpegPath ?? process.env['CUELINE_FFMPEG'];
  const ffprobeSetting = opts.ffprobePath ?? process.env['CUELINE_FFPROBE'];
  const key = `${ffmpegSetting ?? ''}\0${ffprobeSetting ?? ''}`;
  let p = cache.get(key);
  if (!p) {
    p = (async (): Promise<Binaries> => {
      const tried: Tried[] = [];
      const [ffmpeg, ffprobe] = await Promise.all([
        pickBinary('ffmpeg', candidatesFor('ffmpeg', ffmpegSetting), tried),
        pickBinary('ffprobe', candidatesFor('ffprobe', ffprobeSetting), tried),
      ]);
      return { ffmpeg, ffprobe, tried };
    })();
    // A failure is not cached: the user may fix the setting and retry.
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/** Callers that already resolved pass `binaries`; others get the default resolution. */
export type BinariesInput = Binaries | BinaryOptions | undefined;

export function binariesFrom(input: BinariesInput): Promise<Binaries> {
  if (input && 'ffmpeg' in input && 'ffprobe' in input) return Promise.resolve(input);
  return resolveBinaries(input);
}
