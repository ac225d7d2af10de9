// Long jobs started from this window (waveform, upload, batch…): progress for the status bar and
// an announcement for the live region, under human labels (never a channel name). Events come
// through window.cueline.on; runJob (run-job.ts) names each job it starts.
import { cueline, type JobChannel } from '../lib/cueline-api.ts';
import { appErrorText } from '../lib/remedy-text.ts';

/** How the app names each kind of job (never the internal channel name). */
const JOB_LABELS: Record<JobChannel, string> = {
  'media:waveform': 'Reading the audio waveform',
  'media:thumbnails': 'Making thumbnails',
  'media:shotChanges': 'Finding shot changes',
  'publish:start': 'Publishing to X',
  'publish:attach': 'Attaching captions',
  'publish:replace': 'Replacing captions',
  'publish:fixVideo': 'Making an X-ready copy',
  'batch:run': 'Publishing the batch',
  'batch:continue': 'Resuming the batch',
  'batch:fixVideo': 'Making an X-ready copy',
  'accounts:signInOAuth2': 'Signing in to X',
};

export function jobLabel(channel: string): string {
  return (JOB_LABELS as Record<string, string>)[channel] ?? 'Working';
}

export interface JobView {
  jobId: string;
  channel: string;
  label: string;
  fraction: number | null;
  state: 'running' | 'done' | 'failed';
  message?: string;
}

function fractionOf(progress: unknown): number | null {
  if (progress && typeof progress === 'object') {
    const p = progress as Record<string, unknown>;
    if (typeof p['fraction'] === 'number') return p['fraction'];
    if (typeof p['percent'] === 'number') return p['percent'] / 100;
    if (typeof p['done'] === 'number' && typeof p['total'] === 'number' && p['total'] > 0)
      return p['done'] / p['total'];
  }
  return null;
}

export class JobsStore {
  jobs: readonly JobView[] = $state.raw([]);
  /** The latest sentence for screen readers (a polite live region reads it). */
  announcement = $state('');
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain value built from immutable state
  #labels = new Map<string, string>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain value built from immutable state
  #lastAnnounced = new Map<string, number>();

  constructor() {
    cueline.on('job:progress', (e) => {
      const fraction = fractionOf(e.progress);
      this.#upsert({
        jobId: e.jobId,
        channel: e.channel,
        label: this.#label(e.jobId, e.channel),
        fraction,
        state: 'running',
      });
      // Announce in 25 % steps: every throttled tick would drown the screen reader.
      if (fraction !== null) {
        const step = Math.floor(fraction * 4);
        if (step !== this.#lastAnnounced.get(e.jobId)) {
          this.#lastAnnounced.set(e.jobId, step);
          this.announcement = `${this.#label(e.jobId, e.channel)}: ${Math.round(fraction * 100)} %`;
        }
      }
    });
    cueline.on('job:done', (e) => {
      this.#upsert({
        jobId: e.jobId,
        channel: e.channel,
        label: this.#label(e.jobId, e.channel),
        fraction: 1,
        state: 'done',
      });
      this.announcement = `${this.#label(e.jobId, e.channel)}: done`;
      this.#forget(e.jobId);
    });
    cueline.on('job:failed', (e) => {
      this.#upsert({
        jobId: e.jobId,
        channel: e.channel,
        label: this.#label(e.jobId, e.channel),
        fraction: null,
        state: 'failed',
        message: appErrorText(e.error),
      });
      this.announcement = `${this.#label(e.jobId, e.channel)} failed: ${appErrorText(e.error)}`;
      this.#forget(e.jobId);
    });
  }

  /** Names a job the app started, for the status bar and announcements. */
  track(jobId: string, label: string): void {
    this.#labels.set(jobId, label);
  }

  get running(): JobView[] {
    return this.jobs.filter((j) => j.state === 'running');
  }

  async cancel(jobId: string): Promise<void> {
    await cueline.jobs.cancel({ jobId });
  }

  #label(jobId: string, channel: string): string {
    return this.#labels.get(jobId) ?? jobLabel(channel);
  }
  #upsert(j: JobView): void {
    const i = this.jobs.findIndex((x) => x.jobId === j.jobId);
    this.jobs = i < 0 ? [...this.jobs, j] : this.jobs.map((x, k) => (k === i ? j : x));
  }
  #forget(jobId: string): void {
    setTimeout(() => {
      this.jobs = this.jobs.filter((j) => j.jobId !== jobId);
      this.#labels.delete(jobId);
      this.#lastAnnounced.delete(jobId);
    }, 4000);
  }
}

/** The window's jobs: every job started from this window, whoever started it (runJob registers them). */
export const jobsStore = new JobsStore();
