// `cueline check <file>`: the caption quality rules (reading speed, line length, durations, gaps,
// overlaps, …) and spelling as a table or JSON, each finding with the line of the file it is on.
// Exit 1 when any finding is an error, 2 when the file can't be read.
//
// Spelling is on unless --no-spelling: it is what the app checks too, and an unflagged "Teh" was
// published in the editor trial. Its findings are warnings, so they never change the exit status
// of a script that checks timing; the user's dictionary ("Add to dictionary" in the app, kept in
// its settings) and --dictionary <file> add accepted words.
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { Finding, PresetName, RuleSettings } from '../../../shared/captions/rules.ts';
import { PRESETS, checkTrack } from '../../../shared/captions/rules.ts';
import type { FrameRate } from '../../../shared/captions/time.ts';
import { formatSrtTimestamp, parseFrameRate } from '../../../shared/captions/time.ts';
import { readFile } from 'node:fs/promises';
import { readCaptionFile } from '../../services/captions/caption-file.ts';
import { spellerFor } from '../../services/captions/spellers.ts';
import { defaultAppPaths } from '../../services/app-paths.ts';
import { SettingsStore } from '../../services/workspace/settings-store.ts';
import { checkSpelling, type SpellingFinding } from '../../../shared/captions/spelling.ts';
import type { Track } from '../../../shared/captions/model.ts';
import type { ParseWarning } from '../../../shared/captions/model.ts';
import { CuelineError } from '../../../shared/errors.ts';
import { languageArg, requireInputFile } from '../validate.ts';

interface CheckOptions {
  json?: boolean;
  preset: PresetName;
  maxCps?: number;
  maxChars?: number;
  maxLines?: number;
  maxWpm?: number;
  minDuration?: number;
  maxDuration?: number;
  minGap?: number;
  frameRate?: FrameRate;
  encoding?: string;
  language?: string;
  spelling: boolean;
  dictionary?: string;
}

/** `clip.srt:7: warning: …` lines for what the parser recovered from (shared with convert). */
export function warningLines(file: string, warnings: ParseWarning[]): string[] {
  return warnings.map((w) => `${file}:${w.line}: warning: ${w.message}`);
}

function positive(name: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!/^\d+(\.\d+)?$/.test(v.trim()) || !(n > 0))
      throw new InvalidArgumentError(`${name} must be a positive number`);
    return n;
  };
}

function wholeMs(name: string): (v: string) => number {
  return (v) => {
    if (!/^\d+$/.test(v.trim())) throw new InvalidArgumentError(`${name} must be whole milliseconds`);
    return Number(v);
  };
}

function frameRate(v: string): FrameRate {
  const r = parseFrameRate(v);
  if (!r) throw new InvalidArgumentError('frame rate must be like 25, 23.976 or 24000/1001');
  return r;
}

export function settingsFrom(o: CheckOptions): RuleSettings {
  const s: RuleSettings = { ...PRESETS[o.preset] };
  if (o.maxCps !== undefined) s.maxCps = o.maxCps;
  if (o.maxChars !== undefined) s.maxCharsPerLine = o.maxChars;
  if (o.maxLines !== undefined) s.maxLines = o.maxLines;
  if (o.maxWpm !== undefined) s.maxWpm = o.maxWpm;
  if (o.minDuration !== undefined) s.minDurationMs = o.minDuration;
  if (o.maxDuration !== undefined) s.maxDurationMs = o.maxDuration;
  if (o.minGap !== undefined) {
    // An explicit gap in ms wins over the preset's gap in frames.
    s.minGapMs = o.minGap;
    delete s.minGapFrames;
  }
  return s;
}

/** An empty caption file is an error, not "0 cues" that passes (shared with convert). */
export function requireCues(file: string, count: number): void {
  if (count === 0)
    throw new CuelineError('subtitle.empty', `${file}: no cues (the file is empty or holds only a header)`, {
      file,
    });
}

/**
 * The line of the file a finding is on: the cue's timing line, or for a misspelled word the line
 * of the cue's text that holds it. `timingLines`: each cue's timing line, in cue order.
 */
export function findingLine(f: Finding, track: Track, timingLines: readonly number[]): number | undefined {
  if (f.cueIndex === undefined) return undefined;
  const timing = timingLines[f.cueIndex];
  if (timing === undefined) return undefined;
  const word = (f as Partial<SpellingFinding>).word;
  if (f.rule !== 'spelling' || word === undefined) return timing;
  const lines = track.cues[f.cueIndex]?.text.split('\n') ?? [];
  const at = lines.findIndex((l) => l.includes(word));
  return timing + 1 + Math.max(0, at);
}

export function findingsTable(
  findings: Finding[],
  cueStart: (i: number) => number,
  lineOf?: (f: Finding) => number | undefined,
): string[] {
  const rows = findings.map((f) => [
    f.cueIndex === undefined ? '' : String(f.cueIndex + 1),
    ...(lineOf ? [String(lineOf(f) ?? '')] : []),
    f.cueIndex === undefined ? '' : formatSrtTimestamp(cueStart(f.cueIndex)),
    f.severity,
    f.rule,
    f.message,
  ]);
  const head = ['cue', ...(lineOf ? ['line'] : []), 'start', 'severity', 'rule', 'message'];
  // A loop, not Math.max(...rows): spreading 130,000 rows into a call overflows the stack.
  const widths = head.map((h) => h.length);
  for (const r of rows)
    for (let k = 0; k < widths.length; k++) widths[k] = Math.max(widths[k] ?? 0, (r[k] ?? '').length);
  const fmt = (r: string[]): string =>
    r
      .map((c, k) => (k === r.length - 1 ? c : c.padEnd(widths[k] ?? 0)))
      .join('  ')
      .trimEnd();
  return [fmt(head), ...rows.map(fmt)];
}

