// The batch runner: N items at a time through the same publish orchestrator and journals as a
// single publish, so a rerun or a resume after a crash skips every finished step (nothing uploaded,
// associated or posted twice). Pause stops starting items (those in flight finish); cancel aborts
// them down to the HTTP request. Retrying failed items is opening and starting the batch again:
// the journals skip what was done.
import { CuelineError, toAppError } from '../../../shared/errors.ts';
import type { LimitOptions } from '../../../shared/media/constraints.ts';
import { fillPostTemplate, postTextProblem } from '../../../shared/x/post-text.ts';
import { jobAccount } from '../jobs/job-account.ts';
import { JournalStore, jobIdFor } from '../jobs/journal.ts';
import type { Probe } from '../publish/inputs.ts';
import { attach, publish, type PublishEvent, type PublishResult } from '../publish/publish.ts';
import type { XClient } from '../x/client.ts';
import type { BatchPlan, PlanItem } from './plan-types.ts';
import { BatchRecord, type BatchItemResult, type BatchRunOptions } from './record.ts';
import { isItemFinished } from '../../../shared/batch/item-status.ts';

export type BatchEvent =
  | {
      type: 'item';
      key: string;
      status: BatchItemResult['status'];
      /** What the item is doing now ("Uploading clip.mp4", "Associating EN"). */
      step: string | null;
      /** 0..1 for the item. */
      progress: number;
    }
  | { type: 'overall'; total: number; done: number; failed: number; running: number; state: BatchState };

export type BatchState = 'idle' | 'running' | 'paused' | 'cancelling' | 'finished';

export interface BatchRunDeps {
  client: XClient;
  journalDir: string;
  probe: Probe;
  /** The account name recorded in the journal (display and resume). */
  account?: string | null;
  limits?: Omit<LimitOptions, 'category'>;
  /**
   * Post even where an interrupted earlier run sent the post without recording X's answer (it may
   * be on X already). A decision for this run only: never stored in the journal.
   */
  force?: boolean;
  onEvent?: (e: BatchEvent) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

/**
 * A batch is its plan, its options and the account (`jobAccount`: never a secret): two accounts
 * publishing the same folder are two batches, each with its own record of what is done.
 */
export function batchJobId(plan: BatchPlan, options: BatchRunOptions, account: string | null): string {
  return jobIdFor('bat', {
    account,
    root: plan.root,
    manifest: plan.source.manifest ?? null,
    items: plan.items.map((i) => i.key),
    options: { ...options, concurrency: 0 },
  });
}

function postTextFor(item: PlanItem, o: BatchRunOptions): string | null {
  if (o.noPost) return null;
  if (item.post) return item.post;
  if (o.postTemplate === null) return null;
  return fillPostTemplate(o.postTemplate, {
    name: item.name,
    file: item.video?.split('/').pop() ?? item.name,
    languages: item.subtitles.map((s) => s.displayName),
  });
}

function pendingResult(item: PlanItem): BatchItemResult {
  return {
    key: item.key,
    name: item.name,
    video: item.video,
    status: 'pending',
    jobId: null,
    video_id: item.mediaId,
    subtitles: [],
    post_id: null,
    reason: null,
    error: null,
    errorCode: null,
    finishedAt: null,
  };
}

/** Progress through one item's steps (uploads, associations, the post) from the orchestrator's events. */
function itemProgress(item: PlanItem, posting: boolean): (e: PublishEvent) => number | null {
  const total = (item.mediaId ? 0 : 1) + 2 * item.subtitles.length + (posting ? 1 : 0) || 1;
  let index = -1;
  return (e) => {
    if (e.type === 'step') {
      if (e.step === 'done') return 1;
      if (e.step === 'validate') return 0;
      index = Math.min(index + 1, total - 1);
      return index / total;
    }
    if (e.type === 'skip') {
      if (e.label === 'Everything') return 1;
      index = Math.min(index + 1, total - 1);
      return (index + 1) / total;
    }
    if (e.type === 'upload') {
      const p = e.progress;
      const frac =
        p.phase === 'processing'
          ? 0.9 + (p.processingPercent ?? 0) / 1000
          : (0.9 * p.bytesSent) / Math.max(1, p.totalBytes);
      return Math.min(1, (Math.max(0, index) + frac) / total);
    }
    return null;
  };
}

export class BatchRun {
  readonly jobId: string;
  readonly plan: BatchPlan;
  readonly options: BatchRunOptions;
  readonly #deps: BatchRunDeps;
  readonly #store: JournalStore<BatchRecord>;
  readonly #record: BatchRecord;
  readonly #queue: PlanItem[] = [];
  readonly #running = new Map<string, AbortController>();
  #state: BatchState = 'idle';
  #waiters: Array<() => void> = [];
  #saving: Promise<void> = Promise.resolve();
  #finished: Promise<BatchItemResult[]> | null = null;

