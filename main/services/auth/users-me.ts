// Who signed in: GET /2/users/me (needs users.read with OAuth 2.0; any user token with OAuth 1.0a).
import { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';
import type { RequestSigner } from '../x/signer.ts';

const MeSchema = z.object({ data: z.object({ id: z.string(), username: z.string(), name: z.string() }) });
export type XUser = z.infer<typeof MeSchema>['data'];

export async function fetchMe(apiBase: string, signer: RequestSigner, signal?: AbortSignal): Promise<XUser> {
  const url = `${apiBase}/2/users/me`;
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { authorization: await signer.authorization({ method: 'GET', url }) },
      signal: signal ?? null,
    });
  } catch (err) {
    throw new CuelineError(
      'auth.network',
      `Could not reach X: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (res.status === 401)
    throw new CuelineError(
      'auth.revoked',
      'X did not accept these credentials. Check them, or sign in again.',
    );
  if (res.status === 403)
    throw new CuelineError(
      'auth.missing_scope',
      'X refused to say who signed in (the users.read scope is missing). Sign in again and grant it.',
      { missing: ['users.read'] },
    );
  if (!res.ok) throw new CuelineError('auth.network', `X answered ${res.status} to GET /2/users/me.`);
  const parsed = MeSchema.safeParse(await res.json());
  if (!parsed.success)
    throw new CuelineError('auth.network', 'X sent an unexpected answer to GET /2/users/me.');
  return parsed.data.data;
}
