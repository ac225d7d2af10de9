// The batch view's channels over the batch planner and runner (the same ones `cueline batch`
// uses). A run is a job: its progress is a snapshot of every item (the ~10 Hz throttle keeps the
// latest, so a snapshot never loses an item's state), `jobs:cancel` cancels it, `batch:control`
// pauses and resumes it. Nothing but names relative to the chosen folder goes to the renderer.
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { CuelineError } from '../../../shared/errors.ts';
import type { BatchPlanMessage, BatchProgress } from '../../../shared/ipc/channels/batch.ts';
import type { Channels } from '../../../shared/ipc/contract.ts';
import { kindOfName } from '../../services/batch/scan.ts';
import { planBatch } from '../../services/batch/plan.ts';
import { readyCopyPath, transcode } from '../../services/media/transcode.ts';
import type { BatchPlan, PlanCorrections, PlanSource } from '../../services/batch/plan-types.ts';
import { BatchRecord, type BatchRunOptions } from '../../services/batch/record.ts';
import { resultsCsv, resultsJson } from '../../services/batch/results.ts';
import { BatchRun, type BatchEvent } from '../../services/batch/runner.ts';
import { JournalStore } from '../../services/jobs/journal.ts';
import type { RouterDeps } from '../deps.ts';
import type { Handlers, JobContext } from '../types.ts';
import { journalDirOf, publishingOf, withNotification, withoutDirs, type PublishingDeps } from './publish.ts';

function planMessage(plan: BatchPlan): BatchPlanMessage {
  return {
    folderName: basename(plan.root),
    items: plan.items.map((i) => ({
      key: i.key,
      name: i.name,
      video: i.video,
      readyCopy: i.readyCopy,
      fixable: i.fixable,
      mediaId: i.mediaId,
      post: i.post,
      subtitles: i.subtitles.map((s) => ({
        file: s.file,
        language: s.language,
        languageCode: s.languageCode,
        displayName: s.displayName,
      })),
      problems: i.problems.map((p) => p.replaceAll(`${plan.root}/`, '')),
      ready: i.ready,
      excluded: i.excluded,
    })),
    files: plan.files.map((f) => ({
      file: f.file,
      kind: f.kind,
      status: f.status,
      video: f.video ?? null,
      language: f.language ?? null,
      message: f.message?.replaceAll(`${plan.root}/`, '') ?? null,
    })),
  };
}

type BatchHandlers = Pick<
  Handlers<Channels>,
  | 'batch:plan'
  | 'batch:run'
  | 'batch:control'
  | 'batch:unfinished'
  | 'batch:continue'
  | 'batch:fixVideo'
  | 'batch:export'
>;

interface SourceRequest {
  folder?: string | undefined;
  manifest?: string | undefined;
  recursive?: boolean | undefined;
  defaultLanguage?: string | undefined;
}

