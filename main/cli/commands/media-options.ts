// Options shared by `cueline probe`, `fix`, `publish` and `batch`.
import { Option } from 'commander';
import type { Command } from 'commander';
import type { LimitOptions, MediaCategory } from '../../../shared/media/constraints.ts';
import { MEDIA_CATEGORIES } from '../../../shared/media/constraints.ts';
import { API_DIALECT_LABELS } from '../../../shared/x/limits.ts';
import type { BinaryOptions } from '../../services/media/binaries.ts';

export interface MediaCliOptions {
  category: MediaCategory;
  premium?: boolean;
  premium1080p?: boolean;
}

export function addLimitOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--category <category>', 'X media category')
        .choices(MEDIA_CATEGORIES)
        .default('tweet_video'),
    )
    .option('--premium', 'Premium account: 125 min / 16 GB caps instead of 20 min / 8 GB')
    .option(
      '--premium-1080p',
      'with --premium: take up to 1920×1920 without a warning (X plays 1080p to subscribers)',
    );
}

/** `--api`: v2 by default; v1.1 is labelled legacy (X shut it down in 2025). */
export function apiOption(): Option {
  return new Option('--api <dialect>', `X API dialect: ${Object.values(API_DIALECT_LABELS).join('; ')}`)
    .choices(Object.keys(API_DIALECT_LABELS))
    .default('v2');
}

export function limitOptions(o: MediaCliOptions): LimitOptions {
  return { category: o.category, premium: o.premium === true, premium1080p: o.premium1080p === true };
}

/** The CLI's binaries: CUELINE_FFMPEG / CUELINE_FFPROBE from its environment, then PATH. */
export function cliBinaries(env: NodeJS.ProcessEnv = process.env): BinaryOptions {
  return { env };
}
