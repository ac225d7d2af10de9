// Caption quality rules: pure functions over a track returning located findings. Limits are
// settings; the presets carry the numbers of the broadcast guidelines editors work to.
import type { Cue, Track } from './model.ts';
import type { FrameRate } from './time.ts';
import { framesToDurationMs } from './time.ts';

export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'reading-speed'
  | 'words-per-minute'
  | 'line-length'
  | 'line-count'
  | 'min-duration'
  | 'max-duration'
  | 'overlap'
  | 'gap'
  | 'empty'
  | 'order';

export interface RuleSettings {
  maxCharsPerLine: number;
  maxLines: number;
  /** Characters (grapheme clusters, markup excluded) per second of display. */
  maxCps: number;
  /** Words per minute; unset = not checked. */
  maxWpm?: number;
  /** Softer words-per-minute target, reported as `info` above it (BBC's 160 in 160–180). */
  targetWpm?: number;
  minDurationMs: number;
  maxDurationMs: number;
  /** Minimum gap between consecutive cues when no frame rate is known. */
  minGapMs: number;
  /** Minimum gap in frames, used instead of `minGapMs` when the frame rate is known. */
  minGapFrames?: number;
  /** Whether spaces count towards reading speed (Netflix counts them). */
  cpsCountsSpaces: boolean;
  /** Per-rule severity overrides. */
  severity?: Partial<Record<RuleId, Severity>>;
}

export interface Finding {
  rule: RuleId | (string & {});
  severity: Severity;
  cueId?: string;
  cueIndex?: number;
  /** Line within the cue text (1-based), for line-length findings. */
  line?: number;
  message: string;
  value?: number;
  limit?: number;
}

export type PresetName = 'netflix-adult' | 'netflix-children' | 'bbc' | 'dcmp';

const NETFLIX_ADULT: RuleSettings = {
  // Netflix Timed Text Style Guide (English): 42 characters per line, 2 lines, 20 cps for adult
  // programs, 5/6 s minimum and 7 s maximum duration, at least 2 frames between subtitles.
  maxCharsPerLine: 42,
  maxLines: 2,
  maxCps: 20,
  minDurationMs: 833,
  maxDurationMs: 7000,
  minGapMs: 83, // 2 frames at 24 fps, when the frame rate is unknown
  minGapFrames: 2,
  cpsCountsSpaces: true,
};

/** The presets' names as the app shows them. */
export const PRESET_LABELS: Record<PresetName, string> = {
  'netflix-adult': 'Netflix (adult)',
  'netflix-children': 'Netflix (children)',
  bbc: 'BBC',
  dcmp: 'DCMP Captioning Key',
};

export const PRESETS: Record<PresetName, RuleSettings> = {
  'netflix-adult': NETFLIX_ADULT,
  // Netflix children's programs: 17 cps, otherwise as adult.
  'netflix-children': { ...NETFLIX_ADULT, maxCps: 17 },
  // BBC Subtitle Guidelines: 37 characters per line (fixed-width teletext), 2 lines, 160–180 words
  // per minute. The guideline sets no cps limit; 20 cps is a lenient net under the wpm check.
  bbc: {
    maxCharsPerLine: 37,
    maxLines: 2,
    maxCps: 20,
    maxWpm: 180,
    targetWpm: 160,
    minDurationMs: 833,
    maxDurationMs: 7000,
    minGapMs: 83,
    minGapFrames: 2,
    cpsCountsSpaces: true,
  },
  // DCMP Captioning Key: 32 characters per line, 2 lines, at most 160 wpm for adult material, and no
  // caption on screen for less than 2 seconds.
  dcmp: {
    maxCharsPerLine: 32,
    maxLines: 2,
    maxCps: 20,
    maxWpm: 160,
    minDurationMs: 2000,
    maxDurationMs: 7000,
    minGapMs: 83,
    minGapFrames: 2,
    cpsCountsSpaces: true,
  },
};

export const DEFAULT_SETTINGS: RuleSettings = NETFLIX_ADULT;

