// The one way the renderer starts a job: `runJob(channel, request, handlers)` calls the channel,
// follows that job's events with the types the contract declares for the channel (progress and
// result), and registers the job with the jobs store under a human label, so one place knows
// every running job (the status bar reads it). Components never filter job events by id.
import type { IpcError } from '../../../shared/ipc/result.ts';
import {
  cueline,
  type JobChannel,
  type JobProgressOf,
  type JobResultOf,
  type RequestOf,
  type Result,
} from '../lib/cueline-api.ts';
import { jobLabel, jobsStore } from './jobs.svelte.ts';

export interface JobHandlers<K extends JobChannel> {
  /** Main accepted the job: called before any of its events. */
  started?: (jobId: string) => void;
  progress?: (p: JobProgressOf<K>) => void;
  done?: (r: JobResultOf<K>) => void;
  failed?: (e: IpcError) => void;
  /** What the status bar calls it (default: the channel's own label, see jobLabel). */
  label?: string;
}

export interface RunningJob {
  jobId: string;
  cancel(): Promise<void>;
  /** Stops following the job (it keeps running in main). */
  stopWatching(): void;
}

type Start = (request: unknown) => Promise<Result<{ jobId: string }>>;

function starter(channel: JobChannel): Start {
  const [area, verb] = channel.split(':') as [string, string];
  const methods = (cueline as unknown as Record<string, Record<string, Start>>)[area];
  const start = methods?.[verb];
  if (!start) throw new Error(`window.cueline has no ${channel}`);
  return start;
}

/**
 * Starts the job; resolves with it once main has replied, or with the reply's error (the job never
 * started: `failed` is not called). Events are followed from before the call, since a job's first
 * events may arrive before the reply that names it.
 */
export async function runJob<K extends JobChannel>(
  channel: K,
  request: RequestOf<K>,
  h: JobHandlers<K> = {},
): Promise<Result<RunningJob>> {
  let id: string | null = null;
  const early: Array<() => void> = [];
  const forJob = (jobId: string, act: () => void): void => {
    if (id === null) early.push(() => jobId === id && act());
    else if (jobId === id) act();
  };
  // The router checked progress and result against this channel's schemas before sending them
  // (shared/ipc contract), and events name their channel: this is where they get their types.
  const offs = [
    cueline.on('job:progress', (e) => forJob(e.jobId, () => h.progress?.(e.progress as JobProgressOf<K>))),
    cueline.on('job:done', (e) =>
      forJob(e.jobId, () => {
        stop();
        h.done?.(e.result as JobResultOf<K>);
      }),
    ),
    cueline.on('job:failed', (e) =>
      forJob(e.jobId, () => {
        stop();
        h.failed?.(e.error);
      }),
    ),
  ];
  const stop = (): void => {
    for (const off of offs.splice(0)) off();
  };
  const r = await starter(channel)(request);
  if (!r.ok) {
    stop();
    return r;
  }
  const jobId = r.value.jobId;
  id = jobId;
  jobsStore.track(jobId, h.label ?? jobLabel(channel));
  h.started?.(jobId);
  for (const replay of early.splice(0)) replay();
  return {
    ok: true,
    value: { jobId, cancel: () => jobsStore.cancel(jobId), stopWatching: stop },
  };
}
