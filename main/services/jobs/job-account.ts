// The account in a job's identity (a job is its inputs: video, subtitle files, account; media ids
// are per user). Never a secret: the X user id when the credentials name one (keychain accounts),
// X's answer to GET /2/users/me for an OAuth 2.0 token from the environment (asked once per client:
// the token is replaced every 2 hours, the user stays), and otherwise a one-way hash of the
// credentials (OAuth 1.0a from the environment; a token X won't name the user for).
import { CuelineError } from '../../../shared/errors.ts';
import type { XClient } from '../x/client.ts';
import { currentUserId } from '../x/dialects.ts';

const asked = new WeakMap<XClient, Promise<string | null>>();

/**
 * `named` is the account the caller picked (kept for signers that carry no key of their own).
 * X refusing to name the user (401/403: no users.read) falls back to the credentials' hash; any
 * other failure stops the job before it starts, since guessing could split one job in two.
 */
export function jobAccount(client: XClient, named?: string, signal?: AbortSignal): Promise<string | null> {
  const own = client.accountKey ?? named ?? null;
  if (!client.accountLookup) return Promise.resolve(own);
  let p = asked.get(client);
  if (!p) {
    p = currentUserId(client, signal).then(
      (id) => `x:${id}`,
      (err: unknown) => {
        if (err instanceof CuelineError && (err.code === 'x.forbidden' || err.code === 'x.unauthorized'))
          return own;
        throw err;
      },
    );
    // A failed lookup is not remembered: the next job asks again.
    p.catch(() => asked.delete(client));
    asked.set(client, p);
  }
  return p;
}