  private constructor(
    plan: BatchPlan,
    options: BatchRunOptions,
    deps: BatchRunDeps,
    record: BatchRecord,
    store: JournalStore<BatchRecord>,
  ) {
    this.plan = plan;
    this.options = options;
    this.#deps = deps;
    this.#store = store;
    this.#record = record;
    this.jobId = record.jobId;
  }

  /** A run for this plan, picking up the batch journal of an earlier run of the same batch. */
  static async open(
    plan: BatchPlan,
    options: BatchRunOptions,
    deps: BatchRunDeps,
    corrections: BatchRecord['corrections'] = {},
  ): Promise<BatchRun> {
    const store = new JournalStore(deps.journalDir, BatchRecord);
    const jobId = batchJobId(plan, options, await jobAccount(deps.client, deps.account ?? undefined));
    const now = (deps.now ?? Date.now)();
    const old = await store.load(jobId).catch(() => null);
    const items = plan.items
      .filter((i) => !i.excluded)
      .map((i) => {
        const prev = old?.items.find((r) => r.key === i.key);
        // An item that was running when the process died is pending again: its journal resumes it.
        return prev && prev.status !== 'running' ? prev : pendingResult(i);
      });
    const record: BatchRecord = {
      version: 1,
      jobId,
      kind: 'batch',
      createdAt: old?.createdAt ?? now,
      updatedAt: now,
      status: 'running',
      account: deps.account ?? null,
      source: plan.source,
      corrections,
      options,
      items,
    };
    return new BatchRun(plan, options, deps, record, store);
  }

  get state(): BatchState {
    return this.#state;
  }

  get results(): BatchItemResult[] {
    return this.#record.items.map((r) => ({ ...r, subtitles: [...r.subtitles] }));
  }

  #emit(e: BatchEvent): void {
    this.#deps.onEvent?.(e);
  }

