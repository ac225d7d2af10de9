// What publishing needs from its host (the app, the test harness): an X client per account, the
// user-data folder (journals in jobs/, track files in publish-inputs/, history notes in history/),
// a probe, and optionally a notifier. `defaultPublishing` is the app's: accounts from the keychain
// (AuthService) and one RateLimiter for every client, so the dialog, history actions and batches
// share X's windows.
import { JournalStore } from '../jobs/journal.ts';
import type { Notifier } from '../jobs/notify.ts';
import type { XClient } from '../x/client.ts';
import { xClientFactory } from '../x/client-factory.ts';
import { RateLimiter } from '../x/rate-limiter.ts';
import type { RequestSigner } from '../x/signer.ts';
import type { Probe } from './inputs.ts';

export type { Notifier } from '../jobs/notify.ts';

export interface PublishingDeps {
  /** An X client for an account (the default when undefined), sharing the app's rate limiter. */
  client(account: string | undefined): Promise<XClient>;
  /** <userData>: journals in jobs/, track files in publish-inputs/, history notes in history/. */
  userData: string;
  probe: Probe;
  notifier?: Notifier;
  /** Jobs shorter than this end without a notification (default 10 s). */
  notifyAfterMs?: number;
}

export function journalDirOf(p: PublishingDeps): string {
  return JournalStore.dirFor(p.userData);
}

export function defaultPublishing(o: {
  userData: string;
  env?: NodeJS.ProcessEnv;
  auth: { signerFor(ref?: string): Promise<RequestSigner> };
  probe: Probe;
  notifier?: Notifier;
  limiter?: RateLimiter;
}): PublishingDeps {
  return {
    userData: o.userData,
    probe: o.probe,
    ...(o.notifier ? { notifier: o.notifier } : {}),
    client: xClientFactory({
      signerFor: (account) => o.auth.signerFor(account),
      ...(o.env ? { env: o.env } : {}),
      limiter: o.limiter ?? new RateLimiter(),
    }),
  };
}
