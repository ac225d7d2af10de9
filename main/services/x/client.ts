// One HTTP client for X: signing, retries and error mapping. Retries network errors and
// 500/502/503/504 with exponential backoff and jitter (bounded); waits out a 429 until
// x-rate-limit-reset (bounded, cancellable); answers a 401 on OAuth 2.0 by refreshing the token
// once and retrying; retries a 404 only where it can't mean a wrong id (initialize: X's incident
// log shows transient 404s there); never retries other 4xx. Non-idempotent requests (posts) are
// retried only when X can't have acted on them: a refused connection or a 503/429.
import { setTimeout as delay } from 'node:timers/promises';
import { CuelineError } from '../../../shared/errors.ts';
import { cancelledError, xErrorMessage, xHttpError, xNetworkError } from './errors.ts';
import { send } from './http-transport.ts';
import type { StreamBody } from './multipart.ts';
import type { RequestSigner } from './signer.ts';

export const DEFAULT_API_BASE = 'https://api.x.com';
export const DEFAULT_UPLOAD_BASE = 'https://upload.twitter.com';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest wait for a rate-limit window to reset before giving up with x.rate_limited. */
  maxRateLimitWaitMs: number;
  maxRateLimitRetries: number;
  /** Per-attempt timeout (a stalled connection counts as a network error). */
  attemptTimeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRateLimitWaitMs: 16 * 60 * 1000,
  maxRateLimitRetries: 3,
  attemptTimeoutMs: 5 * 60 * 1000,
};

export interface RetryEvent {
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface XClientOptions {
  signer: RequestSigner;
  apiBase?: string;
  uploadBase?: string;
  /**
   * Asked before every request (uploads included) and told how it went: a rate limiter shared by
   * every client of an account (RateLimiter.gateFor).
   */
  gate?: RequestGate;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  onRetry?: (e: RetryEvent) => void;
}

/** Waits until `method url` may be sent; the callback learns X's answer (null: no answer). */
export type RequestGate = (
  method: string,
  url: URL,
  signal: AbortSignal | undefined,
) => Promise<(status: number | null, headers: Headers | null) => void>;

export interface XRequest {
  method: 'GET' | 'POST' | 'DELETE';
  host: 'api' | 'upload';
  path: string;
  query?: Record<string, string>;
  /** JSON body (not part of the OAuth 1.0a signature). */
  json?: unknown;
  /** application/x-www-form-urlencoded body (part of the OAuth 1.0a signature). */
  form?: Record<string, string>;
  /** multipart/form-data body, rebuilt (re-read from disk) for each attempt; not part of the signature. */
  multipart?: () => StreamBody;
  /** Safe to repeat after an ambiguous failure (default true). */
  idempotent?: boolean;
  /** A 404 here names no id, so it is transient (X's incident log): retry it like a 5xx. */
  retryNotFound?: boolean;
  signal?: AbortSignal | undefined;
}

export interface XResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or null for an empty body. */
  body: unknown;
  /** X's errors[] on a 2xx that also carried data (a partial failure). */
  partialErrors?: string;
}

const RETRYABLE = new Set([500, 502, 503, 504]);

async function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  await delay(ms, undefined, signal ? { signal } : {});
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');
}

function refusedConnection(err: unknown): boolean {
  const cause = err instanceof Error ? (err.cause as { code?: string } | undefined) : undefined;
  return cause?.code === 'ECONNREFUSED';
}

export class XClient {
  readonly apiBase: string;
  readonly uploadBase: string;
  readonly authMethod: 'oauth1' | 'oauth2';
  /** The signer's account key and whether X must be asked for it (see RequestSigner). */
  readonly accountKey: string | undefined;
  readonly accountLookup: boolean;
  private readonly signer: RequestSigner;
  private readonly gate: RequestGate | undefined;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly policy: RetryPolicy;
  private readonly onRetry: ((e: RetryEvent) => void) | undefined;

  constructor(opts: XClientOptions) {
    this.signer = opts.signer;
    this.authMethod = opts.signer.method;
    this.accountKey = opts.signer.accountKey;
    this.accountLookup = opts.signer.accountLookup === true;
    this.apiBase = (opts.apiBase ?? DEFAULT_API_BASE).replace(/\/+$/, '');
    this.uploadBase = (opts.uploadBase ?? DEFAULT_UPLOAD_BASE).replace(/\/+$/, '');
    this.gate = opts.gate;
    this.sleep = opts.sleep ?? defaultSleep;
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.policy = { ...DEFAULT_RETRY, ...opts.retry };
    this.onRetry = opts.onRetry;
  }

