// Coalesces a stream of values to at most one delivery per interval (~10 Hz for job progress): the
// UI can't use more, and IPC floods stall the renderer. The latest value wins (or `merge` combines
// them); `flush` delivers what is pending (before a job's end, so a bar always ends at 100%).

export interface Throttle<T> {
  push(value: T): void;
  /** Delivers whatever is pending now (before a job's done/failed event). */
  flush(): void;
  /** Drops what is pending. */
  cancel(): void;
}

export interface ThrottleOptions<T> {
  merge?: ((pending: T, next: T) => T) | undefined;
  now?: () => number;
  /**
   * Deliver a pending value when the interval ends even if nothing else arrives (default). Off, a
   * value waits for the next push or `flush`: no timer outlives a step that failed.
   */
  trailing?: boolean;
}

export function createThrottle<T>(
  intervalMs: number,
  deliver: (value: T) => void,
  o: ThrottleOptions<T> = {},
): Throttle<T> {
  const merge = o.merge ?? ((_pending: T, next: T) => next);
  const now = o.now ?? Date.now;
  const trailing = o.trailing ?? true;
  let pending: { value: T } | null = null;
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const clear = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const flush = (): void => {
    clear();
    if (!pending) return;
    const { value } = pending;
    pending = null;
    last = now();
    deliver(value);
  };

  return {
    push(value) {
      pending = pending ? { value: merge(pending.value, value) } : { value };
      const wait = last + intervalMs - now();
      if (wait <= 0) flush();
      else if (trailing && !timer) timer = setTimeout(flush, wait);
    },
    flush,
    cancel() {
      clear();
      pending = null;
    },
  };
}
