// The batch view's state beyond its form: the plan, the unfinished batches, the running batch
// (its progress snapshot, pause/resume, its end), the plan rows being fixed, the export. The view
// reads it and calls these methods; only this store talks to main.
import type { BatchProgress } from '../../../shared/ipc/channels/batch.ts';
import type { FileRef } from '../../../shared/ipc/common.ts';
import type { MediaCategory } from '../../../shared/media/constraints.ts';
import { cueline, type RequestOf, type ResponseOf, type Result } from '../lib/cueline-api.ts';
import { appErrorText } from '../lib/remedy-text.ts';
import { runJob, type JobHandlers, type RunningJob } from '../state/run-job.ts';

/** What the plan was made from: a folder, or a manifest (its folder is the base). */
type Source = { folder?: string | undefined; manifest?: string | undefined };

/** The batch view's form: kept with the store so closing the view (the batch runs on) loses nothing. */
export interface BatchForm {
  folder: FileRef | null;
  manifest: FileRef | null;
  recursive: boolean;
  defaultLanguage: string;
  category: MediaCategory;
  concurrency: number;
  /** The account the batch publishes with ('' while none is signed in). */
  account: string;
  post: boolean;
  postTemplate: string;
  languages: Record<string, string>;
  excludedFiles: string[];
  excludedItems: string[];
  /** Item key → alt text, card title, description as edited in the plan (over the manifest's). */
  fields: Record<string, { altText?: string; title?: string; description?: string }>;
}

export class BatchStore {
  form = $state<BatchForm>({
    folder: null,
    manifest: null,
    recursive: false,
    defaultLanguage: '',
    category: 'tweet_video',
    concurrency: 2,
    account: '',
    post: false,
    postTemplate: '{name}',
    languages: {},
    excludedFiles: [],
    excludedItems: [],
    fields: {},
  });
  plan = $state<ResponseOf<'batch:plan'> | null>(null);
  planning = $state(false);
  unfinished = $state<ResponseOf<'batch:unfinished'>>([]);
  jobId = $state<string | null>(null);
  progress = $state<BatchProgress | null>(null);
  final = $state<{ batchId: string; status: string } | null>(null);
  error = $state<string | null>(null);
  exported = $state<string | null>(null);
  /** Fix (transcode) per plan item key: its progress 0..1 while ffmpeg runs. */
  fixing = $state<Record<string, number>>({});
  /** Bumped to plan again with the same inputs (a Fix made an X-ready copy). */
  replan = $state(0);

  async loadUnfinished(): Promise<void> {
    const r = await cueline.batch.unfinished();
    if (r.ok) this.unfinished = r.value;
  }

  async makePlan(request: RequestOf<'batch:plan'>): Promise<void> {
    const r = await cueline.batch.plan(request);
    this.planning = false;
    if (r.ok) {
      this.plan = r.value;
      this.error = null;
    } else this.error = appErrorText(r.error);
  }

  /** Forgets the plan and its corrections (another folder or manifest was chosen). */
  clear(): void {
    this.form.languages = {};
    this.form.excludedFiles = [];
    this.form.excludedItems = [];
    this.form.fields = {};
    this.fixing = {};
    this.plan = null;
    this.error = null;
  }

  /** Plans this folder or manifest from now on. */
  use(f: FileRef): void {
    this.clear();
    this.form.folder = f.kind === 'folder' ? f : null;
    this.form.manifest = f.kind === 'manifest' ? f : null;
  }

  /** Items finished so far (done or failed). */
  get finishedCount(): number {
    return (this.progress?.done ?? 0) + (this.progress?.failed ?? 0);
  }

  /** "3 of 3 finished · 3 skipped (already published) · completed": never "published" for a skipped item. */
  get summary(): string {
    const p = this.progress;
    if (!p) return '';
    const published = p.items.filter((i) => i.status === 'published').length;
    const skipped = skippedCounts(
      p.items.map((i) => (i.status === 'skipped' ? (i.reason ?? 'already published') : null)),
    );
    return [
      `${this.finishedCount} of ${p.total} finished`,
      ...(published ? [`${published} published`] : []),
      ...skipped,
      ...(p.failed ? [`${p.failed} failed`] : []),
      p.state === 'finished' ? (this.final?.status ?? 'finished') : p.state,
    ].join(' · ');
  }

  /** A batch is running (or pausing): the status bar shows it; the view may be closed. */
  get running(): boolean {
    return this.jobId !== null;
  }

  /** Choices asked for so far: only the latest one's answer is used. */
  #choices = 0;