export function batchHandlers(deps: RouterDeps): BatchHandlers {
  /** Runs by router job id, while they run. */
  const live = new Map<string, BatchRun>();
  /** The plan's base: the chosen folder, else the manifest's own folder (its paths are relative to it). */
  const sourceOf = (req: SourceRequest): PlanSource => {
    const { files } = deps.workspace;
    const manifest = req.manifest ? files.resolve(req.manifest, 'manifest').path : undefined;
    const folder = req.folder
      ? files.resolve(req.folder, 'folder').path
      : manifest
        ? dirname(manifest)
        : null;
    if (folder === null) throw new CuelineError('input.invalid', 'Choose a folder or a manifest.');
    return {
      folder,
      ...(manifest ? { manifest } : {}),
      ...(req.recursive ? { recursive: true } : {}),
      // The app's default-language setting: after the language detected from the cue text.
      ...(req.defaultLanguage ? { fallbackLanguage: req.defaultLanguage } : {}),
    };
  };
  const store = (p: PublishingDeps): JournalStore<BatchRecord> =>
    new JournalStore(journalDirOf(p), BatchRecord);

  const plan = (
    p: PublishingDeps,
    source: PlanSource,
    o: { category: BatchRunOptions['category']; api: BatchRunOptions['api']; corrections?: PlanCorrections },
    signal?: AbortSignal,
  ): Promise<BatchPlan> =>
    planBatch(source, {
      category: o.category,
      api: o.api,
      probe: p.probe,
      ...(o.corrections ? { corrections: o.corrections } : {}),
      ...(signal ? { signal } : {}),
    });

  const execute = async (
    p: PublishingDeps,
    job: JobContext<BatchProgress>,
    sinkId: string,
    thePlan: BatchPlan,
    options: BatchRunOptions,
    account: string | undefined,
    corrections: PlanCorrections,
    force = false,
  ) => {
    const client = await p.client(account);
    const items = new Map<string, BatchProgress['items'][number]>();
    let overall: Extract<BatchEvent, { type: 'overall' }> | null = null;
    let run: BatchRun | null = null;
    const snapshot = (): BatchProgress => ({
      batchId: run?.jobId ?? '',
      state: overall?.state ?? 'idle',
      total: overall?.total ?? items.size,
      done: overall?.done ?? 0,
      failed: overall?.failed ?? 0,
      running: overall?.running ?? 0,
      items: [...items.values()],
    });
    const onEvent = (e: BatchEvent): void => {
      if (e.type === 'overall') overall = e;
      else {
        const r = run?.results.find((x) => x.key === e.key);
        items.set(e.key, {
          key: e.key,
          status: e.status,
          step: e.step === null ? null : withoutDirs(e.step),
          progress: e.progress,
          videoId: r?.video_id ?? null,
          postId: r?.post_id ?? null,
          error: r?.error ? r.error.replaceAll(`${thePlan.root}/`, '') : null,
          errorCode: r?.errorCode ?? null,
        });
      }
      job.progress(snapshot());
    };
    run = await BatchRun.open(
      thePlan,
      options,
      {
        client,
        journalDir: journalDirOf(p),
        probe: p.probe,
        account: account ?? null,
        onEvent,
        ...(force ? { force: true } : {}),
      },
      corrections,
    );
    for (const r of run.results)
      items.set(r.key, {
        key: r.key,
        status: 'pending',
        step: null,
        progress: 0,
        videoId: null,
        postId: null,
        error: null,
        errorCode: null,
      });
    const theRun = run;
    live.set(job.jobId, theRun);
    const onAbort = (): void => theRun.cancel();
    job.signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await withNotification(
        p,
        sinkId,
        'Batch',
        async () => {
          const results = await theRun.start();
          const status: 'completed' | 'failed' | 'cancelled' = job.signal.aborted
            ? 'cancelled'
            : results.every((r) => r.status === 'published' || r.status === 'skipped')
              ? 'completed'
              : 'failed';
          return {
            batchId: theRun.jobId,
            status,
            items: results.map((r) => ({
              key: r.key,
              status: r.status,
              step: null,
              progress: r.status === 'published' || r.status === 'skipped' ? 1 : 0,
              videoId: r.video_id,
              postId: r.post_id,
              error: r.error === null ? null : r.error.replaceAll(`${thePlan.root}/`, ''),
              errorCode: r.errorCode ?? null,
            })),
          };
        },
        (r) =>
          `${r.items.filter((i) => i.status === 'published' || i.status === 'skipped').length} of ${r.items.length} videos published.`,
      );
    } finally {
      job.signal.removeEventListener('abort', onAbort);
      live.delete(job.jobId);
    }
  };

  return {
    'batch:plan': async (req) => {
      const p = publishingOf(deps);
      return planMessage(
        await plan(p, sourceOf(req), {
          category: req.category,
          api: req.api,
          ...(req.corrections ? { corrections: req.corrections } : {}),
        }),
      );
    },

    'batch:run': async (req, job, ctx) => {
      const p = publishingOf(deps);
      const corrections = req.corrections ?? {};
      const source = sourceOf(req);
      const thePlan = await plan(
        p,
        source,
        { category: req.category, api: req.api, corrections },
        job.signal,
      );
      const options: BatchRunOptions = {
        concurrency: req.concurrency,
        category: req.category,
        api: req.api,
        postTemplate: req.postTemplate,
        noPost: req.postTemplate === null,
      };
      return execute(p, job, ctx.sink.id, thePlan, options, req.account, corrections);
    },

    'batch:control': ({ jobId, action }) => {
      const run = live.get(jobId);
      if (!run) throw new CuelineError('batch.not_running', 'That batch is not running.');
      if (action === 'pause') run.pause();
      else run.resume();
      return { state: run.state };
    },

    'batch:unfinished': async () => {
      if (!deps.publishing) return [];
      const s = store(deps.publishing);
      const out = [];
      for (const id of await s.list()) {
        if (!id.startsWith('bat-')) continue;
        const rec = await s.load(id).catch(() => null);
        if (!rec || rec.status === 'completed') continue;
        out.push({
          batchId: rec.jobId,
          folderName: basename(rec.source.manifest ?? rec.source.folder),
          status: rec.status,
          updatedAt: rec.updatedAt,
          total: rec.items.length,
          done: rec.items.filter((i) => i.status === 'published' || i.status === 'skipped').length,
          failed: rec.items.filter((i) => i.status === 'failed').length,
        });
      }
      return out.sort((a, b) => b.updatedAt - a.updatedAt);
    },

    'batch:continue': async ({ batchId, concurrency, force }, job, ctx) => {
      const p = publishingOf(deps);
      const rec = await store(p).load(batchId);
      if (!rec) throw new CuelineError('batch.not_found', 'That batch is no longer in the journal.');
      const thePlan = await plan(
        p,
        rec.source,
        { category: rec.options.category, api: rec.options.api, corrections: rec.corrections },
        job.signal,
      );
      const options = { ...rec.options, ...(concurrency ? { concurrency } : {}) };
      return execute(
        p,
        job,
        ctx.sink.id,
        thePlan,
        options,
        rec.account ?? undefined,
        rec.corrections,
        force === true,
      );
    },

    // The renderer names the video as the plan did (relative to the base); only a video inside the
    // base is transcoded, and the copy goes beside it, where the next plan finds it.
    'batch:fixVideo': async (req, job) => {
      const root = sourceOf(req).folder;
      const path = resolve(root, req.video);
      const rel = relative(root, path);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || kindOfName(path) !== 'video')
        throw new CuelineError('input.invalid', `${req.video} is not a video in the batch folder.`, {
          field: 'video',
        });
      const out = readyCopyPath(path);
      await transcode(path, out, {
        category: req.category,
        signal: job.signal,
        onProgress: (pr) => job.progress({ fraction: pr.fraction }),
      });
      return { readyCopy: relative(root, out).split('\\').join('/') };
    },

    'batch:export': async ({ batchId, format }) => {
      const p = publishingOf(deps);
      const rec = await store(p).load(batchId);
      if (!rec) throw new CuelineError('batch.not_found', 'That batch is no longer in the journal.');
      const name = `cueline-batch-results.${format}`;
      const text =
        format === 'csv' ? resultsCsv(rec.items) : `${JSON.stringify(resultsJson(rec.items), null, 2)}\n`;
      await writeFile(join(rec.source.folder, name), text);
      return { name };
    },
  };
}
