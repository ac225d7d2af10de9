// Who signed in: GET /2/users/me (needs users.read with OAuth 2.0; any user token with OAuth 1.0a).
import { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';
import { send, type HttpAnswer } from '../x/http-transport.ts';
import type { RequestSigner } from '../x/signer.ts';

const MeSchema = z.object({ data: z.object({ id: z.string(), username: z.string(), name: z.string() }) });
export type XUser = z.infer<typeof MeSchema>['data'];

export async function fetchMe(apiBase: string, signer: RequestSigner, signal?: AbortSignal): Promise<XUser> {
  const url = `${apiBase}/2/users/me`;
  let res: HttpAnswer;
  try {
    const authorization = await signer.authorization({ method: 'GET', url });
    res = await send(url, 'GET', { authorization, 'user-agent': 'Cueline' }, undefined, signal);
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
  if (res.status < 200 || res.status > 299)
    throw new CuelineError('auth.network', `X answered ${res.status} to GET /2/users/me.`);
  let json: unknown = null;
  try {
    json = JSON.parse(res.text);
  } catch {
    // Not JSON: refused below as an unexpected answer.
  }
  const parsed = MeSchema.safeParse(json);
  if (!parsed.success)
    throw new CuelineError('auth.network', 'X sent an unexpected answer to GET /2/users/me.');
  return parsed.data.data;
}
