// The Publish dialog's state beyond its form: the pre-flight, the running job (steps, upload
// progress, result or failure) and the pre-flight's Fix. The dialog reads it and calls these
// methods; only this store talks to main.
import type {
  PreflightResult,
  PublishProgress,
  PublishResultMessage,
} from '../../../shared/ipc/channels/publish.ts';
import type { MediaCategory } from '../../../shared/media/constraints.ts';
import { cueline, type IpcError, type RequestOf } from '../lib/cueline-api.ts';
import { runJob, type JobHandlers } from '../state/run-job.ts';

export class PublishStore {
  preflight = $state<PreflightResult | null>(null);
  checking = $state(false);
  jobId = $state<string | null>(null);
  steps: Array<{ step: string; label: string }> = $state([]);
  upload = $state<PublishProgress['upload']>(null);
  result = $state<PublishResultMessage | null>(null);
  failure = $state<IpcError | null>(null);
  /** The transcoded copy once the pre-flight's Fix ran; published instead of the original. */
  fixed = $state<{ fileId: string; name: string } | null>(null);
  /** The Fix's progress 0..1 while ffmpeg runs. */
  fixing = $state<number | null>(null);

  /** Checks the inputs (nothing is sent to X). */
  async check(request: RequestOf<'publish:preflight'>): Promise<void> {
    const r = await cueline.publish.preflight(request);
    this.checking = false;
    this.preflight = r.ok ? r.value : null;
    if (!r.ok) this.failure = r.error;
  }

  /** Publishes (before-posting flow) or attaches to a video already on X (after posting). */
  async start(
    job:
      | { channel: 'publish:start'; request: RequestOf<'publish:start'> }
      | { channel: 'publish:attach'; request: RequestOf<'publish:attach'> },
  ): Promise<void> {
    this.failure = null;
    this.result = null;
    this.steps = [];
    this.upload = null;
    const handlers: JobHandlers<'publish:start' | 'publish:attach'> = {
      progress: (pr) => {
        this.upload = pr.upload;
        if (pr.upload === null && this.steps.at(-1)?.label !== pr.label)
          this.steps = [...this.steps, { step: pr.step, label: pr.label }];
      },
      done: (v) => {
        this.result = v;
        this.jobId = null;
        this.upload = null;
      },
      failed: (e) => {
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
      this.failure = r.error;
      return;
    }
    this.jobId = r.value.jobId;
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
}
