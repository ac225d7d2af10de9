// `cueline publish`, `cueline attach` and `cueline detach`: X's two caption flows (associate before
// posting, or attach to an already-posted video) and removing a language. Progress goes to stderr
// (a bar on a TTY, plain lines otherwise); `--json` prints the result on stdout.
import { Option, type Command } from 'commander';
import { CuelineError } from '../../../shared/errors.ts';
import { formatBytes, formatSeconds } from '../../../shared/units.ts';
import { defaultAppPaths } from '../../services/app-paths.ts';
import { JournalStore } from '../../services/jobs/journal.ts';
import { probe } from '../../services/media/probe.ts';
import {
  attach,
  detach,
  publish,
  type PublishDeps,
  type PublishEvent,
  type PublishResult,
} from '../../services/publish/publish.ts';
import type { SubtitleInput } from '../../services/publish/inputs.ts';
import { XClient } from '../../services/x/client.ts';
import type { ApiDialect } from '../../services/x/dialects.ts';
import type { UploadProgress } from '../../services/x/uploader.ts';
import { cancelOnSignal } from '../cancel-on-signal.ts';
import { cliClientFactory } from '../credentials.ts';
import { requireFolderToWrite } from '../validate.ts';
import {
  addLimitOptions,
  apiOption,
  cliBinaries,
  limitOptions,
  type MediaCliOptions,
} from './media-options.ts';
import { isMediaId, postUrl } from '../../../shared/x/media-id.ts';
import { MEDIA_CATEGORIES, type MediaCategory } from '../../../shared/media/constraints.ts';
import { cliRemedyText } from '../remedy-text.ts';

interface CommonCli extends MediaCliOptions {
  subs?: string[];
  lang?: string;
  displayName?: string;
  api: ApiDialect;
  json?: boolean;
  vtt?: boolean;
  account?: string;
  journalDir?: string;
  fresh?: boolean;
  chunkSize?: string;
  blockOnQuality?: boolean;
}

interface PublishCli extends CommonCli {
  post?: string;
  force?: boolean;
  altText?: string;
  title?: string;
  description?: string;
}

function fmtEta(s: number | null): string {
  const t = formatSeconds(s);
  return t ? ` ETA ${t}` : '';
}

/** stderr progress: a redrawn bar on a TTY, one line per step (and every 10%) otherwise. */
function progressReporter(): { onEvent: (e: PublishEvent) => void; end: () => void } {
  const tty = process.stderr.isTTY === true;
  let barShown = false;
  const lastDecile = new Map<string, number>();
  const clearBar = (): void => {
    if (barShown) process.stderr.write('\r\x1b[2K');
    barShown = false;
  };
  const line = (s: string): void => {
    clearBar();
    process.stderr.write(`${s}\n`);
  };
  const describe = (label: string, p: UploadProgress): string => {
    if (p.phase === 'processing')
      return `${label}: X is processing (${p.processingState ?? ''}${p.processingPercent !== undefined ? ` ${p.processingPercent}%` : ''})`;
    const pct = p.totalBytes > 0 ? Math.floor((100 * p.bytesSent) / p.totalBytes) : 100;
    const rate = p.bytesPerSecond > 0 ? ` ${(p.bytesPerSecond / 1e6).toFixed(1)} MB/s` : '';
    return `${label}: ${formatBytes(p.bytesSent)} / ${formatBytes(p.totalBytes)} (${pct}%)${rate}${fmtEta(p.etaSeconds)}`;
  };
  return {
    onEvent: (e) => {
      if (e.type === 'step') line(`${e.label}…`);
      else if (e.type === 'skip')
        line(`${e.label}: skipped, ${e.reason}${e.remedy ? cliRemedyText(e.remedy) : ''}`);
      else if (e.type === 'note') line(`${e.label}: ${e.message}`);
      else if (e.type === 'retry')
        line(`${e.label}: retrying in ${Math.ceil(e.delayMs / 1000)} s (${e.reason})`);
      else if (tty) {
        const p = e.progress;
        const width = 30;
        const frac = p.totalBytes > 0 ? p.bytesSent / p.totalBytes : 1;
        const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
        process.stderr.write(`\r\x1b[2K${bar} ${describe(e.label, p)}`);
        barShown = true;
      } else {
        const p = e.progress;
        const decile =
          p.phase === 'processing'
            ? 100 + (p.processingPercent ?? 0)
            : Math.floor((10 * p.bytesSent) / Math.max(1, p.totalBytes));
        if (lastDecile.get(e.label) !== decile) {
          lastDecile.set(e.label, decile);
          line(describe(e.label, p));
        }
      }
    },
    end: clearBar,
  };
}

