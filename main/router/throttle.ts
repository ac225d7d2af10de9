// Coalesces a stream of values to at most one delivery per interval (~10 Hz for job progress):
// the UI can't use more, and IPC floods stall the renderer.

export interface Throttle<T> {
  push(value: T): void;
  /** Delivers whatever is pending now (before a job's done/failed event). */
  flush(): void;
  cancel(): void;
}

export function createThrottle<T>(
  intervalMs: number,
  deliver: (value: T) => void,
  merge: (pending: T, next: T) => T = (_pending, next) => next,
): Throttle<T> {
  let pending: { value: T } | null = null;
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    last = Date.now();
    deliver(value);
  };

  return {
    push(value) {
      pending = pending ? { value: merge(pending.value, value) } : { value };
      if (timer) return;
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    flush,
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
