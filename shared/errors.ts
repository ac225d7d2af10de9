// Errors are values with stable codes (`subtitle.parse`, `media.constraint`, `x.rate_limited`,
// `auth.expired`, …) so the UI and the CLI can act on them, and messages a person understands.

export interface AppErrorShape {
  code: string;
  message: string;
  details?: unknown;
}

export class CuelineError extends Error implements AppErrorShape {
  readonly code: string;
  readonly details?: unknown;

  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'CuelineError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  toJSON(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/**
 * Remedies as data: a service says which remedy applies, each surface words it (the CLI names a
 * flag or command, the app shows a button). Carried in `details.hint`.
 */
export type HintCode =
  /** The token or its scopes are the problem: sign the account in again. */
  | 'sign_in_again'
  /** What is done is kept: running the same job again retries only what is left (e.g. the post). */
  | 'rerun'
  /** A post may already be on X: check the account, then post anyway only if it is not. */
  | 'force_post';

export function hintOf(err: unknown): HintCode | undefined {
  const d = err instanceof CuelineError ? err.details : undefined;
  const h = d && typeof d === 'object' && 'hint' in d ? (d as { hint: unknown }).hint : undefined;
  return h === 'sign_in_again' || h === 'rerun' || h === 'force_post' ? h : undefined;
}

/**
 * Codes that mean "the input is wrong, fix it and try again" (CLI exit 2) rather than "something
 * failed" (exit 1). Matched as exact codes or as `area.` prefixes.
 */
const BAD_INPUT_CODES = [
  'usage.',
  'input.',
  'subtitle.',
  'encoding.',
  'lang.',
  'media.constraint',
  'media.unreadable',
  'media.not_found',
  'auth.missing_credentials',
  'auth.no_account',
  'auth.pin_rejected',
];

export function isBadInput(code: string): boolean {
  return BAD_INPUT_CODES.some((c) => (c.endsWith('.') ? code.startsWith(c) : code === c));
}

export function toAppError(err: unknown): AppErrorShape {
  if (err instanceof CuelineError) return err.toJSON();
  if (err instanceof Error) return { code: 'internal', message: err.message };
  return { code: 'internal', message: String(err) };
}
