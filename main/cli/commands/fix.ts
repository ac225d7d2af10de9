// `cueline fix <video> [-o out.mp4]`: transcode into an MP4 X accepts. A bar on a TTY, plain
// progress lines otherwise (logs, CI); Ctrl-C cancels and removes the partial output.
import type { Command } from 'commander';
import { checkConstraints } from '../../../shared/media/constraints.ts';
import type { TranscodeProgress } from '../../services/media/transcode.ts';
import { readyCopyPath, transcode } from '../../services/media/transcode.ts';
import { cancelOnSignal } from '../cancel-on-signal.ts';
import { formatResult } from './probe.ts';
import type { MediaCliOptions } from './media-options.ts';
import { addLimitOptions, cliBinaries, limitOptions } from './media-options.ts';
import { requireInputFile, requireOutputFile } from '../validate.ts';

export function progressWriter(stream: Pick<NodeJS.WriteStream, 'isTTY' | 'write'>): {
  update: (p: TranscodeProgress) => void;
  done: () => void;
} {
  const tty = stream.isTTY === true;
  let lastPct = -1;
  return {
    update(p) {
      const pct = Math.floor(p.fraction * 100);
      if (pct === lastPct) return;
      lastPct = pct;
      const speed = p.speed === undefined ? '' : ` ${p.speed.toFixed(1)}x`;
      const times = `${(p.outTimeMs / 1000).toFixed(1)}/${(p.durationMs / 1000).toFixed(1)} s`;
      if (tty) {
        const width = 30;
        const filled = Math.round(p.fraction * width);
        stream.write(
          `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${times}${speed}`,
        );
      } else stream.write(`progress ${pct}% ${times}${speed}\n`);
    },
    done() {
      if (tty && lastPct >= 0) stream.write('\n');
      lastPct = -1;
    },
  };
}

export const registerFix = (program: Command): void => {
  addLimitOptions(
    program
      .command('fix')
      .description('Transcode a video into an MP4 X accepts, re-encoding only what must change')
      .argument('<video>', 'video file')
      .option('-o, --output <file>', 'output file (default: <name>.x.mp4 beside the input)'),
  ).action(async (video: string, o: MediaCliOptions & { output?: string }) => {
    const output = o.output ?? readyCopyPath(video);
    // Before the transcode: a bad -o used to fail only once the work was done.
    requireInputFile(video);
    requireOutputFile(output, ['.mp4'], '--output');
    const limits = limitOptions(o);
    const cancel = cancelOnSignal(['SIGINT']);
    const bar = progressWriter(process.stderr);
    try {
      const r = await transcode(video, output, {
        ...limits,
        signal: cancel.signal,
        onProgress: bar.update,
        binaries: cliBinaries(),
      });
      bar.done();
      const v = r.plan.video === 'copy' ? 'copied' : 're-encoded';
      const a = r.info.audio ? (r.plan.audio === 'copy' ? 'copied' : 're-encoded') : 'none';
      process.stdout.write(`wrote ${output} (video ${v}, audio ${a})\n`);
      const result = checkConstraints(r.info, limits);
      process.stdout.write(`${formatResult(result).join('\n')}\n`);
      if (!result.ok) process.exitCode = 1;
    } finally {
      bar.done();
      cancel.dispose();
    }
  });
};