const DEFAULT_SEVERITY: Record<RuleId, Severity> = {
  'reading-speed': 'error',
  'words-per-minute': 'error',
  'line-length': 'error',
  'line-count': 'error',
  'min-duration': 'warning',
  'max-duration': 'warning',
  overlap: 'error',
  gap: 'warning',
  empty: 'error',
  order: 'error',
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '', rlm: '' };

/** Cue text as shown: markup (`<i>`, `<font …>`, `<v Name>`, `{\an8}`) removed, entities decoded. */
export function visibleText(text: string): string {
  if (!text.includes('<') && !text.includes('{') && !text.includes('&')) return text;
  return text
    .replace(/<\/?[a-zA-Z][^<>]*>|<\d[\d:.]*>/g, '')
    .replace(/\{\\[^{}]*\}/g, '')
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_m, e: string) => ENTITIES[e] ?? '');
}

const segmenters = new Map<string, { graphemes: Intl.Segmenter; words: Intl.Segmenter }>();
function segmentersFor(language: string): { graphemes: Intl.Segmenter; words: Intl.Segmenter } {
  let s = segmenters.get(language);
  if (!s) {
    let locale: string | undefined;
    try {
      locale = language ? (Intl.getCanonicalLocales(language)[0] ?? undefined) : undefined;
    } catch {
      locale = undefined;
    }
    s = {
      graphemes: new Intl.Segmenter(locale, { granularity: 'grapheme' }),
      words: new Intl.Segmenter(locale, { granularity: 'word' }),
    };
    segmenters.set(language, s);
  }
  return s;
}

/** User-perceived characters (grapheme clusters): "é" written e + U+0301 and "👍🏽" count as one. */
export function countCharacters(text: string, language = '', countSpaces = true): number {
  let n = 0;
  // Fast path: ASCII has one character per UTF-16 unit.
  if (/^[\x20-\x7e]*$/.test(text)) {
    if (countSpaces) return text.length;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 32) n++;
    return n;
  }
  for (const { segment } of segmentersFor(language).graphemes.segment(text)) {
    if (!countSpaces && /^\s+$/.test(segment)) continue;
    n++;
  }
  return n;
}

export function countWords(text: string, language = ''): number {
  let n = 0;
  for (const seg of segmentersFor(language).words.segment(text)) if (seg.isWordLike) n++;
  return n;
}

