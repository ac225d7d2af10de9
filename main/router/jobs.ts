// Long work runs as a job: an id straight away, progress events to the window that started it,
// cancellation through an AbortSignal, and a done/failed event at the end.
import { randomUUID } from 'node:crypto';
import { toAppError } from '../../shared/errors.ts';
import type { JobDef } from '../../shared/ipc/define.ts';
import { createThrottle } from '../services/jobs/throttle.ts';
import type { EventSink, JobContext } from './types.ts';

export const PROGRESS_INTERVAL_MS = 100;

interface RunningJob {
  sinkId: string;
  controller: AbortController;
}

export interface JobRunner {
  start(
    channel: string,
    def: JobDef,
    sink: EventSink,
    run: (job: JobContext<unknown>) => Promise<unknown>,
    check?: { progress(v: unknown): unknown; result(v: unknown): unknown },
  ): string;
  /** Cancels a job started by this sink; false when unknown, finished or someone else's. */
  cancel(jobId: string, sinkId: string): boolean;
  /** Cancels every job of a window (it closed). */
  cancelAllFor(sinkId: string): number;
  running(): number;
  /** Resolves when every running job has ended (tests, shutdown). */
  idle(): Promise<void>;
}

export function createJobRunner(): JobRunner {
  const jobs = new Map<string, RunningJob>();
  const endings = new Set<Promise<void>>();
  const send = (sink: EventSink, event: string, payload: unknown): void => {
    if (!sink.isClosed()) sink.send(event, payload);
  };

  return {
    start(channel, def, sink, run, check) {
      const jobId = randomUUID();
      const controller = new AbortController();
      jobs.set(jobId, { sinkId: sink.id, controller });
      const throttle = createThrottle<unknown>(
        PROGRESS_INTERVAL_MS,
        (progress) => send(sink, 'job:progress', { jobId, channel, progress }),
        { merge: def.mergeProgress as ((a: unknown, b: unknown) => unknown) | undefined },
      );
      const ctx: JobContext<unknown> = {
        jobId,
        signal: controller.signal,
        progress: (value) => {
          if (!controller.signal.aborted) throttle.push(check ? check.progress(value) : value);
        },
      };
      // Started on the next tick so the renderer has the job id before the first event.
      const ending = new Promise<void>((r) => setImmediate(r))
        .then(() => run(ctx))
        .then((result) => {
          const value = check ? check.result(result) : result;
          if (controller.signal.aborted) throw controller.signal.reason;
          throttle.flush();
          send(sink, 'job:done', { jobId, channel, result: value });
        })
        .catch((err: unknown) => {
          // The last progress before a failure says where it failed (a step list marks that step);
          // after a cancel nothing more is reported.
          if (controller.signal.aborted) throttle.cancel();
          else throttle.flush();
          const error = controller.signal.aborted
            ? { code: 'job.cancelled', message: 'The job was cancelled.' }
            : toAppError(err);
          send(sink, 'job:failed', { jobId, channel, error });
        })
        .finally(() => {
          jobs.delete(jobId);
          endings.delete(ending);
        });
      endings.add(ending);
      return jobId;
    },
    cancel(jobId, sinkId) {
      const job = jobs.get(jobId);
      if (!job || job.sinkId !== sinkId || job.controller.signal.aborted) return false;
      job.controller.abort(new Error('cancelled'));
      return true;
    },
    cancelAllFor(sinkId) {
      let n = 0;
      for (const job of jobs.values()) {
        if (job.sinkId === sinkId && !job.controller.signal.aborted) {
          job.controller.abort(new Error('window closed'));
          n += 1;
        }
      }
      return n;
    },
    running: () => jobs.size,
    idle: async () => {
      while (endings.size > 0) await Promise.all([...endings]);
    },
  };
}
