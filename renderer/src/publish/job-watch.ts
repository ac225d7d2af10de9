// Follows one job started from this window: its progress, its end. Unsubscribes itself at the end.
import { cueline } from '../lib/cueline-api.ts';

export interface JobHandlers {
  progress?: (p: unknown) => void;
  done?: (r: unknown) => void;
  failed?: (e: { code: string; message: string }) => void;
}

export function watchJob(jobId: string, h: JobHandlers): () => void {
  const offs = [
    cueline.on('job:progress', (e) => {
      if (e.jobId === jobId) h.progress?.(e.progress);
    }),
    cueline.on('job:done', (e) => {
      if (e.jobId !== jobId) return;
      off();
      h.done?.(e.result);
    }),
    cueline.on('job:failed', (e) => {
      if (e.jobId !== jobId) return;
      off();
      h.failed?.(e.error);
    }),
  ];
  const off = (): void => {
    for (const o of offs.splice(0)) o();
  };
  return off;
}
