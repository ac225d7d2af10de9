// Everything is checked before anything is sent: the video is probed and held to X's limits,
// every subtitle file is parsed, checked for structural errors (overlaps, out-of-order, empty
// cues; the quality rules of the chosen preset are counted, and block only when the setting says
// so), held to the video's length (a cue that starts after the end is a wrong pairing; one that
// ends after it is trimmed, with a warning), converted to UTF-8 SRT (or VTT when asked), and each
// language is mapped to X's code. Nothing is uploaded when an input is invalid.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { checkTrack, DEFAULT_SETTINGS } from '../../../shared/captions/rules.ts';
import { languageFromFileName, parseLanguageTag } from '../../../shared/captions/file-name.ts';
import { formatTimestamp } from '../../../shared/captions/time.ts';
import { writeCaptions } from '../../../shared/captions/write.ts';
import { CuelineError } from '../../../shared/errors.ts';
import {
  checkConstraints,
  type LimitOptions,
  type MediaCategory,
} from '../../../shared/media/constraints.ts';
import type { MediaInfo } from '../../../shared/media/media-info.ts';
import { toApiLanguage, toApiLanguageCode } from '../../../shared/x/languages.ts';
import { VIDEO_MEDIA_TYPES } from '../../../shared/x/limits.ts';
import { readCaptionFile } from '../captions/caption-file.ts';
import type { ApiDialect } from '../x/dialects.ts';

/** Errors that stop a publish before it starts: subtitle rules that make a track malformed. */
const STRUCTURAL_RULES = new Set(['overlap', 'order', 'empty']);