  #overall(): void {
    const items = this.#record.items;
    this.#emit({
      type: 'overall',
      total: items.length,
      done: items.filter((r) => isItemFinished(r.status)).length,
      failed: items.filter((r) => r.status === 'failed').length,
      running: this.#running.size,
      state: this.#state,
    });
  }

  #save(): Promise<void> {
    // Saves are chained so an older snapshot never lands after a newer one.
    this.#record.updatedAt = (this.#deps.now ?? Date.now)();
    const snapshot = structuredClone(this.#record);
    this.#saving = this.#saving.then(() => this.#store.save(snapshot)).catch(() => undefined);
    return this.#saving;
  }

  #result(key: string): BatchItemResult {
    const r = this.#record.items.find((x) => x.key === key);
    if (!r) throw new CuelineError('internal', `No batch item ${key}`);
    return r;
  }

  /** Runs every pending item (and, on a rerun, every item not yet done); resolves with the results. */
  start(): Promise<BatchItemResult[]> {
    if (this.#finished) return this.#finished;
    // Every item goes through the orchestrator again, even one this batch's journal says is done:
    // its publish journal is the truth (an edited subtitle file is a new job), and a finished one
    // answers "skipped" without a request.
    for (const item of this.plan.items) {
      if (item.excluded) continue;
      this.#result(item.key).status = 'pending';
      this.#queue.push(item);
    }
    this.#state = 'running';
    this.#finished = this.#drain();
    return this.#finished;
  }

  async #drain(): Promise<BatchItemResult[]> {
    await this.#save();
    this.#overall();
    const n = Math.max(1, Math.min(this.options.concurrency, 16));
    const workers = Array.from({ length: n }, () => this.#worker());
    await Promise.all(workers);
    const items = this.#record.items;
    if (this.#state === 'cancelling') {
      for (const r of items) if (r.status === 'pending') r.status = 'cancelled';
      this.#record.status = 'cancelled';
    } else {
      this.#record.status = items.every((r) => isItemFinished(r.status)) ? 'completed' : 'failed';
    }
    this.#state = 'finished';
    await this.#save();
    this.#overall();
    return this.results;
  }

  async #worker(): Promise<void> {
    for (;;) {
      while (this.#state === 'paused') await new Promise<void>((r) => this.#waiters.push(r));
      if (this.#state === 'cancelling') return;
      const item = this.#queue.shift();
      if (!item) return;
      await this.#runItem(item);
    }
  }

  async #runItem(item: PlanItem): Promise<void> {
    const r = this.#result(item.key);
    const ac = new AbortController();
    this.#running.set(item.key, ac);
    r.status = 'running';
    r.error = null;
    r.errorCode = null;
    delete r.remedy;
    this.#emit({ type: 'item', key: item.key, status: 'running', step: null, progress: 0 });
    this.#overall();
    const post = postTextFor(item, this.options);
    const progressOf = itemProgress(item, post !== null);
    let step: string | null = null;
    const onEvent = (e: PublishEvent): void => {
      if (e.type === 'step') step = e.label;
      const p = progressOf(e);
      if (p !== null) this.#emit({ type: 'item', key: item.key, status: 'running', step, progress: p });
    };
    r.reason = null;
    try {
      // Nothing to send (a video with no subtitles): listed as skipped, with the reason.
      if (item.skip) {
        r.status = 'skipped';
        r.reason = item.skip;
      } else {
        if (!item.ready)
          throw new CuelineError(
            'batch.invalid_item',
            item.problems.length > 0 ? item.problems.join('; ') : 'Nothing to publish for this video.',
          );
        const problem = post !== null ? postTextProblem(post) : null;
        if (problem) throw new CuelineError('input.post_text', `${item.name}: ${problem}`);
        const subtitles = item.subtitles.map((s) => ({
          path: s.path,
          language: s.language,
          displayName: s.displayName,
        }));
        const deps = {
          client: this.#deps.client,
          journalDir: this.#deps.journalDir,
          probe: this.#deps.probe,
          signal: ac.signal,
          onEvent,
          ...(this.#deps.sleep ? { sleep: this.#deps.sleep } : {}),
          ...(this.#deps.now ? { now: this.#deps.now } : {}),
          ...(this.#deps.account ? { account: this.#deps.account } : {}),
        };
        let out: PublishResult;
        if (item.mediaId) {
          out = await attach(
            { videoId: item.mediaId, subtitles, category: this.options.category, api: this.options.api },
            deps,
          );
        } else {
          out = await publish(
            {
              video: item.videoPath ?? '',
              subtitles,
              category: this.options.category,
              api: this.options.api,
              post,
              ...(this.#deps.limits ? { limits: this.#deps.limits } : {}),
              ...(this.#deps.force ? { force: true } : {}),
              ...(item.altText ? { altText: item.altText } : {}),
              ...(post !== null && item.title ? { title: item.title } : {}),
              ...(post !== null && item.description ? { description: item.description } : {}),
            },
            deps,
          );
        }
        r.status = out.alreadyDone ? 'skipped' : 'published';
        r.reason = out.alreadyDone ? 'already published' : out.postFound ? 'already on X' : null;
        r.jobId = out.jobId;
        r.video_id = out.video.id || null;
        r.subtitles = out.subtitles.map((s) => ({
          file: item.subtitles.find((p) => p.path === s.file)?.file ?? s.file,
          language_code: s.languageCode,
          display_name: s.displayName,
          id: s.id,
        }));
        r.post_id = out.post?.id ?? null;
      }
    } catch (err) {
      const e = toAppError(err);
      const cancelled = e.code === 'job.cancelled' || ac.signal.aborted;
      r.status = cancelled ? 'cancelled' : 'failed';
      r.error = cancelled ? 'Cancelled.' : e.message;
      r.errorCode = cancelled ? 'job.cancelled' : e.code;
      if (!cancelled && e.remedy) r.remedy = e.remedy;
    } finally {
      this.#running.delete(item.key);
    }
    r.finishedAt = (this.#deps.now ?? Date.now)();
    await this.#save();
    this.#emit({
      type: 'item',
      key: item.key,
      status: r.status,
      step: r.status === 'failed' ? r.error : null,
      progress: isItemFinished(r.status) ? 1 : 0,
    });
    this.#overall();
  }

  /** Starts no new item until resume(); items in flight finish. */
  pause(): void {
    if (this.#state !== 'running') return;
    this.#state = 'paused';
    this.#record.status = 'paused';
    void this.#save();
    this.#overall();
  }

  resume(): void {
    if (this.#state !== 'paused') return;
    this.#state = 'running';
    this.#record.status = 'running';
    this.#wakeAll();
    this.#overall();
  }

  #wakeAll(): void {
    for (const w of this.#waiters.splice(0)) w();
  }

  /** Aborts items in flight (down to the HTTP request) and starts no more. */
  cancel(): void {
    if (this.#state === 'finished') return;
    this.#state = 'cancelling';
    for (const ac of this.#running.values()) ac.abort();
    this.#wakeAll();
    this.#overall();
  }
}
