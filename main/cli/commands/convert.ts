// `cueline convert <in> <out>`: SRT ⇄ WebVTT (format from the extensions), always written as UTF-8.
// What the output format cannot hold is reported on stderr, never silently dropped.
import type { Command } from 'commander';
import { CuelineError } from '../../../shared/errors.ts';
import { formatFromFileName } from '../../../shared/captions/read.ts';
import { readCaptionFile, writeCaptionFile } from '../../services/captions/caption-file.ts';
import { requireCues, warningLines } from './check.ts';
import { languageArg, requireInputFile, requireOutputFile } from '../validate.ts';

interface ConvertOptions {
  encoding?: string;
  language?: string;
}

export const registerConvert = (program: Command): void => {
  program
    .command('convert')
    .description('Convert a caption file between SRT and WebVTT (formats from the extensions; writes UTF-8)')
    .argument('<in>', 'caption file to read (.srt or .vtt)')
    .argument('<out>', 'caption file to write (.srt or .vtt)')
    .option(
      '--encoding <name>',
      'text encoding of <in> (e.g. windows-1252, shift_jis); detected when omitted',
    )
    .option(
      '--language <tag>',
      'BCP 47 language of the captions; taken from the file name when omitted',
      languageArg,
    )
    .action(async (input: string, output: string, o: ConvertOptions) => {
      const outFormat = formatFromFileName(output);
      if (!outFormat)
        throw new CuelineError(
          'usage.format',
          `${output}: unknown caption format; the name must end in .srt or .vtt`,
        );
      requireInputFile(input);
      requireOutputFile(output, ['.srt', '.vtt', '.webvtt'], 'output');
      const read = await readCaptionFile(input, {
        ...(o.encoding ? { encoding: o.encoding } : {}),
        ...(o.language ? { language: o.language } : {}),
      });
      for (const line of warningLines(input, read.warnings)) process.stderr.write(`${line}\n`);
      requireCues(input, read.track.cues.length);
      const { notes } = await writeCaptionFile(output, read.track, outFormat);
      for (const n of notes) process.stderr.write(`cueline: note: ${n.message}\n`);
      const enc = read.encoding;
      process.stdout.write(
        `${output}: ${read.track.cues.length} cues, ${read.format} (${enc.name}${enc.pinned ? ', pinned' : ''}) → ${outFormat} (utf-8)\n`,
      );
    });
};