/** Characters of visible text (line breaks not counted) over the cue's duration in seconds. */
export function cueCps(cue: Cue, opts: { language?: string; countSpaces?: boolean } = {}): number {
  const lines = visibleText(cue.text).split('\n');
  let chars = 0;
  for (const l of lines) chars += countCharacters(l, opts.language ?? '', opts.countSpaces ?? true);
  const seconds = (cue.end - cue.start) / 1000;
  if (chars === 0) return 0;
  return seconds > 0 ? chars / seconds : Infinity;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

function fmtMs(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

/** Runs every rule over the track; findings are sorted by cue position. */
export function checkTrack(
  track: Track,
  settings: RuleSettings,
  opts: { frameRate?: FrameRate } = {},
): Finding[] {
  const findings: Finding[] = [];
  const sev = (rule: RuleId): Severity => settings.severity?.[rule] ?? DEFAULT_SEVERITY[rule];
  const lang = track.language;
  const minGap =
    opts.frameRate && settings.minGapFrames !== undefined
      ? framesToDurationMs(settings.minGapFrames, opts.frameRate)
      : settings.minGapMs;
  const gapUnit =
    opts.frameRate && settings.minGapFrames !== undefined
      ? `${settings.minGapFrames} frames (${Math.round(minGap)} ms)`
      : `${settings.minGapMs} ms`;

  let maxEnd = -Infinity;
  track.cues.forEach((cue, cueIndex) => {
    const at = { cueId: cue.id, cueIndex };
    const duration = cue.end - cue.start;
    const visible = visibleText(cue.text);
    const lines = visible.split('\n');
    const blank = visible.trim() === '';

    if (blank) {
      findings.push({
        rule: 'empty',
        severity: sev('empty'),
        ...at,
        message: `cue ${cueIndex + 1} has no text`,
      });
    } else {
      const cps = cueCps(cue, { language: lang, countSpaces: settings.cpsCountsSpaces });
      if (cps > settings.maxCps)
        findings.push({
          rule: 'reading-speed',
          severity: sev('reading-speed'),
          ...at,
          message: `reading speed ${Number.isFinite(cps) ? round1(cps) : '∞'} cps > ${settings.maxCps} cps`,
          value: Number.isFinite(cps) ? round1(cps) : Number.MAX_SAFE_INTEGER,
          limit: settings.maxCps,
        });
      if (settings.maxWpm !== undefined || settings.targetWpm !== undefined) {
        const words = countWords(visible, lang);
        const wpm = duration > 0 ? (words * 60_000) / duration : Infinity;
        if (settings.maxWpm !== undefined && wpm > settings.maxWpm)
          findings.push({
            rule: 'words-per-minute',
            severity: sev('words-per-minute'),
            ...at,
            message: `${Number.isFinite(wpm) ? Math.round(wpm) : '∞'} words per minute > ${settings.maxWpm}`,
            value: Number.isFinite(wpm) ? Math.round(wpm) : Number.MAX_SAFE_INTEGER,
            limit: settings.maxWpm,
          });
        else if (settings.targetWpm !== undefined && wpm > settings.targetWpm)
          findings.push({
            rule: 'words-per-minute',
            severity: 'info',
            ...at,
            message: `${Math.round(wpm)} words per minute, above the ${settings.targetWpm} target`,
            value: Math.round(wpm),
            limit: settings.targetWpm,
          });
      }
      lines.forEach((l, k) => {
        const chars = countCharacters(l, lang);
        if (chars > settings.maxCharsPerLine)
          findings.push({
            rule: 'line-length',
            severity: sev('line-length'),
            ...at,
            line: k + 1,
            message: `line ${k + 1} has ${chars} characters > ${settings.maxCharsPerLine}`,
            value: chars,
            limit: settings.maxCharsPerLine,
          });
      });
      const lineCount = lines.filter((l) => l.trim() !== '').length;
      if (lineCount > settings.maxLines)
        findings.push({
          rule: 'line-count',
          severity: sev('line-count'),
          ...at,
          message: `${lineCount} lines > ${settings.maxLines}`,
          value: lineCount,
          limit: settings.maxLines,
        });
    }
    if (duration < settings.minDurationMs)
      findings.push({
        rule: 'min-duration',
        severity: duration < 0 ? 'error' : sev('min-duration'),
        ...at,
        message:
          duration < 0
            ? `ends before it starts`
            : `on screen ${fmtMs(duration)} < ${fmtMs(settings.minDurationMs)}`,
        value: duration,
        limit: settings.minDurationMs,
      });
    if (duration > settings.maxDurationMs)
      findings.push({
        rule: 'max-duration',
        severity: sev('max-duration'),
        ...at,
        message: `on screen ${fmtMs(duration)} > ${fmtMs(settings.maxDurationMs)}`,
        value: duration,
        limit: settings.maxDurationMs,
      });

    const prev = track.cues[cueIndex - 1];
    if (prev) {
      if (cue.start < prev.start)
        findings.push({
          rule: 'order',
          severity: sev('order'),
          ...at,
          message: `starts before the previous cue (${fmtMs(cue.start)} < ${fmtMs(prev.start)})`,
        });
      // Against the latest end so far: a long cue can overlap cues after its neighbour.
      const overlap = maxEnd - cue.start;
      const gap = cue.start - prev.end;
      if (cue.start >= prev.start && overlap > 0)
        findings.push({
          rule: 'overlap',
          severity: sev('overlap'),
          ...at,
          message: `overlaps the previous cue by ${fmtMs(overlap)}`,
          value: -overlap,
          limit: 0,
        });
      else if (gap >= 0 && gap < minGap)
        findings.push({
          rule: 'gap',
          severity: sev('gap'),
          ...at,
          message: `gap after the previous cue ${gap} ms < ${gapUnit}`,
          value: gap,
          limit: Math.round(minGap),
        });
    }
    maxEnd = Math.max(maxEnd, cue.end);
  });
  return findings;
}
