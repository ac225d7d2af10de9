// `cueline check <file>`: the caption quality rules (reading speed, line length, durations, gaps,
// overlaps, …) as a table or JSON. Exit 1 when any finding is an error, 2 when the file can't be read.
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { Finding, PresetName, RuleSettings } from '../../../shared/captions/rules.ts';
import { PRESETS, checkTrack } from '../../../shared/captions/rules.ts';
import type { FrameRate } from '../../../shared/captions/time.ts';
import { formatSrtTimestamp, parseFrameRate } from '../../../shared/captions/time.ts';
import { readCaptionFile } from '../../services/captions/caption-file.ts';
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

export function findingsTable(findings: Finding[], cueStart: (i: number) => number): string[] {
  const rows = findings.map((f) => [
    f.cueIndex === undefined ? '' : String(f.cueIndex + 1),
    f.cueIndex === undefined ? '' : formatSrtTimestamp(cueStart(f.cueIndex)),
    f.severity,
    f.rule,
    f.message,
  ]);
  const head = ['cue', 'start', 'severity', 'rule', 'message'];
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
      'BCP 47 language (for character and word counting); from the file name when omitted',
      languageArg,
    )
    .action(async (file: string, o: CheckOptions) => {
      requireInputFile(file);
      // check is the strict reader: WebVTT also goes through the W3C validator.
      const read = await readCaptionFile(file, {
        strict: true,
        ...(o.encoding ? { encoding: o.encoding } : {}),
        ...(o.language ? { language: o.language } : {}),
      });
      requireCues(file, read.track.cues.length);
      const settings = settingsFrom(o);
      const findings = checkTrack(read.track, settings, o.frameRate ? { frameRate: o.frameRate } : {});
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
          parseWarnings: read.warnings,
          findings,
          summary,
        };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        for (const line of warningLines(file, read.warnings)) process.stderr.write(`${line}\n`);
        let lines = [
          `${file}: ${read.track.cues.length} cues, ${read.format}, ${read.encoding.name}, language ${read.track.language || 'unknown'}, preset ${o.preset}`,
        ];
        if (findings.length > 0)
          lines = lines.concat(findingsTable(findings, (i) => read.track.cues[i]?.start ?? 0));
        lines.push(`${summary.error} error(s), ${summary.warning} warning(s), ${summary.info} info`);
        process.stdout.write(`${lines.join('\n')}\n`);
      }
      if (summary.error > 0) process.exitCode = 1;
    });
};
