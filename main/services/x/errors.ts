// X's answers → CuelineError with a stable code, keeping X's own words: problem+json
// (`detail`/`title`), v2 `errors[]` (also on a 200: a partial failure), v1.1 `errors[].message`.
import { CuelineError, type ErrorCode } from '../../../shared/errors.ts';

export interface XErrorDetails {
  status: number;
  method: string;
  url: string;
  /** X's message(s), verbatim. */
  xMessage: string;
  /** v1.1 numeric error code, or the v2 problem type. */
  xCode?: number | string;
  rateLimitReset?: number;
}

/**
 * A 403 is not always credentials: X also refuses a post with 403 ("This user is not allowed to
 * post a video longer than N minutes", restricted replies). Only an answer about the token, its
 * scopes or the app's permissions calls for signing in again.
 */
const CREDENTIALS_403 =
  /\bscopes?\b|\btoken\b|credential|oauth|permission|not permitted to use|unsupported authentication|client-not-enrolled/i;

const SIGN_IN_ADVICE =
  'With OAuth 1.0a the app needs Read and Write permission; with OAuth 2.0 the token needs the ' +
  'media.write scope (and tweet.read tweet.write users.read to post): sign in again';

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** X's message(s) from any of its error shapes, or null. */
export function xErrorMessage(body: unknown): { message: string; code?: number | string } | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  const messages: string[] = [];
  let code: number | string | undefined;
  const detail = str(b['detail']);
  const title = str(b['title']);
  if (detail || title) {
    messages.push(
      detail && title && !detail.startsWith(title) ? `${title}: ${detail}` : (detail ?? title ?? ''),
    );
    if (typeof b['type'] === 'string') code = b['type'];
  }
  if (Array.isArray(b['errors'])) {
    for (const e of b['errors'] as unknown[]) {
      if (!e || typeof e !== 'object') continue;
      const o = e as Record<string, unknown>;
      const m = str(o['message']) ?? str(o['detail']) ?? str(o['title']);
      if (m && !messages.includes(m)) messages.push(m);
      if (code === undefined && (typeof o['code'] === 'number' || typeof o['type'] === 'string'))
        code = (o['code'] as number | undefined) ?? (o['type'] as string);
    }
  }
  const single = str(b['error']);
  if (single) messages.push(single);
  if (messages.length === 0) return null;
  return { message: messages.join('; '), ...(code !== undefined ? { code } : {}) };
}

export function codeForStatus(status: number): ErrorCode {
  if (status === 400) return 'x.bad_request';
  if (status === 401) return 'x.unauthorized';
  if (status === 403) return 'x.forbidden';
  if (status === 404) return 'x.not_found';
  if (status === 413) return 'x.too_large';
  if (status === 429) return 'x.rate_limited';
  if (status >= 500) return 'x.server';
  return 'x.bad_request';
}

export function xHttpError(
  status: number,
  body: unknown,
  req: { method: string; url: string },
  extra: { rateLimitReset?: number } = {},
): CuelineError {
  const parsed = xErrorMessage(body);
  const xMessage = parsed?.message ?? `HTTP ${status}`;
  const code = codeForStatus(status);
  const where = `${req.method} ${new URL(req.url).pathname}`;
  let message = `X answered ${status} to ${where}: ${xMessage}`;
  const credentials = status === 401 || (status === 403 && CREDENTIALS_403.test(xMessage));
  if (status === 403 && credentials) message += `. ${SIGN_IN_ADVICE}`;
  if (status === 401) message += '. X did not accept the credentials: sign in again';
  if (code === 'x.rate_limited' && extra.rateLimitReset !== undefined)
    message += `. The limit resets at ${new Date(extra.rateLimitReset * 1000).toISOString()}.`;
  const details: XErrorDetails = {
    status,
    method: req.method,
    url: req.url,
    xMessage,
    ...(parsed?.code !== undefined ? { xCode: parsed.code } : {}),
    ...(extra.rateLimitReset !== undefined ? { rateLimitReset: extra.rateLimitReset } : {}),
  };
  // The remedy's text follows the message ("…sign in again" + " with `cueline auth login`.").
  if (credentials) return new CuelineError(code, message, details, { hint: 'auth.sign_in' });
  return new CuelineError(code, message, details);
}

export function xNetworkError(err: unknown, req: { method: string; url: string }): CuelineError {
  const cause =
    err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
  return new CuelineError('x.network', `Could not reach X (${req.method} ${req.url}): ${cause}`, {
    method: req.method,
    url: req.url,
  });
}

export function cancelledError(): CuelineError {
  return new CuelineError('job.cancelled', 'Cancelled.');
}
