// `cueline probe <video>`: the media summary and every X constraint it breaks, with the fix.
// Exit 1 when X would refuse the video.
import type { Command } from 'commander';
import type { ConstraintResult, Violation } from '../../../shared/media/constraints.ts';
import { checkConstraints } from '../../../shared/media/constraints.ts';
import { describeMedia } from '../../../shared/media/media-info.ts';
import { probe } from '../../services/media/probe.ts';
import type { MediaCliOptions } from './media-options.ts';
import { addLimitOptions, cliBinaries, limitOptions } from './media-options.ts';

export function formatViolation(v: Violation): string {
  return `${v.severity === 'error' ? 'error' : 'warning'} ${v.rule}: ${v.message}\n    fix: ${v.fix}${v.fixable ? ' — transcode (cueline fix)' : ''}`;
}

export function formatResult(r: ConstraintResult): string[] {
  const lines = [...r.violations, ...r.warnings].map(formatViolation);
  lines.push(
    r.ok
      ? `ok: X should accept this video${r.warnings.length ? ` (${r.warnings.length} warning(s))` : ''}`
      : `refused: ${r.violations.length} violation(s)` +
          (r.violations.some((v) => v.fixable) ? ' — `cueline fix` resolves the fixable ones' : ''),
  );
  return lines;
}

export const registerProbe = (program: Command): void => {
  addLimitOptions(
    program
      .command('probe')
      .description('Show what X would say about a video: media summary, violations and their fixes')
      .argument('<video>', 'video file')
      .option('--json', 'print {info, result} as JSON'),
  ).action(async (video: string, o: MediaCliOptions & { json?: boolean }) => {
    const info = await probe(video, { binaries: cliBinaries() });
    const limits = limitOptions(o);
    const result = checkConstraints(info, limits);
    if (o.json) process.stdout.write(`${JSON.stringify({ info, limits, result }, null, 2)}\n`);
    else process.stdout.write(`${[...describeMedia(info), ...formatResult(result)].join('\n')}\n`);
    if (!result.ok) process.exitCode = 1;
  });
};
