// `cueline batch <folder>`: plan a folder (or a manifest) of videos and subtitle files, print the
// plan (--dry-run), or publish every item N at a time through the same orchestrator and journals
// as `cueline publish`, so a rerun skips what is done. Exit 0 only when every item was published
// or already done.
import type { Command } from 'commander';
import { CuelineError } from '../../../shared/errors.ts';
import type { MediaCategory } from '../../../shared/media/constraints.ts';
import { defaultAppPaths } from '../../services/app-paths.ts';
import { planBatch } from '../../services/batch/plan.ts';
import { cachedProbe } from '../../services/batch/probe-cache.ts';
import type { BatchPlan } from '../../services/batch/plan-types.ts';
import { BatchRun, type BatchEvent } from '../../services/batch/runner.ts';
import {
  allDone,
  resultsCsv,
  resultsJson,
  resultsSummary,
  unusedSubtitleFiles,
} from '../../services/batch/results.ts';
import { JournalStore } from '../../services/jobs/journal.ts';
import { probe } from '../../services/media/probe.ts';
import type { ApiDialect } from '../../services/x/dialects.ts';
import { RateLimiter } from '../../services/x/rate-limiter.ts';
import { cancelOnSignal } from '../cancel-on-signal.ts';
import { cliClientFactory } from '../credentials.ts';
import {
  addLimitOptions,
  apiOption,
  cliBinaries,
  limitOptions,
  type MediaCliOptions,
} from './media-options.ts';
import {
  requireFolderToWrite,
  requireInputFile,
  requireInputFolder,
  requireOutputFile,
} from '../validate.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { postUrl } from '../../../shared/x/media-id.ts';
import { cliErrorText, cliRemedyText } from '../remedy-text.ts';

interface BatchCli extends MediaCliOptions {
  manifest?: string;
  recursive?: boolean;
  dryRun?: boolean;
  force?: boolean;
  concurrency: string;
  postTemplate?: string;
  post: boolean;
  json?: boolean;
  account?: string;
  api: ApiDialect;
  lang?: string;
  journalDir?: string;
  export?: string;
}

function planJson(plan: BatchPlan): unknown {
  return {
    items: plan.items.map((i) => ({
      video: i.video,
      ready_copy: i.readyCopy,
      fixable: i.fixable,
      media_id: i.mediaId,
      status: i.excluded ? 'excluded' : i.skip ? 'skipped' : i.ready ? 'ready' : 'blocked',
      ...(i.skip ? { reason: i.skip } : {}),
      subtitles: i.subtitles.map((s) => ({
        file: s.file,
        language: s.language,
        language_code: s.languageCode,
        display_name: s.displayName,
      })),
      post: i.post,
      problems: i.problems,
    })),
    files: plan.files.map((f) => ({
      file: f.file,
      kind: f.kind,
      status: f.status,
      ...(f.video !== undefined ? { video: f.video } : {}),
      ...(f.copyOf !== undefined ? { copy_of: f.copyOf } : {}),
      ...(f.language !== undefined ? { language: f.language } : {}),
      ...(f.message !== undefined ? { message: f.message } : {}),
    })),
  };
}