/**
 * `--subs` takes several files, so `publish --subs a.srt clip.mp4` lands the video among them:
 * take it back from the end of the list.
 */
function positionalAfterSubs(
  given: string | undefined,
  o: { subs?: string[] },
  looksRight: (s: string) => boolean,
  what: string,
): string {
  if (given !== undefined) return given;
  const last = o.subs?.at(-1);
  if (last !== undefined && looksRight(last)) {
    o.subs = o.subs?.slice(0, -1) ?? [];
    return last;
  }
  throw new CuelineError('usage.missing_argument', `Missing ${what}.`);
}

function subtitleInputs(o: CommonCli): SubtitleInput[] {
  const files = o.subs ?? [];
  if ((o.lang !== undefined || o.displayName !== undefined) && files.length > 1)
    throw new CuelineError(
      'usage.lang',
      '--lang and --display-name apply to a single --subs file; with several, name each file like clip.en.srt.',
    );
  return files.map((path) => ({
    path,
    ...(o.lang !== undefined ? { language: o.lang } : {}),
    ...(o.displayName !== undefined ? { displayName: o.displayName } : {}),
  }));
}

function clientFor(o: { account?: string }, onEvent?: (e: PublishEvent) => void): Promise<XClient> {
  return cliClientFactory(
    onEvent
      ? { onRetry: (e) => onEvent({ type: 'retry', label: 'X', delayMs: e.delayMs, reason: e.reason }) }
      : {},
  )(o.account);
}

function journalDir(o: { journalDir?: string }): string {
  if (o.journalDir) requireFolderToWrite(o.journalDir, '--journal-dir');
  return o.journalDir ?? JournalStore.dirFor(defaultAppPaths().userData);
}