  private backoff(attempt: number): number {
    const ceiling = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
    // "Equal jitter": at least half the ceiling, so retries never come back-to-back.
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  private async wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await this.sleep(ms, signal);
    } catch (err) {
      if (isAbort(err) || signal?.aborted) throw cancelledError();
      throw err;
    }
  }

  async request(req: XRequest): Promise<XResponse> {
    const base = req.host === 'api' ? this.apiBase : this.uploadBase;
    const url = new URL(base + req.path);
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.append(k, v);
    const href = url.toString();
    const idempotent = req.idempotent ?? true;
    let attempt = 0;
    let rateLimitRetries = 0;
    let refreshed = false;
    for (;;) {
      attempt++;
      if (req.signal?.aborted) throw cancelledError();
      // A rate limiter may hold the request until X's window resets (up to 15 minutes): before it
      // is signed, since an OAuth 1.0a signature carries a timestamp X checks, and before the
      // attempt's timeout starts. Cancellable by the job.
      const settle = await this.gate?.(req.method, url, req.signal);
      let authorization: string;
      try {
        authorization = await this.signer.authorization({
          method: req.method,
          url: href,
          ...(req.form ? { form: req.form } : {}),
        });
      } catch (err) {
        settle?.(null, null);
        throw err;
      }
      const headers: Record<string, string> = { authorization, 'user-agent': 'Cueline' };
      let body: string | undefined;
      if (req.json !== undefined) {
        headers['content-type'] = 'application/json; charset=UTF-8';
        body = JSON.stringify(req.json);
      } else if (req.form) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = new URLSearchParams(req.form).toString();
      }
      const stream = req.multipart?.();
      if (stream) {
        headers['content-type'] = stream.contentType;
        headers['content-length'] = String(stream.length);
      }
      // The attempt's own signal, released when the attempt ends: AbortSignal.timeout keeps its
      // timer (and AbortSignal.any its link to the job's signal) alive for the whole timeout, so a
      // 1 GiB upload's 257 APPENDs left that many behind to be promoted and collected later.
      const attemptCtl = new AbortController();
      const timer = setTimeout(
        () => attemptCtl.abort(new DOMException('The attempt timed out.', 'TimeoutError')),
        this.policy.attemptTimeoutMs,
      );
      const outer = req.signal;
      const onAbort = (): void => attemptCtl.abort(outer?.reason);
      if (outer?.aborted) onAbort();
      else outer?.addEventListener('abort', onAbort, { once: true });
      const signal = attemptCtl.signal;
      let res: { status: number; headers: Headers; text: string };
      try {
        res = await send(href, req.method, headers, stream ?? body, signal);
        settle?.(res.status, res.headers);
      } catch (err) {
        settle?.(null, null);
        if (req.signal?.aborted) throw cancelledError();
        const retryable = idempotent || refusedConnection(err);
        if (retryable && attempt < this.policy.maxAttempts) {
          const d = this.backoff(attempt);
          this.onRetry?.({ attempt, delayMs: d, reason: isAbort(err) ? 'timeout' : 'network' });
          await this.wait(d, req.signal);
          continue;
        }
        throw xNetworkError(err, { method: req.method, url: href });
      } finally {
        clearTimeout(timer);
        outer?.removeEventListener('abort', onAbort);
      }
      const text = res.text;
      let parsed: unknown = null;
      if (text.trim()) {
        try {
          parsed = JSON.parse(text) as unknown;
        } catch {
          parsed = { error: text.slice(0, 500) };
        }
      }
      if (res.status >= 200 && res.status < 300) {
        const errs = xErrorMessage(
          parsed && typeof parsed === 'object' && 'errors' in parsed ? { errors: parsed.errors } : null,
        );
        const hasData = !!parsed && typeof parsed === 'object' && 'data' in parsed;
        if (errs && !hasData) {
          throw new CuelineError(
            'x.api_error',
            `X reported an error for ${req.method} ${url.pathname}: ${errs.message}`,
            {
              status: res.status,
              xMessage: errs.message,
              ...(errs.code !== undefined ? { xCode: errs.code } : {}),
            },
          );
        }
        return {
          status: res.status,
          headers: res.headers,
          body: parsed,
          ...(errs ? { partialErrors: errs.message } : {}),
        };
      }
      if (res.status === 429) {
        const reset = Number(res.headers.get('x-rate-limit-reset'));
        const waitMs =
          Number.isFinite(reset) && reset > 0 ? reset * 1000 - this.now() + 1000 : this.backoff(attempt);
        rateLimitRetries++;
        if (rateLimitRetries <= this.policy.maxRateLimitRetries && waitMs <= this.policy.maxRateLimitWaitMs) {
          const d = Math.max(0, waitMs);
          this.onRetry?.({ attempt, delayMs: d, reason: 'rate_limited' });
          await this.wait(d, req.signal);
          attempt--; // a rate-limit wait is not a failed attempt
          continue;
        }
        throw xHttpError(
          429,
          parsed,
          { method: req.method, url: href },
          Number.isFinite(reset) && reset > 0 ? { rateLimitReset: reset } : {},
        );
      }
      if (res.status === 401 && this.signer.refresh && !refreshed) {
        refreshed = true;
        this.onRetry?.({ attempt, delayMs: 0, reason: 'token refreshed after 401' });
        await this.signer.refresh();
        attempt--; // a refresh is not a failed attempt
        continue;
      }
      const retryable =
        (RETRYABLE.has(res.status) && (idempotent || res.status === 503)) ||
        (res.status === 404 && req.retryNotFound === true);
      if (retryable && attempt < this.policy.maxAttempts) {
        const d = this.backoff(attempt);
        this.onRetry?.({ attempt, delayMs: d, reason: `http ${res.status}` });
        await this.wait(d, req.signal);
        continue;
      }
      throw xHttpError(res.status, parsed, { method: req.method, url: href });
    }
  }
}
