// The one place an XClient is built from the environment, for the app, the CLI and the tests:
// CUELINE_X_API_BASE / CUELINE_X_UPLOAD_BASE point it at the emulator (development, the test
// harness; loopback only in a packaged build, see api-base.ts), CUELINE_X_RETRY_BASE_MS shortens retry back-off (tests), and an optional shared
// RateLimiter makes every client of an account share X's rate-limit windows.
import { xBases } from './api-base.ts';
import { XClient, type RetryEvent, type RetryPolicy } from './client.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { RequestSigner } from './signer.ts';

export interface XClientFactoryOptions {
  /** The signer for an account (the default account when undefined). */
  signerFor(account: string | undefined): Promise<RequestSigner>;
  /** Where CUELINE_X_* come from (default process.env). */
  env?: Record<string, string | undefined>;
  /** Shared by every client the factory makes, keyed by account. */
  limiter?: RateLimiter;
  /** Explicit endpoints and retry policy win over the environment (tests). */
  apiBase?: string;
  uploadBase?: string;
  retry?: Partial<RetryPolicy>;
  onRetry?: (e: RetryEvent) => void;
}

export type XClientFactory = (account: string | undefined) => Promise<XClient>;

export function xClientFactory(o: XClientFactoryOptions): XClientFactory {
  const env = o.env ?? process.env;
  const retryBase = Number(env['CUELINE_X_RETRY_BASE_MS']);
  const retry =
    o.retry ?? (Number.isFinite(retryBase) && retryBase > 0 ? { baseDelayMs: retryBase } : undefined);
  return async (account) => {
    // Checked when a client is made (not at start-up): a refused override fails the job, not the app.
    const bases = xBases(env);
    const apiBase = o.apiBase ?? bases.apiBase;
    const uploadBase = o.uploadBase ?? bases.uploadBase;
    return new XClient({
      signer: await o.signerFor(account),
      ...(o.limiter ? { gate: o.limiter.gateFor(account ?? 'default') } : {}),
      ...(apiBase ? { apiBase } : {}),
      ...(uploadBase ? { uploadBase } : {}),
      ...(retry ? { retry } : {}),
      ...(o.onRetry ? { onRetry: o.onRetry } : {}),
    });
  };
}
