// The Publish dialog's state beyond its form: the pre-flight, the running job (its step list,
// upload figures, result or failure), the pre-flight's Fix, and the draft remembered per video
// (post text, alt text, card title and description). The dialog reads it and calls these methods;
// only this store talks to main.
import type {
  PreflightResult,
  PublishDraft,
  PublishProgress,
  PublishResultMessage,
} from '../../../shared/ipc/channels/publish.ts';
import type { MediaCategory } from '../../../shared/media/constraints.ts';
import { cueline, type IpcError, type RequestOf } from '../lib/cueline-api.ts';
import { runJob, type JobHandlers } from '../state/run-job.ts';
import { applyProgress, finishSteps, planSteps, type StepItem, type StepPlan } from './publish-steps.ts';

/** A resumed upload's bar starts where X had it: the "resuming at" figure stays beside it. */
export type UploadFigures = NonNullable<PublishProgress['upload']>;

export class PublishStore {
  preflight = $state<PreflightResult | null>(null);
  checking = $state(false);
  jobId = $state<string | null>(null);
  /** The job's steps, in order, with their state. */
  items: StepItem[] = $state([]);
  /** The latest upload figures of the video (bar, rate, ETA) or X's processing. */
  upload = $state<UploadFigures | null>(null);
  result = $state<PublishResultMessage | null>(null);
  failure = $state<IpcError | null>(null);
  /** The transcoded copy once the pre-flight's Fix ran; published instead of the original. */
  fixed = $state<{ fileId: string; name: string } | null>(null);
  /** The Fix's progress 0..1 while ffmpeg runs. */
  fixing = $state<number | null>(null);
  /** The remembered draft of the open video (loaded once per video). */
  draft = $state<PublishDraft>({ post: '', altText: '', title: '', description: '' });
  draftLoaded = $state(false);
  #draftTimer: ReturnType<typeof setTimeout> | undefined;

  /** Checks the inputs (nothing is sent to X). */
  async check(request: RequestOf<'publish:preflight'>): Promise<void> {
    const r = await cueline.publish.preflight(request);
    this.checking = false;
    this.preflight = r.ok ? r.value : null;
    if (!r.ok) this.failure = r.error;
  }

  /** Reads the draft remembered for this video. */
  async loadDraft(video: string): Promise<void> {
    const r = await cueline.publish.getDraft({ video });
    if (r.ok) this.draft = r.value;
    this.draftLoaded = true;
  }

  /** Remembers the draft for this video (debounced: typing; `flushDraft` saves it at once). */
  saveDraft(video: string, draft: PublishDraft): void {
    this.draft = draft;
    clearTimeout(this.#draftTimer);
    this.#pendingDraft = () => void cueline.publish.saveDraft({ video, draft });
    this.#draftTimer = setTimeout(() => this.flushDraft(), 400);
  }
  #pendingDraft: (() => void) | null = null;

  /** Saves a draft still waiting for its debounce (the dialog is closing). */
  flushDraft(): void {
    clearTimeout(this.#draftTimer);
    const save = this.#pendingDraft;
    this.#pendingDraft = null;
    save?.();
  }

  /** Publishes (before-posting flow) or attaches to a video already on X (after posting). */
  async start(
    job:
      | { channel: 'publish:start'; request: RequestOf<'publish:start'> }
      | { channel: 'publish:attach'; request: RequestOf<'publish:attach'> },
    plan: StepPlan,
  ): Promise<void> {
    this.failure = null;
    this.result = null;
    this.upload = null;
    this.items = planSteps(plan);
    const handlers: JobHandlers<'publish:start' | 'publish:attach'> = {
      started: (id) => (this.jobId = id),
      progress: (pr) => {
        this.items = applyProgress(this.items, pr);
        if (pr.upload && pr.step === 'upload-video') this.upload = pr.upload;
        else if (pr.upload === null && pr.step !== 'note' && pr.step !== 'retry') this.upload = null;
      },
      done: (v) => {
        this.items = finishSteps(this.items, false);
        this.result = v;
        this.jobId = null;
        this.upload = null;
      },
      failed: (e) => {
        this.items = finishSteps(this.items, true);
        this.failure = e;
        this.jobId = null;
        this.upload = null;
      },
    };
    const r =
      job.channel === 'publish:attach'
        ? await runJob('publish:attach', job.request, handlers)
        : await runJob('publish:start', job.request, handlers);
    if (!r.ok) {
      this.items = [];
      this.failure = r.error;
      return;
    }
    this.jobId = this.result || this.failure ? null : r.value.jobId;
  }

  /** The pre-flight's Fix: an X-ready copy of the video, published in its place. */
  async fixVideo(video: string, category: MediaCategory): Promise<void> {
    this.failure = null;
    this.fixing = 0;
    const r = await runJob(
      'publish:fixVideo',
      { video, category },
      {
        progress: (p) => (this.fixing = p.fraction),
        done: (ref) => {
          this.fixed = { fileId: ref.id, name: ref.name };
          this.fixing = null;
        },
        failed: (e) => {
          this.failure = e;
          this.fixing = null;
        },
      },
    );
    if (!r.ok) {
      this.failure = r.error;
      this.fixing = null;
    }
  }

  cancel(): void {
    if (this.jobId) void cueline.jobs.cancel({ jobId: this.jobId });
  }

  /** Back to the form after a job ended (its result or failure is cleared). */
  reset(): void {
    this.items = [];
    this.result = null;
    this.failure = null;
    this.upload = null;
  }
}