/** The words a user accepts: the app's dictionary (its settings) and a word-list file, lower-cased. */
async function userWords(dictionary: string | undefined): Promise<Set<string>> {
  const settings = await new SettingsStore(defaultAppPaths().userData).get();
  const stored = settings.editor['userWords'];
  const words = Array.isArray(stored) ? stored.filter((w): w is string => typeof w === 'string') : [];
  if (dictionary !== undefined) {
    let text: string;
    try {
      text = await readFile(dictionary, 'utf8');
    } catch (err) {
      throw new CuelineError(
        'input.unreadable',
        `${dictionary}: cannot read the word list (${err instanceof Error ? err.message : String(err)})`,
        { path: dictionary },
      );
    }
    for (const line of text.split(/\r?\n/))
      if (line.trim() !== '' && !line.startsWith('#')) words.push(line.trim());
  }
  return new Set(words.map((w) => w.toLowerCase()));
}

async function spellingOf(
  track: Track,
  dictionary: string | undefined,
): Promise<{ status: 'checked' | 'no-dictionary'; findings: SpellingFinding[] }> {
  const words = await userWords(dictionary);
  const speller = await spellerFor(track.language);
  if (!speller) return { status: 'no-dictionary', findings: [] };
  return { status: 'checked', findings: checkSpelling(track, speller, words) };
}

export const registerCheck = (program: Command): void => {
  program
    .command('check')
    .description('Check a caption file against caption quality rules (exit 1 on any error-level finding)')
    .argument('<file>', 'caption file (.srt or .vtt)')
    .option('--json', 'print the findings as JSON')
    .addOption(
      new Option('--preset <name>', 'rule preset')
        .choices(Object.keys(PRESETS))
        .default('netflix-adult' as PresetName),
    )
    .option('--max-cps <n>', 'maximum reading speed, characters per second', positive('--max-cps'))
    .option('--max-chars <n>', 'maximum characters per line', positive('--max-chars'))
    .option('--max-lines <n>', 'maximum lines per cue', positive('--max-lines'))
    .option('--max-wpm <n>', 'maximum words per minute', positive('--max-wpm'))
    .option('--min-duration <ms>', 'minimum cue duration in ms', wholeMs('--min-duration'))
    .option('--max-duration <ms>', 'maximum cue duration in ms', wholeMs('--max-duration'))
    .option('--min-gap <ms>', 'minimum gap between cues in ms', wholeMs('--min-gap'))
    .option('--frame-rate <fps>', 'video frame rate for frame-based gaps (25, 23.976, 24000/1001)', frameRate)
    .option('--encoding <name>', 'text encoding of the file; detected when omitted')
    .option(
      '--language <tag>',
      'BCP 47 language (for character and word counting and spelling); from the file name when omitted',
      languageArg,
    )
    .option('--no-spelling', 'skip the spelling check (on by default: en, es, fr, de and pt dictionaries)')
    .option(
      '--dictionary <file>',
      "more words to accept, one per line (the app's own dictionary is always used)",
    )
    .action(async (file: string, o: CheckOptions) => {
      requireInputFile(file);
      if (o.dictionary !== undefined) requireInputFile(o.dictionary);
      // check is the strict reader: WebVTT also goes through the W3C validator.
      const read = await readCaptionFile(file, {
        strict: true,
        ...(o.encoding ? { encoding: o.encoding } : {}),
        ...(o.language ? { language: o.language } : {}),
      });
      requireCues(file, read.track.cues.length);
      const settings = settingsFrom(o);
      const findings: Finding[] = checkTrack(
        read.track,
        settings,
        o.frameRate ? { frameRate: o.frameRate } : {},
      );
      // Spelling findings keep their word (JSON consumers get it too).
      const spelling = o.spelling ? await spellingOf(read.track, o.dictionary) : null;
      if (spelling) {
        findings.push(...spelling.findings);
        // Stable: each cue's rule findings, then its spelling ones.
        findings.sort((a, b) => (a.cueIndex ?? -1) - (b.cueIndex ?? -1));
      }
      const lineOf = (f: Finding): number | undefined => findingLine(f, read.track, read.timingLines);
      const count = (s: Finding['severity']): number => findings.filter((f) => f.severity === s).length;
      const summary = { error: count('error'), warning: count('warning'), info: count('info') };
      if (o.json) {
        const out = {
          file,
          format: read.format,
          encoding: read.encoding,
          language: read.track.language,
          cues: read.track.cues.length,
          preset: o.preset,
          settings,
          spelling: spelling?.status ?? 'off',
          parseWarnings: read.warnings,
          findings: findings.map((f) => ({ ...f, line: lineOf(f) ?? null })),
          summary,
        };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        for (const line of warningLines(file, read.warnings)) process.stderr.write(`${line}\n`);
        if (spelling?.status === 'no-dictionary')
          process.stderr.write(
            `${file}: spelling not checked: no dictionary for language ${read.track.language || 'unknown'} (Cueline has en, es, fr, de, pt)\n`,
          );
        let lines = [
          `${file}: ${read.track.cues.length} cues, ${read.format}, ${read.encoding.name}, language ${read.track.language || 'unknown'}, preset ${o.preset}`,
        ];
        if (findings.length > 0)
          lines = lines.concat(findingsTable(findings, (i) => read.track.cues[i]?.start ?? 0, lineOf));
        lines.push(`${summary.error} error(s), ${summary.warning} warning(s), ${summary.info} info`);
        process.stdout.write(`${lines.join('\n')}\n`);
      }
      if (summary.error > 0) process.exitCode = 1;
    });
};
