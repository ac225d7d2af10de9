// Progress events go to the window (or the terminal) at most ~10 times a second; the last event
// is never lost (flush), so a bar always ends at 100%.
export interface Throttled<T> {
  (value: T): void;
  flush(): void;
}

export function throttle<T>(
  fn: (value: T) => void,
  intervalMs = 100,
  now: () => number = Date.now,
): Throttled<T> {
  let last = -Infinity;
  let pending: { value: T } | null = null;
  const t = ((value: T) => {
    const n = now();
    if (n - last >= intervalMs) {
      last = n;
      pending = null;
      fn(value);
    } else {
      pending = { value };
    }
  }) as Throttled<T>;
  t.flush = () => {
    if (pending) {
      const p = pending;
      pending = null;
      last = now();
      fn(p.value);
    }
  };
  return t;
}
