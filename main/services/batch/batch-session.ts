// The app's batches: plan a source, run a plan as one job (progress is a snapshot of every item, so
// the ~10 Hz throttle keeping the latest never loses an item's state), pause/resume a live run,
// list what the journals say is unfinished, continue one, export its results. The same planner,
// runner and journals as `cueline batch`. Nothing but names relative to the batch's base goes out.
import { basename, dirname, join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { isItemFinished } from '../../../shared/batch/item-status.ts';
import { asErrorCode, CuelineError } from '../../../shared/errors.ts';
import type { BatchPlanMessage, BatchProgress } from '../../../shared/ipc/channels/batch.ts';
import { JournalStore } from '../jobs/journal.ts';
import { withNotification } from '../jobs/notify.ts';
import { withoutDirs } from '../publish/messages.ts';
import { journalDirOf, type PublishingDeps } from '../publish/publishing.ts';
import { jobAccount } from '../jobs/job-account.ts';
import { planRowFacts, type RowFacts } from './on-x.ts';
import { planBatch } from './plan.ts';
import type { BatchPlan, PlanCorrections, PlanSource } from './plan-types.ts';
import { BatchRecord, type BatchItemResult, type BatchRunOptions } from './record.ts';
import { resultsCsv, resultsJson, resultsSummary } from './results.ts';
import { BatchRun, type BatchEvent } from './runner.ts';

type ItemState = BatchProgress['items'][number];

export interface BatchResultMessage {
  batchId: string;
  status: 'completed' | 'failed' | 'cancelled';
  items: ItemState[];
}

export interface UnfinishedBatch {
  batchId: string;
  folderName: string;
  status: Exclude<BatchRecord['status'], 'completed'>;
  updatedAt: number;
  total: number;
  done: number;
  failed: number;
}

/** A plan source as the app names it: a folder and/or a manifest, already resolved to paths. */
export interface SourcePaths {
  folder?: string | undefined;
  manifest?: string | undefined;
  recursive?: boolean | undefined;
  defaultLanguage?: string | undefined;
}

/** The plan's base: the chosen folder, else the manifest's own folder (its paths are relative to it). */
export function planSource(req: SourcePaths): PlanSource {
  const folder = req.folder ?? (req.manifest ? dirname(req.manifest) : null);
  if (folder === null) throw new CuelineError('input.invalid', 'Choose a folder or a manifest.');
  return {
    folder,
    ...(req.manifest ? { manifest: req.manifest } : {}),
    ...(req.recursive ? { recursive: true } : {}),
    // The app's default-language setting: after the language detected from the cue text.
    ...(req.defaultLanguage ? { fallbackLanguage: req.defaultLanguage } : {}),
  };
}

export function planMessage(
  plan: BatchPlan,
  facts: ReadonlyMap<string, RowFacts> = new Map(),
): BatchPlanMessage {
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
      altText: i.altText,
      title: i.title,
      description: i.description,
      videoBytes: facts.get(i.key)?.videoBytes ?? null,
      onX: facts.get(i.key)?.onX ?? null,
      subtitles: i.subtitles.map((s) => ({
        file: s.file,
        language: s.language,
        languageCode: s.languageCode,
        displayName: s.displayName,
      })),
      problems: i.problems.map((p) => p.replaceAll(`${plan.root}/`, '')),
      skip: i.skip,
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

function languagesOf(r: BatchItemResult | undefined): ItemState['languages'] {
  return (r?.subtitles ?? []).map((s) => ({ languageCode: s.language_code, displayName: s.display_name }));
}

function itemState(r: BatchItemResult, root: string): ItemState {
  return {
    key: r.key,
    status: r.status,
    step: null,
    progress: isItemFinished(r.status) ? 1 : 0,
    videoId: r.video_id,
    languages: languagesOf(r),
    postId: r.post_id,
    error: r.error === null ? null : r.error.replaceAll(`${root}/`, ''),
    reason: r.reason ?? null,
    errorCode: r.errorCode === null ? null : asErrorCode(r.errorCode),
  };
}

/** What a run reports to: the job's signal and progress, and the window to notify. */
export interface BatchJob {
  jobId: string;
  signal: AbortSignal;
  progress(p: BatchProgress): void;
  sinkId: string;
}

export interface RunRequest {
  plan: BatchPlan;
  options: BatchRunOptions;
  account: string | undefined;
  corrections: PlanCorrections;
  force?: boolean;
}

export class BatchSessions {
  readonly #p: PublishingDeps;
  /** Runs by job id, while they run. */
  readonly #live = new Map<string, BatchRun>();

  constructor(p: PublishingDeps) {
    this.#p = p;
  }

  #store(): JournalStore<BatchRecord> {
    return new JournalStore(journalDirOf(this.#p), BatchRecord);
  }

  plan(
    source: PlanSource,
    o: { category: BatchRunOptions['category']; api: BatchRunOptions['api']; corrections?: PlanCorrections },
    signal?: AbortSignal,
  ): Promise<BatchPlan> {
    return planBatch(source, {
      category: o.category,
      api: o.api,
      probe: this.#p.probe,
      ...(o.corrections ? { corrections: o.corrections } : {}),
      ...(signal ? { signal } : {}),
    });
  }

  /** Per row, what this account's journals say is already on X, and the video's upload size. */
  async rowFacts(plan: BatchPlan, account: string | undefined): Promise<Map<string, RowFacts>> {
    return planRowFacts(plan, journalDirOf(this.#p), await this.#accountKey(account));
  }

  /**
   * The key the account's publish journals are filed under (jobAccount: the X user, not the name
   * it was picked by); the name itself when no client can be made (nobody signed in, offline).
   */
  async #accountKey(account: string | undefined): Promise<string | null> {
    try {
      return await jobAccount(await this.#p.client(account), account);
    } catch {
      return account ?? null;
    }
  }

  async run(req: RunRequest, job: BatchJob): Promise<BatchResultMessage> {
    const p = this.#p;
    const root = req.plan.root;
    const client = await p.client(req.account);
    const items = new Map<string, ItemState>();
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
          languages: languagesOf(r),
          postId: r?.post_id ?? null,
          error: r?.error ? r.error.replaceAll(`${root}/`, '') : null,
          reason: r?.reason ?? null,
          errorCode: r?.errorCode ? asErrorCode(r.errorCode) : null,
        });
      }
      job.progress(snapshot());
    };
    run = await BatchRun.open(
      req.plan,
      req.options,
      {
        client,
        journalDir: journalDirOf(p),
        probe: p.probe,
        account: req.account ?? null,
        onEvent,
        ...(req.force ? { force: true } : {}),
      },
      req.corrections,
    );
    for (const r of run.results)
      items.set(r.key, {
        key: r.key,
        status: 'pending',
        step: null,
        progress: 0,
        videoId: null,
        languages: [],
        postId: null,
        error: null,
        reason: null,
        errorCode: null,
      });
    const theRun = run;
    this.#live.set(job.jobId, theRun);
    const onAbort = (): void => theRun.cancel();
    job.signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await withNotification(
        p,
        job.sinkId,
        'Batch',
        async () => {
          const results = await theRun.start();
          const status: BatchResultMessage['status'] = job.signal.aborted
            ? 'cancelled'
            : results.every((r) => isItemFinished(r.status))
              ? 'completed'
              : 'failed';
          return { batchId: theRun.jobId, status, items: results.map((r) => itemState(r, root)) };
        },
        () => `${resultsSummary(theRun.results)}.`,
      );
    } finally {
      job.signal.removeEventListener('abort', onAbort);
      this.#live.delete(job.jobId);
    }
  }

  /** Pause (no new item starts) or resume the run of a router job. */
  control(jobId: string, action: 'pause' | 'resume'): { state: BatchRun['state'] } {
    const run = this.#live.get(jobId);
    if (!run) throw new CuelineError('batch.not_running', 'That batch is not running.');
    if (action === 'pause') run.pause();
    else run.resume();
    return { state: run.state };
  }

  async #record(batchId: string): Promise<BatchRecord> {
    const rec = await this.#store().load(batchId);
    if (!rec) throw new CuelineError('batch.not_found', 'That batch is no longer in the journal.');
    return rec;
  }

  /** Batches a restart (or a cancel, or failures) left unfinished, newest first. */
  async unfinished(): Promise<UnfinishedBatch[]> {
    const s = this.#store();
    const out: UnfinishedBatch[] = [];
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
        done: rec.items.filter((i) => isItemFinished(i.status)).length,
        failed: rec.items.filter((i) => i.status === 'failed').length,
      });
    }
    return out.sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /** Runs an unfinished batch again from its journal: finished items are skipped, failed ones retried. */
  async continue(
    o: { batchId: string; concurrency?: number | undefined; force?: boolean | undefined },
    job: BatchJob,
  ): Promise<BatchResultMessage> {
    const rec = await this.#record(o.batchId);
    const plan = await this.plan(
      rec.source,
      { category: rec.options.category, api: rec.options.api, corrections: rec.corrections },
      job.signal,
    );
    const options = { ...rec.options, ...(o.concurrency ? { concurrency: o.concurrency } : {}) };
    return this.run(
      {
        plan,
        options,
        account: rec.account ?? undefined,
        corrections: rec.corrections,
        force: o.force === true,
      },
      job,
    );
  }

  /** Writes the results beside the batch folder (cueline-batch-results.csv|json); returns the file name. */
  async export(batchId: string, format: 'csv' | 'json'): Promise<{ name: string }> {
    const rec = await this.#record(batchId);
    const name = `cueline-batch-results.${format}`;
    const text =
      format === 'csv' ? resultsCsv(rec.items) : `${JSON.stringify(resultsJson(rec.items), null, 2)}\n`;
    await writeFile(join(rec.source.folder, name), text);
    return { name };
  }
}