/** What happened to each subtitle file that isn't used, and each detected language: on stderr. */
function fileNotes(plan: BatchPlan): string {
  const lines = [
    ...plan.files.filter((f) => f.detected).map((f) => `${f.file}: ${f.message ?? ''}`),
    ...unusedSubtitleFiles(plan.files).map((f) => `${f.file}: ${f.status.replace('_', ' ')}: ${f.reason}`),
  ];
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function planText(plan: BatchPlan): string {
  const lines: string[] = [];
  const ready = plan.items.filter((i) => i.ready).length;
  const skipped = plan.items.filter((i) => i.skip).length;
  lines.push(
    `${plan.items.length} item(s), ${ready} ready, ${plan.items.length - ready - skipped} blocked, ${skipped} skipped`,
  );
  for (const i of plan.items) {
    const langs = i.subtitles.map((s) => s.languageCode).join(' ') || '-';
    const target = i.video
      ? `${i.video}${i.readyCopy ? ` (uploads ${i.readyCopy})` : ''}`
      : `media ${i.mediaId ?? ''}`;
    const state = i.skip ? 'skipped' : i.ready ? 'ready  ' : 'blocked';
    lines.push(
      `  ${state}  ${target}  [${langs}]${i.post ? `  post: ${i.post}` : ''}${i.skip ? `  (${i.skip})` : ''}`,
    );
    for (const p of i.problems) lines.push(`           ! ${p}`);
    if (i.fixable && i.video)
      lines.push(
        `           → cueline fix ${join(plan.root, i.video)}  makes the X-ready copy a rerun uploads`,
      );
  }
  for (const f of plan.files.filter((x) => x.detected && x.status === 'matched'))
    lines.push(`${f.file}: ${f.message ?? ''}`);
  const notMatched = plan.files.filter((f) => f.status !== 'matched');
  if (notMatched.length > 0) {
    lines.push('files not matched:');
    for (const f of notMatched)
      lines.push(`  ${f.status.padEnd(18)} ${f.file}${f.message ? `: ${f.message}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function progressLines(): (e: BatchEvent) => void {
  const last = new Map<string, string>();
  return (e) => {
    if (e.type === 'overall') return;
    const line =
      e.status === 'running'
        ? e.step
          ? `${e.key}: ${e.step}`
          : null
        : `${e.key}: ${e.status}${e.status === 'failed' && e.step ? ` (${e.step})` : ''}`;
    if (line && last.get(e.key) !== line) {
      last.set(e.key, line);
      process.stderr.write(`${line}\n`);
    }
  };
}

export const registerBatch = (program: Command): void => {
  addLimitOptions(
    program
      .command('batch')
      .description(
        'Publish a folder of videos with their subtitle files (clip.mp4 + clip.en.srt, clip.pt-BR.vtt…)',
      )
      .argument('<folder>', 'folder with the videos and subtitle files (or the manifest’s base for display)'),
  )
    .option('--manifest <file>', 'CSV or JSON rows: video, subtitle, language, display_name, media_id, post')
    .option('-r, --recursive', 'look in sub-folders too')
    .option('--dry-run', 'print the plan and send nothing')
    .option('--concurrency <n>', 'items published at the same time', '2')
    .option(
      '--post-template <text>',
      'post each video with this text; {name} {file} {languages} are filled in',
    )
    .option('--no-post', 'never post (also ignores the manifest’s post column)')
    .option('--lang <code>', 'language of subtitle files named <video>.srt (no language in the name)')
    .addOption(apiOption())
    .option('--account <name>', 'signed-in account to use (when X_* environment credentials are not set)')
    .option('--journal-dir <dir>', 'job journal folder (default: <user data>/jobs; CUELINE_HOME moves it)')
    .option('--force', 'post even where an interrupted earlier run may already have posted')
    .option('--export <file>', 'also write the results to this file (.csv or .json)')
    .option('--json', 'print the plan or the results as JSON on stdout')
    .action(async (folder: string, o: BatchCli) => {
      const concurrency = Number(o.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16)
        throw new CuelineError(
          'usage.concurrency',
          `--concurrency ${o.concurrency}: give a whole number from 1 to 16.`,
        );
      // Paths first: an unwritable --export used to fail after everything was published.
      requireInputFolder(folder);
      if (o.manifest) requireInputFile(o.manifest);
      if (o.export) requireOutputFile(o.export, ['.csv', '.json'], '--export');
      if (o.journalDir) requireFolderToWrite(o.journalDir, '--journal-dir');
      const category: MediaCategory = o.category;
      const binaries = cliBinaries();
      const probeFn = cachedProbe((file, po) => probe(file, { ...po, binaries }));
      const cancel = cancelOnSignal();
      try {
        const plan = await planBatch(
          {
            folder,
            ...(o.manifest ? { manifest: o.manifest } : {}),
            ...(o.recursive ? { recursive: true } : {}),
            ...(o.lang ? { defaultLanguage: o.lang } : {}),
          },
          { category, api: o.api, limits: limitOptions(o), probe: probeFn, signal: cancel.signal },
        );
        if (o.dryRun) {
          process.stdout.write(o.json ? `${JSON.stringify(planJson(plan))}\n` : planText(plan));
          return;
        }
        if (plan.items.every((i) => i.skip !== null))
          throw new CuelineError(
            'usage.nothing_to_do',
            `${folder}: no video with a subtitle file next to it (name them like clip.mp4 + clip.en.srt).`,
          );
        if (!o.json) process.stderr.write(planText(plan));
        else process.stderr.write(fileNotes(plan));
        const limiter = new RateLimiter({
          onWait: (w) =>
            process.stderr.write(`rate limit: waiting ${Math.ceil(w.waitMs / 1000)} s for ${w.key}\n`),
        });
        const client = await cliClientFactory({
          limiter,
          onRetry: (e) =>
            process.stderr.write(`X: retrying in ${Math.ceil(e.delayMs / 1000)} s (${e.reason})\n`),
        })(o.account);
        const run = await BatchRun.open(
          plan,
          {
            concurrency,
            category,
            api: o.api,
            postTemplate: o.post === false ? null : (o.postTemplate ?? null),
            noPost: o.post === false,
          },
          {
            client,
            journalDir: o.journalDir ?? JournalStore.dirFor(defaultAppPaths().userData),
            probe: probeFn,
            account: o.account ?? null,
            limits: limitOptions(o),
            ...(o.force ? { force: true } : {}),
            onEvent: progressLines(),
          },
        );
        cancel.signal.addEventListener('abort', () => run.cancel(), { once: true });
        const results = await run.start();
        if (o.export)
          await writeFile(
            o.export,
            o.export.toLowerCase().endsWith('.csv')
              ? resultsCsv(results, cliRemedyText)
              : `${JSON.stringify(resultsJson(results, cliRemedyText, plan.files), null, 2)}\n`,
          );
        if (o.json)
          process.stdout.write(`${JSON.stringify(resultsJson(results, cliRemedyText, plan.files))}\n`);
        else {
          process.stdout.write(
            `${results.length} item(s): ${resultsSummary(results)}.\n` +
              results
                .map(
                  (r) =>
                    `  ${r.status.padEnd(9)} ${r.video ?? r.key}${r.status === 'skipped' ? ` (${r.reason ?? 'already published'})` : ''}${r.video_id ? `  video ${r.video_id}` : ''}${r.post_id ? `  ${postUrl(r.post_id)}` : ''}${r.error ? `  ${cliErrorText({ message: r.error, ...(r.remedy ? { remedy: r.remedy } : {}) })}` : ''}`,
                )
                .join('\n') +
              '\n',
          );
        }
        if (!allDone(results)) process.exitCode = 1;
      } finally {
        cancel.dispose();
      }
    });
};