  /**
   * A folder to pair, or a manifest whose rows replace the pairing; null when the user cancelled,
   * or chose again before this answer came (main checks a folder before answering: a folder
   * chosen first must not replace a manifest chosen after it).
   */
  async choose(kind: 'folder' | 'manifest'): Promise<FileRef | null> {
    const mine = ++this.#choices;
    const r = kind === 'folder' ? await cueline.files.openFolder() : await cueline.files.openManifest();
    if (mine !== this.#choices) return null;
    if (!r.ok) {
      this.error = appErrorText(r.error);
      return null;
    }
    return r.value;
  }

  /** Transcodes the item's video into its X-ready copy; the plan then uploads the copy instead. */
  async fix(key: string, video: string, source: Source, category: MediaCategory): Promise<void> {
    if (key in this.fixing) return;
    this.error = null;
    const end = (): void => {
      const { [key]: _, ...rest } = this.fixing;
      this.fixing = rest;
    };
    this.fixing = { ...this.fixing, [key]: 0 };
    const r = await runJob(
      'batch:fixVideo',
      { ...source, video, category },
      {
        progress: (p) => (this.fixing = { ...this.fixing, [key]: p.fraction }),
        done: () => {
          end();
          this.replan += 1;
        },
        failed: (e) => {
          end();
          if (e.code !== 'job.cancelled') this.error = `${video}: ${appErrorText(e)}`;
        },
      },
    );
    if (!r.ok) {
      end();
      this.error = appErrorText(r.error);
    }
  }

  readonly #follow: JobHandlers<'batch:run' | 'batch:continue'> = {
    progress: (p) => (this.progress = p),
    done: (r) => {
      this.final = { batchId: r.batchId, status: r.status };
      this.progress = {
        ...(this.progress ?? { batchId: r.batchId, total: r.items.length, running: 0 }),
        state: 'finished',
        items: r.items,
        done: r.items.filter((i) => i.status === 'published' || i.status === 'skipped').length,
        failed: r.items.filter((i) => i.status === 'failed').length,
      };
      this.jobId = null;
      void this.loadUnfinished();
    },
    failed: (e) => {
      const progress = this.progress;
      this.final = progress
        ? { batchId: progress.batchId, status: e.code === 'job.cancelled' ? 'cancelled' : 'failed' }
        : null;
      if (e.code !== 'job.cancelled') this.error = appErrorText(e);
      // The job ended without a result: items it had not finished did not finish.
      if (progress)
        this.progress = {
          ...progress,
          state: 'finished',
          items: progress.items.map((i) =>
            i.status === 'running' || i.status === 'pending' ? { ...i, status: 'cancelled', step: null } : i,
          ),
        };
      this.jobId = null;
      void this.loadUnfinished();
    },
  };

  #beforeStart(): void {
    this.error = null;
    this.final = null;
    this.exported = null;
  }

  #started(r: Result<RunningJob>): void {
    if (!r.ok) this.error = appErrorText(r.error);
    else this.jobId = r.value.jobId;
  }

  async run(request: RequestOf<'batch:run'>): Promise<void> {
    this.#beforeStart();
    this.#started(await runJob('batch:run', request, this.#follow));
  }

  /** Runs an unfinished batch again (force: post where a post may already be on X). */
  async resume(batchId: string, concurrency: number, force = false): Promise<void> {
    this.#beforeStart();
    this.#started(
      await runJob(
        'batch:continue',
        { batchId, concurrency, ...(force ? { force: true } : {}) },
        this.#follow,
      ),
    );
  }

  async control(action: 'pause' | 'resume'): Promise<void> {
    if (!this.jobId) return;
    const r = await cueline.batch.control({ jobId: this.jobId, action });
    if (r.ok && this.progress) this.progress = { ...this.progress, state: r.value.state };
  }

  cancel(): void {
    if (this.jobId) void cueline.jobs.cancel({ jobId: this.jobId });
  }

  async exportAs(format: 'csv' | 'json'): Promise<void> {
    if (!this.final) return;
    const r = await cueline.batch.export({ batchId: this.final.batchId, format });
    this.exported = r.ok ? `Saved ${r.value.name} in the batch folder.` : appErrorText(r.error);
  }
}

/** "1 skipped (no subtitles)", one per reason: a skipped item is never counted as ready or published. */
export function skippedCounts(reasons: ReadonlyArray<string | null>): string[] {
  const counts: Record<string, number> = {};
  for (const r of reasons) if (r !== null) counts[r] = (counts[r] ?? 0) + 1;
  return Object.entries(counts).map(([reason, n]) => `${n} skipped (${reason})`);
}

/** The app's one batch: it outlives the batch view, so a run goes on while the editor is used. */
export const batchStore = new BatchStore();