function printResult(r: PublishResult, json: boolean | undefined): void {
  if (json) {
    // X's snake_case field names: the --json output is a public contract.
    const subtitles = r.subtitles.map((s) => ({
      id: s.id,
      language_code: s.languageCode,
      display_name: s.displayName,
      file: s.file,
    }));
    const out = { video: r.video, subtitles, post: r.post };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  const lines = [`video media id: ${r.video.id}`];
  for (const s of r.subtitles)
    lines.push(`subtitles ${s.languageCode} (${s.displayName}): ${s.id}  ${s.file}`);
  if (r.post) lines.push(`post: ${postUrl(r.post.id)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * The part publish and attach share: progress on stderr, a client for the account, Ctrl-C as
 * cancel, the journal folder, the CLI's ffprobe; then the result printed and everything closed.
 */
async function runWithProgress(
  o: CommonCli,
  work: (deps: PublishDeps) => Promise<PublishResult>,
): Promise<void> {
  const progress = progressReporter();
  const client = await clientFor(o, progress.onEvent);
  const cancel = cancelOnSignal();
  try {
    const r = await work({
      client,
      journalDir: journalDir(o),
      probe: (file, po) => probe(file, { ...po, binaries: cliBinaries() }),
      signal: cancel.signal,
      onEvent: progress.onEvent,
      ...(o.account !== undefined ? { account: o.account } : {}),
    });
    progress.end();
    printResult(r, o.json);
  } finally {
    progress.end();
    cancel.dispose();
  }
}

function addCommon(cmd: Command): Command {
  return cmd
    .option(
      '--subs <file...>',
      'subtitle file(s), SRT or WebVTT; language from the name (clip.en.srt, clip.pt-BR.vtt)',
    )
    .option('--lang <code>', 'BCP 47 language of the (single) --subs file, when its name does not say')
    .option('--display-name <name>', 'name shown in X’s caption menu (default: the language’s own name)')
    .addOption(apiOption())
    .option('--vtt', 'send WebVTT as is instead of converting to SRT (X documents SRT as the working format)')
    .option('--account <name>', 'signed-in account to use (when X_* environment credentials are not set)')
    .option('--journal-dir <dir>', 'job journal folder (default: <user data>/jobs; CUELINE_HOME moves it)')
    .option('--fresh', 'ignore an earlier run’s journal and start over')
    .option('--chunk-size <MiB>', 'upload chunk size in MiB (default 4; larger only when a file needs it)')
    .option('--block-on-quality', 'refuse subtitles with caption quality findings (default: report a count)')
    .option('--json', 'print the result as JSON on stdout');
}

/** The options every publishing command shares, from the CLI's strings. */
export function uploadSettings(o: {
  chunkSize?: string;
  blockOnQuality?: boolean;
  vtt?: boolean;
  fresh?: boolean;
}): {
  chunkSize?: number;
  blockOnQuality?: boolean;
  sendVtt?: boolean;
  fresh?: boolean;
} {
  const mib = o.chunkSize === undefined ? undefined : Number(o.chunkSize);
  if (mib !== undefined && !(Number.isFinite(mib) && mib >= 0.25 && mib <= 64))
    throw new CuelineError(
      'usage.chunk_size',
      `--chunk-size ${o.chunkSize}: give a size in MiB from 0.25 to 64.`,
    );
  return {
    ...(mib !== undefined ? { chunkSize: Math.round(mib * 1024 * 1024) } : {}),
    ...(o.blockOnQuality ? { blockOnQuality: true } : {}),
    ...(o.vtt ? { sendVtt: true } : {}),
    ...(o.fresh ? { fresh: true } : {}),
  };
}

/** What publish and attach take alike, checked before any work: the subtitle files and settings. */
function jobInputs(o: CommonCli & { category: MediaCategory }): {
  subtitles: SubtitleInput[];
  category: MediaCategory;
  api: ApiDialect;
} & ReturnType<typeof uploadSettings> {
  return { subtitles: subtitleInputs(o), category: o.category, api: o.api, ...uploadSettings(o) };
}

export const registerPublish = (program: Command): void => {
  addLimitOptions(
    addCommon(
      program
        .command('publish')
        .description('Upload a video and its subtitles to X, associate each language, optionally post it')
        .argument('[video]', 'video file'),
    )
      .option('--post <text>', 'create a post with the video (captions associated first)')
      .option('--alt-text <text>', 'the video’s alt text (up to 1000 characters)')
      .option('--title <text>', 'with --post: the title on the post’s video card')
      .option('--description <text>', 'with --post: the description on the post’s video card')
      .option('--force', 'post even if an interrupted earlier run may already have posted'),
  ).action(async (videoArg: string | undefined, o: PublishCli) => {
    const video = positionalAfterSubs(
      videoArg,
      o,
      (s) => /\.(mp4|m4v|mov|webm|ts|m2ts)$/i.test(s),
      'a video file',
    );
    const job = jobInputs(o);
    await runWithProgress(o, (deps) =>
      publish(
        {
          video,
          post: o.post ?? null,
          limits: limitOptions(o),
          ...job,
          ...(o.force ? { force: true } : {}),
          ...(o.altText !== undefined ? { altText: o.altText } : {}),
          ...(o.title !== undefined ? { title: o.title } : {}),
          ...(o.description !== undefined ? { description: o.description } : {}),
        },
        deps,
      ),
    );
  });

  addCommon(
    program
      .command('attach')
      .description('Add subtitles to a video already uploaded or posted (the after-posting flow)')
      .argument('[video-media-id]', 'the video’s media id'),
  )
    .addOption(
      new Option('--category <category>', 'the video’s media category')
        .choices(MEDIA_CATEGORIES)
        .default('tweet_video'),
    )
    .action(async (idArg: string | undefined, o: CommonCli) => {
      const videoId = positionalAfterSubs(idArg, o, isMediaId, 'the video’s media id');
      const job = jobInputs(o);
      await runWithProgress(o, (deps) => attach({ videoId, ...job }, deps));
    });

  program
    .command('detach')
    .description('Remove one language’s subtitles from a video')
    .argument('<video-media-id>', 'the video’s media id')
    .requiredOption('--lang <code>', 'language to remove (BCP 47, e.g. en, pt-BR)')
    .addOption(
      new Option('--category <category>', 'the video’s media category')
        .choices(MEDIA_CATEGORIES)
        .default('tweet_video'),
    )
    .addOption(apiOption())
    .option('--account <name>', 'signed-in account to use')
    .option('--json', 'print the result as JSON on stdout')
    .action(
      async (
        videoId: string,
        o: {
          lang: string;
          category: MediaCategory;
          api: ApiDialect;
          account?: string;
          json?: boolean;
        },
      ) => {
        const client = await clientFor(o);
        const cancel = cancelOnSignal();
        try {
          const r = await detach(
            { videoId, language: o.lang, category: o.category, api: o.api },
            { client, signal: cancel.signal },
          );
          if (o.json)
            process.stdout.write(
              `${JSON.stringify({ video: r.video, deleted: { language_code: r.languageCode } })}\n`,
            );
          else process.stdout.write(`Removed the ${r.languageCode} subtitles from media ${r.video.id}.\n`);
        } finally {
          cancel.dispose();
        }
      },
    );
};
