// Parsing caption text (already decoded) into a track.
import { CuelineError } from '../errors.ts';
import {
  canonicalLanguage,
  languageFromFileName,
  languageLabel,
  languageTagProblem,
  parseLanguageTag,
} from './file-name.ts';
import type { ParseWarning, Track } from './model.ts';
import { parseSrt } from './srt-read.ts';
import { parseVtt } from './vtt-read.ts';

export type CaptionFormat = 'srt' | 'vtt';

export interface ParseCaptionsOptions {
  fileName: string;
  format?: CaptionFormat;
  language?: string;
  label?: string;
  /** WebVTT: also run the W3C validator (webvtt-parser) and refuse what it refuses (`cueline check`). */
  strict?: boolean;
}

export interface ParseCaptionsResult {
  track: Track;
  format: CaptionFormat;
  /** Things the parser recovered from (renumbered cues, a missing blank line, …). */
  warnings: ParseWarning[];
}

export interface ParseErrorDetails {
  file: string;
  line: number;
  errors: { line: number; message: string }[];
  moreErrors: number;
}

export function formatFromFileName(name: string): CaptionFormat | null {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  const ext = m?.[1]?.toLowerCase();
  return ext === 'srt' ? 'srt' : ext === 'vtt' || ext === 'webvtt' ? 'vtt' : null;
}

function sniffFormat(text: string): CaptionFormat {
  return /^\ufeff?WEBVTT($|[ \t\r\n])/.test(text.slice(0, 16)) ? 'vtt' : 'srt';
}

/**
 * Parses SRT or WebVTT text. Throws CuelineError `subtitle.parse` naming the file and the line of
 * the first error; `details.errors` lists every error found.
 */
export function parseCaptions(text: string, opts: ParseCaptionsOptions): ParseCaptionsResult {
  const format = opts.format ?? formatFromFileName(opts.fileName) ?? sniffFormat(text);
  let cues;
  let vtt;
  let errors;
  let warnings;
  let moreErrors: number;
  let headerLanguage: string | null = null;
  if (format === 'srt') {
    const r = parseSrt(text);
    ({ cues, errors, warnings, moreErrors } = r);
  } else {
    const r = parseVtt(text, { strict: opts.strict === true });
    ({ cues, errors, warnings, vtt, headerLanguage, moreErrors } = r);
  }
  const file = opts.fileName;
  const firstError = errors[0];
  if (firstError) {
    const total = errors.length + moreErrors;
    const more = total > 1 ? ` (and ${total - 1} more error${total > 2 ? 's' : ''})` : '';
    const details: ParseErrorDetails = { file: opts.fileName, line: firstError.line, errors, moreErrors };
    throw new CuelineError(
      'subtitle.parse',
      `${file}:${firstError.line}: ${firstError.message}${more}`,
      details,
    );
  }
  let language = opts.language ?? languageFromFileName(opts.fileName) ?? '';
  if (!opts.language && !language && headerLanguage) language = canonicalLanguage(headerLanguage) ?? '';
  if (opts.language) {
    const canonical = parseLanguageTag(opts.language);
    if (!canonical) throw new CuelineError('lang.invalid', languageTagProblem(opts.language));
    language = canonical;
  }
  const track: Track = { language, label: opts.label ?? languageLabel(language), cues };
  if (vtt) track.vtt = vtt;
  return { track, format, warnings };
}
