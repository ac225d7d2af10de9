// One rate limiter shared by every request an account makes (a whole batch, the app's publish
// dialog and history actions), keyed per account and endpoint. X says how much is left in
// x-rate-limit-remaining and when the window resets in x-rate-limit-reset (epoch seconds); when a
// window is spent, requests wait for the reset instead of drawing 429s (x-api.md "Limits").
// XClient asks it before every request: `new XClient({ gate: limiter.gateFor(account) })`.
import { setTimeout as delay } from 'node:timers/promises';
import type { RequestGate } from './client.ts';
import { cancelledError } from './errors.ts';

interface Bucket {
  /** What X last said is left in this window, minus requests sent since. */
  remaining: number | null;
  /** Epoch ms when the window resets. */
  resetAt: number;
  inFlight: number;
}

export interface RateLimitWait {
  key: string;
  waitMs: number;
}

export interface RateLimiterOptions {
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told when a request waits for a window to reset (progress: "waiting for X's rate limit"). */
  onWait?: (w: RateLimitWait) => void;
  /** Added to the reset time: X's clock and ours differ by a little. */
  marginMs?: number;
}

/** The endpoint a request counts against: ids taken out of the path, v1.1 commands kept apart. */
export function endpointOf(method: string, url: URL): string {
  const path = url.pathname.replace(
    /\/2\/media\/upload\/[^/]+\/(append|finalize)$/,
    '/2/media/upload/:id/$1',
  );
  if (path === '/1.1/media/upload.json' && url.searchParams.get('command') === 'STATUS')
    return `${method} ${path}?STATUS`;
  return `${method} ${path}`;
}

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #now: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #onWait: ((w: RateLimitWait) => void) | undefined;
  readonly #margin: number;
  /** Requests that waited, and for how long in all (figures for the bench and the UI). */
  waits = 0;
  waitedMs = 0;

  constructor(opts: RateLimiterOptions = {}) {
    this.#now = opts.now ?? Date.now;
    this.#sleep =
      opts.sleep ?? ((ms, signal) => delay(ms, undefined, signal ? { signal } : {}).then(() => undefined));
    this.#onWait = opts.onWait;
    this.#margin = opts.marginMs ?? 1000;
  }

  #bucket(key: string): Bucket {
    let b = this.#buckets.get(key);
    if (!b) {
      b = { remaining: null, resetAt: 0, inFlight: 0 };
      this.#buckets.set(key, b);
    }
    return b;
  }

  /** Waits while the window is spent (counting requests already on their way), then takes a slot. */
  async acquire(key: string, signal?: AbortSignal): Promise<void> {
    const b = this.#bucket(key);
    for (;;) {
      if (signal?.aborted) throw cancelledError();
      const now = this.#now();
      if (b.remaining !== null && b.resetAt <= now) b.remaining = null; // a new window
      if (b.remaining === null || b.remaining - b.inFlight > 0) break;
      const waitMs = b.resetAt - now + this.#margin;
      this.waits++;
      this.waitedMs += waitMs;
      this.#onWait?.({ key, waitMs });
      try {
        await this.#sleep(waitMs, signal);
      } catch {
        throw cancelledError();
      }
      // Whoever wakes first after the reset learns the new window from X's answer.
      if (b.resetAt <= this.#now()) b.remaining = null;
    }
    b.inFlight++;
  }

  /** Learns the window from X's answer (a 429 without headers spends it for a minute). */
  observe(key: string, status: number | null, headers: Headers | null): void {
    const b = this.#bucket(key);
    b.inFlight = Math.max(0, b.inFlight - 1);
    if (!headers) return;
    const remaining = Number(headers.get('x-rate-limit-remaining') ?? NaN);
    const reset = Number(headers.get('x-rate-limit-reset') ?? NaN);
    if (Number.isFinite(reset) && reset > 0) b.resetAt = reset * 1000;
    if (Number.isFinite(remaining)) b.remaining = remaining;
    if (status === 429) {
      b.remaining = 0;
      if (!(Number.isFinite(reset) && reset > 0)) b.resetAt = this.#now() + 60_000;
    }
  }

  /** XClient's gate for `account`: each request waits under its endpoint's bucket, then reports X's answer. */
  gateFor(account: string): RequestGate {
    return async (method, url, signal) => {
      const key = `${account} ${endpointOf(method.toUpperCase(), url)}`;
      await this.acquire(key, signal);
      return (status, headers) => this.observe(key, status, headers);
    };
  }

  /** The current view of one bucket (tests, diagnostics). */
  peek(key: string): { remaining: number | null; resetAt: number; inFlight: number } | undefined {
    const b = this.#buckets.get(key);
    return b ? { ...b } : undefined;
  }
}
