// Caption files on disk: bytes → detected encoding → track, and track → UTF-8 file written to a
// temporary sibling then renamed over the target, so a crash mid-write never loses the user's file.
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CuelineError } from '../../../shared/errors.ts';
import { decodeCaptionBytes } from '../../../shared/captions/encoding.ts';
import type { ConversionNote, ParseWarning, Track } from '../../../shared/captions/model.ts';
import { formatFromFileName, parseCaptions } from '../../../shared/captions/read.ts';
import type { CaptionFormat } from '../../../shared/captions/read.ts';
import { writeCaptions } from '../../../shared/captions/write.ts';
import { encodeCaptionText } from './encode-text.ts';
import { partPath, sweepStaleParts } from '../media/part-files.ts';

export interface ReadCaptionFileResult {
  track: Track;
  format: CaptionFormat;
  encoding: { name: string; confidence: number; pinned: boolean };
  warnings: ParseWarning[];
  /** 1-based line of each cue's timing line (`… --> …`), in cue order: for located messages. */
  timingLines: number[];
}

function ioError(err: unknown, path: string, doing: string): CuelineError {
  const code = err && typeof err === 'object' && 'code' in err ? String(err.code) : '';
  if (code === 'ENOENT') return new CuelineError('input.not_found', `${path}: no such file`, { path });
  if (code === 'EISDIR')
    return new CuelineError('input.not_a_file', `${path}: is a folder, not a caption file`, { path });
  if (code === 'EACCES' || code === 'EPERM')
    return new CuelineError('input.permission', `${path}: permission denied while ${doing}`, { path });
  return new CuelineError(
    'io.failed',
    `${path}: ${doing} failed (${err instanceof Error ? err.message : String(err)})`,
    {
      path,
    },
  );
}

export async function readCaptionFile(
  path: string,
  opts: {
    encoding?: string;
    format?: CaptionFormat;
    language?: string;
    label?: string;
    strict?: boolean;
  } = {},
): Promise<ReadCaptionFileResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw ioError(err, path, 'reading');
  }
  const decoded = decodeCaptionBytes(bytes, opts.encoding ? { encoding: opts.encoding } : {});
  const { track, format, warnings } = parseCaptions(decoded.text, {
    fileName: path,
    ...(opts.format ? { format: opts.format } : {}),
    ...(opts.language ? { language: opts.language } : {}),
    ...(opts.label ? { label: opts.label } : {}),
    ...(opts.strict ? { strict: true } : {}),
  });
  const timingLines: number[] = [];
  decoded.text.split(/\r\n|\r|\n/).forEach((l, i) => {
    if (l.includes('-->') && timingLines.length < track.cues.length) timingLines.push(i + 1);
  });
  return {
    track,
    format,
    encoding: { name: decoded.encoding, confidence: decoded.confidence, pinned: decoded.pinned },
    warnings,
    timingLines,
  };
}

/** Writes `track` as UTF-8 (format from the extension unless given); returns what could not be represented. */
export async function writeCaptionFile(
  path: string,
  track: Track,
  format?: CaptionFormat,
  opts: { encoding?: string } = {},
): Promise<{ notes: ConversionNote[] }> {
  const fmt = format ?? formatFromFileName(path);
  if (!fmt)
    throw new CuelineError(
      'usage.format',
      `${path}: cannot tell the caption format; use a .srt or .vtt file name`,
      {
        path,
      },
    );
  const { text, notes } = writeCaptions(track, fmt);
  // Encoded before anything touches the disk: an unrepresentable character leaves the file as it was.
  const bytes = encodeCaptionText(text, opts.encoding, basename(path));
  await sweepStaleParts(path, '.tmp');
  const tmp = partPath(path, '.tmp');
  try {
    const handle = await open(tmp, 'wx', await modeOf(path));
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw ioError(err, path, 'writing');
  }
  return { notes };
}

/** Keep the permissions of a file we replace. */
async function modeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch {
    return 0o644;
  }
}