export interface FileIdentity {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface PreparedVideo extends FileIdentity {
  mediaType: string;
  durationMs: number;
  /** X's recommendations the video misses (e.g. 1080p above the advanced list): not blocking. */
  warnings: string[];
}

export interface SubtitleChecks {
  /** The video's duration: cues must start before it; cue ends past it are trimmed. */
  videoDurationMs?: number;
  /** Quality-rule findings (reading speed, line length, …) block the publish. Default: counted only. */
  blockOnQuality?: boolean;
}

export interface SubtitleInput {
  path: string;
  /** BCP 47; otherwise from the file name (`clip.pt-BR.vtt`) or the file itself (VTT Language header). */
  language?: string;
  displayName?: string;
}

export interface PreparedSubtitle extends FileIdentity {
  /** The path as the user gave it. */
  file: string;
  tag: string;
  languageCode: string;
  displayName: string;
  mediaType: 'text/srt' | 'text/vtt';
  bytes: Uint8Array;
  sha256: string;
  /** Things to tell the user that don't stop the publish (trimmed cues, quality findings). */
  warnings: string[];
}

export async function fileIdentity(path: string, kind: 'media' | 'input'): Promise<FileIdentity> {
  const abs = resolve(path);
  try {
    const s = await stat(abs);
    if (!s.isFile()) throw new CuelineError(`${kind}.not_found`, `${path}: not a file`, { path });
    return { path: abs, size: s.size, mtimeMs: Math.floor(s.mtimeMs) };
  } catch (err) {
    if (err instanceof CuelineError) throw err;
    throw new CuelineError(`${kind}.not_found`, `${path}: no such file`, { path });
  }
}

export type Probe = (file: string, opts: { signal?: AbortSignal }) => Promise<MediaInfo>;

export async function prepareVideo(
  path: string,
  opts: {
    category: MediaCategory;
    api: ApiDialect;
    limits?: Omit<LimitOptions, 'category'>;
    probe: Probe;
    signal?: AbortSignal;
  },
): Promise<PreparedVideo> {
  const id = await fileIdentity(path, 'media');
  const ext = extname(path).slice(1).toLowerCase();
  const mediaType = VIDEO_MEDIA_TYPES[ext];
  if (!mediaType)
    throw new CuelineError(
      'media.constraint',
      `${path}: X takes MP4, MOV, WebM or MPEG-TS video; ".${ext}" is none of them.`,
      {
        path,
      },
    );
  const info = await opts.probe(id.path, opts.signal ? { signal: opts.signal } : {});
  const result = checkConstraints(info, { ...opts.limits, category: opts.category });
  if (!result.ok) {
    const lines = result.violations.map((v) => `  - ${v.message} → ${v.fix}`);
    throw new CuelineError(
      'media.constraint',
      `${path}: X would refuse this video:\n${lines.join('\n')}`,
      { path, violations: result.violations },
      result.violations.every((v) => v.fixable) ? { hint: 'media.transcode', path } : undefined,
    );
  }
  return {
    ...id,
    mediaType,
    durationMs: info.durationMs,
    warnings: result.warnings.map((w) => `${w.message} (${w.fix})`),
  };
}

export async function prepareSubtitle(
  input: SubtitleInput,
  opts: { sendVtt?: boolean } & SubtitleChecks,
): Promise<PreparedSubtitle> {
  const id = await fileIdentity(input.path, 'input');
  const given = input.language !== undefined ? parseLanguageTag(input.language) : null;
  if (input.language !== undefined && !given)
    throw new CuelineError(
      'lang.invalid',
      `${input.path}: "${input.language}" is not a BCP 47 language tag (e.g. en, pt-BR)`,
      { path: input.path },
      { hint: 'captions.language' },
    );
  const read = await readCaptionFile(id.path, given ? { language: given } : {});
  let track = read.track;
  const fromName = languageFromFileName(input.path);
  if (!given && !fromName) {
    // `clip.sp.srt`: a language-looking part that isn't one deserves its own message.
    const part = basename(input.path).split('.').slice(1, -1).pop();
    if (part && /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(part)) {
      try {
        toApiLanguageCode(part);
      } catch (err) {
        if (err instanceof CuelineError)
          throw new CuelineError(err.code, `${input.path}: "${part}" in the file name: ${err.message}`, {
            path: input.path,
          });
        throw err;
      }
    }
  }
  const tag = given ?? fromName ?? (track.language || null);
  if (!tag)
    throw new CuelineError(
      'lang.missing',
      `${input.path}: can't tell the language`,
      { path: input.path },
      { hint: 'captions.language' },
    );
  let api;
  try {
    api = toApiLanguage(tag, input.displayName);
  } catch (err) {
    if (err instanceof CuelineError)
      throw new CuelineError(err.code, `${input.path}: ${err.message}`, { path: input.path });
    throw err;
  }
  if (track.cues.length === 0)
    throw new CuelineError('subtitle.empty', `${input.path}: has no cues.`, { path: input.path });
  const warnings: string[] = [];
  if (opts.videoDurationMs !== undefined) {
    const end = opts.videoDurationMs;
    const late = track.cues.findIndex((c) => c.start >= end);
    if (late >= 0) {
      const line = read.timingLines[late];
      throw new CuelineError(
        'subtitle.beyond_video',
        `${input.path}${line !== undefined ? `:${line}` : ''}: cue ${late + 1} starts at ${formatTimestamp(track.cues[late]?.start ?? 0, '.')}, after the video ends (${formatTimestamp(end, '.')}): are these the captions of another video?`,
        { path: input.path, line, cue: late + 1 },
      );
    }
    const trimmed = track.cues.filter((c) => c.end > end).length;
    if (trimmed > 0) {
      track = { ...track, cues: track.cues.map((c) => (c.end > end ? { ...c, end } : c)) };
      warnings.push(
        `${input.path}: ${trimmed} cue(s) ended after the video (${formatTimestamp(end, '.')}) and were trimmed to its end.`,
      );
    }
  }
  const findings = checkTrack(track, DEFAULT_SETTINGS);
  const quality = findings.filter((f) => f.severity !== 'info' && !STRUCTURAL_RULES.has(f.rule));
  if (quality.length > 0 && opts.blockOnQuality)
    throw new CuelineError(
      'subtitle.quality',
      `${input.path}: ${quality.length} caption quality finding(s) (${[...new Set(quality.map((f) => f.rule))].join(', ')}), and the settings block publishing on them.`,
      { path: input.path, findings: quality },
    );
  if (quality.length > 0)
    warnings.push(
      `${input.path}: ${quality.length} caption quality finding(s) (${[...new Set(quality.map((f) => f.rule))].join(', ')}); the caption check lists them.`,
    );
  const blocking = findings.filter((f) => f.severity === 'error' && STRUCTURAL_RULES.has(f.rule));
  if (blocking.length > 0) {
    const lines = blocking
      .slice(0, 10)
      .map((f) => `  - cue ${f.cueIndex !== undefined ? f.cueIndex + 1 : '?'}: ${f.message}`);
    throw new CuelineError(
      'subtitle.invalid',
      `${input.path}: X would refuse these subtitles:\n${lines.join('\n')}`,
      {
        path: input.path,
        findings: blocking,
      },
    );
  }
  const text = writeCaptions(track, opts.sendVtt ? 'vtt' : 'srt').text;
  const bytes = new TextEncoder().encode(text);
  return {
    ...id,
    file: input.path,
    tag: api.tag,
    languageCode: api.code,
    displayName: api.displayName,
    mediaType: opts.sendVtt ? 'text/vtt' : 'text/srt',
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    warnings,
  };
}

export async function prepareSubtitles(
  inputs: SubtitleInput[],
  opts: { sendVtt?: boolean } & SubtitleChecks,
): Promise<PreparedSubtitle[]> {
  const out: PreparedSubtitle[] = [];
  for (const i of inputs) out.push(await prepareSubtitle(i, opts));
  const seen = new Map<string, string>();
  for (const s of out) {
    const other = seen.get(s.languageCode);
    if (other)
      throw new CuelineError(
        'lang.duplicate',
        `${other} and ${s.file} both map to language_code ${s.languageCode}; X keeps one track per language.`,
      );
    seen.set(s.languageCode, s.file);
  }
  return out;
}
