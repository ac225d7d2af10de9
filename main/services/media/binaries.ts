// Which ffmpeg/ffprobe to run, in this order: the user's setting (app settings, or the CLI's
// --ffmpeg/--ffprobe), then CUELINE_FFMPEG / CUELINE_FFPROBE, then the build the packaged app
// bundles (resources/ffmpeg), then PATH. ffmpeg decodes untrusted video, so a build older than
// the supported floor is refused with what was found and how to point Cueline at another.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { CuelineError } from '../../../shared/errors.ts';
import { runProcess } from './run-process.ts';

export type BinarySource = 'setting' | 'env' | 'bundled' | 'path';
export type MediaTool = 'ffmpeg' | 'ffprobe';

export interface Tried {
  tool: MediaTool;
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
  /** The folder holding the bundled ffmpeg/ffprobe (the packaged app's resources/ffmpeg). */
  bundledDir?: string;
  /** The environment read for CUELINE_FFMPEG / CUELINE_FFPROBE; default process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The oldest ffmpeg accepted: 5.1 (libavcodec 59.37), the release Debian 12 still maintains.
 * libavcodec's version is read instead of the release name because development and static
 * builds name themselves by commit ("N-47683-g…"), never by release.
 */
export const LIBAVCODEC_FLOOR = { major: 59, minor: 37, release: '5.1' } as const;

/** libavcodec's version from `-version` output, or null when it names none. */
export function libavcodecVersion(versionOutput: string): { major: number; minor: number } | null {
  const m = /^libavcodec\s+(\d+)\.\s*(\d+)\./m.exec(versionOutput);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

/** Why this `-version` output is not acceptable, or null when it is. */
export function versionProblem(versionOutput: string): string | null {
  const first = versionOutput.split('\n')[0]?.trim() ?? '';
  if (!/version/i.test(first)) return 'not an ffmpeg binary';
  const v = libavcodecVersion(versionOutput);
  if (!v) return `${first.slice(0, 80)}: no libavcodec version in its -version output`;
  const { major, minor, release } = LIBAVCODEC_FLOOR;
  if (v.major < major || (v.major === major && v.minor < minor))
    return `${first.slice(0, 80)} (libavcodec ${v.major}.${v.minor}) is older than ffmpeg ${release}`;
  return null;
}

async function check(path: string): Promise<{ version?: string; error?: string }> {
  try {
    const r = await runProcess(path, ['-hide_banner', '-version'], { timeoutMs: 15_000, maxStdout: 1 << 20 });
    if (r.code !== 0) return { error: `exit ${r.code}` };
    const out = r.stdout.toString('utf8');
    const problem = versionProblem(out);
    if (problem) return { error: problem };
    // "ffmpeg version 7.1.1 Copyright (c) 2000-2025 the FFmpeg developers" → up to the copyright.
    return { version: (out.split('\n')[0] ?? '').replace(/\s+Copyright.*$/i, '').trim() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Checks a path the user gives for a tool (the ffmpeg/ffprobe setting) before it is saved: an
 * absolute path to an executable file that is an ffmpeg build at least as new as the floor.
 * Returns its version line; throws `media.binary_missing` saying what is wrong with it.
 */
export async function checkToolPath(tool: MediaTool, path: string): Promise<string> {
  const fail = (why: string): CuelineError =>
    new CuelineError('media.binary_missing', `${tool} setting ${path}: ${why}`, {
      field: tool === 'ffmpeg' ? 'ffmpegPath' : 'ffprobePath',
    });
  if (!isAbsolute(path)) throw fail('not an absolute path');
  const s = await stat(path).catch(() => null);
  if (!s) throw fail('no such file');
  if (!s.isFile()) throw fail('not a file');
  if (process.platform !== 'win32') {
    const executable = await access(path, constants.X_OK).then(
      () => true,
      () => false,
    );
    if (!executable) throw fail('not executable');
  }
  const r = await check(path);
  if (r.error !== undefined) throw fail(r.error);
  const name = /^(\S+) version/i.exec(r.version ?? '')?.[1]?.toLowerCase();
  if (name && name !== tool) throw fail(`this is ${name}, not ${tool}`);
  return r.version ?? 'unknown version';
}

export interface Candidate {
  source: BinarySource;
  path: string;
}

const HOW_TO_FIX =
  'install ffmpeg 5.1 or newer, or point Cueline at one (the ffmpeg/ffprobe setting, ' +
  'or CUELINE_FFMPEG and CUELINE_FFPROBE)';

/** The first candidate that answers `-version` and is new enough; every attempt goes to `tried`. */
export async function pickBinary(tool: MediaTool, candidates: Candidate[], tried: Tried[]): Promise<string> {
  for (const c of candidates) {
    const r = await check(c.path);
    tried.push({ tool, ...c, ...r });
    if (!r.error) return c.path;
  }
  const list = tried
    .filter((t) => t.tool === tool)
    .map((t) => `${t.source} ${t.path} (${t.error})`)
    .join('; ');
  throw new CuelineError(
    'media.binary_missing',
    `no usable ${tool} found; tried: ${list}. To fix: ${HOW_TO_FIX}`,
    {
      tried,
    },
  );
}

export function executableName(tool: MediaTool, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? `${tool}.exe` : tool;
}

export function candidatesFor(tool: MediaTool, opts: BinaryOptions): Candidate[] {
  const env = opts.env ?? process.env;
  const candidates: Candidate[] = [];
  const setting = tool === 'ffmpeg' ? opts.ffmpegPath : opts.ffprobePath;
  if (setting) candidates.push({ source: 'setting', path: setting });
  const fromEnv = env[tool === 'ffmpeg' ? 'CUELINE_FFMPEG' : 'CUELINE_FFPROBE'];
  if (fromEnv) candidates.push({ source: 'env', path: fromEnv });
  const bundledDir = opts.bundledDir;
  if (bundledDir) candidates.push({ source: 'bundled', path: join(bundledDir, executableName(tool)) });
  candidates.push({ source: 'path', path: executableName(tool) });
  return candidates;
}

// The app's defaults for resolutions that don't pass their own: the bundled folder and the user's
// setting, read on every resolution so a changed setting takes effect at once. The CLI passes
// its own options instead.
export type BinaryDefaults = () => Promise<Pick<BinaryOptions, 'bundledDir' | 'ffmpegPath' | 'ffprobePath'>>;
let defaults: BinaryDefaults = () => Promise.resolve({});

export function setBinaryDefaults(provider: BinaryDefaults): void {
  defaults = provider;
  cache.clear();
}

const cache = new Map<string, Promise<Binaries>>();

export async function resolveBinaries(given: BinaryOptions = {}): Promise<Binaries> {
  const fromApp = await defaults();
  const opts: BinaryOptions = { ...fromApp, ...given };
  const env = opts.env ?? process.env;
  const key = [
    opts.ffmpegPath,
    opts.ffprobePath,
    env['CUELINE_FFMPEG'],
    env['CUELINE_FFPROBE'],
    opts.bundledDir,
  ].join('\0');
  let p = cache.get(key);
  if (!p) {
    p = (async (): Promise<Binaries> => {
      const tried: Tried[] = [];
      const [ffmpeg, ffprobe] = await Promise.allSettled([
        pickBinary('ffmpeg', candidatesFor('ffmpeg', opts), tried),
        pickBinary('ffprobe', candidatesFor('ffprobe', opts), tried),
      ]);
      if (ffmpeg.status === 'fulfilled' && ffprobe.status === 'fulfilled')
        return { ffmpeg: ffmpeg.value, ffprobe: ffprobe.value, tried };
      // Name every tool that is missing, not only the first to fail.
      const failed = [ffmpeg, ffprobe].flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      if (failed.length === 1) throw failed[0];
      const messages = failed.map((e: unknown) =>
        e instanceof Error ? e.message.replace(/\. To fix:.*$/s, '') : String(e),
      );
      throw new CuelineError('media.binary_missing', `${messages.join('; ')}. To fix: ${HOW_TO_FIX}`, {
        tried,
      });
    })();
    // A failure is not cached: the user may fix the setting and retry.
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

export interface ChosenTool {
  tool: MediaTool;
  version: string;
  source: BinarySource;
  path: string;
}

/** The ffmpeg and ffprobe a resolution chose, with their versions and where each came from. */
export function chosenTools(b: Binaries): ChosenTool[] {
  return (['ffmpeg', 'ffprobe'] as const).map((tool) => {
    const t = b.tried.find((x) => x.tool === tool && !x.error);
    return { tool, version: t?.version ?? 'unknown version', source: t?.source ?? 'path', path: b[tool] };
  });
}

/** The chosen ffmpeg and ffprobe with their version lines, for --version. */
export function describeBinaries(b: Binaries): string[] {
  return chosenTools(b).map((t) => `${t.tool}: ${t.version} (${t.source}: ${t.path})`);
}

/** The chosen tools for the app's About, or the reason none is usable (never throws). */
export async function mediaToolsInfo(): Promise<{ tools: ChosenTool[]; problem: string | null }> {
  try {
    return { tools: chosenTools(await resolveBinaries()), problem: null };
  } catch (err) {
    return { tools: [], problem: err instanceof Error ? err.message : String(err) };
  }
}

/** Callers that already resolved pass `binaries`; others get the default resolution. */
export type BinariesInput = Binaries | BinaryOptions | undefined;

export function binariesFrom(input: BinariesInput): Promise<Binaries> {
  if (input && 'ffmpeg' in input && 'ffprobe' in input) return Promise.resolve(input);
  return resolveBinaries(input);
}
