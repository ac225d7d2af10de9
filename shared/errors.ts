// Errors are values with stable codes (`subtitle.parse`, `media.constraint`, `x.rate_limited`,
// `auth.expired`, …) so the UI and the CLI can act on them, and messages a person understands.
import type { Remedy } from './remedy.ts';

/**
 * Every error code Cueline uses: the app and the CLI act on them (exit codes, "Post anyway", "Sign
 * in again"), so a code is a value of this union and a typo is a type error.
 */
export const ERROR_CODES = [
  'accounts.unavailable',
  'auth.authorize_error',
  'auth.cancelled',
  'auth.code_rejected',
  'auth.denied',
  'auth.expired',
  'auth.keychain_unavailable',
  'auth.missing_credentials',
  'auth.missing_scope',
  'auth.network',
  'auth.no_account',
  'auth.pin_rejected',
  'auth.port_in_use',
  'auth.revoked',
  'auth.state_mismatch',
  'auth.timeout',
  'auth.token_error',
  'autosave.not_found',
  'batch.invalid_item',
  'batch.not_found',
  'batch.not_running',
  'edit.invalid',
  'encoding.invalid',
  'encoding.unknown',
  'encoding.unrepresentable',
  'encoding.unsupported',
  'file.unknown_id',
  'file.wrong_kind',
  'input.file_not_found',
  'input.alt_text',
  'input.card_without_post',
  'input.invalid',
  'input.journal',
  'input.manifest',
  'input.media_id',
  'input.not_a_file',
  'input.not_a_folder',
  'input.not_absolute',
  'input.not_found',
  'input.unreadable',
  'input.permission',
  'input.post_text',
  'input.unsupported_file',
  'internal',
  'io.failed',
  'ipc.forbidden_sender',
  'ipc.invalid_payload',
  'ipc.invalid_response',
  'ipc.unknown_channel',
  'ipc.unknown_event',
  'job.cancelled',
  'journal.corrupt',
  'lang.duplicate',
  'lang.invalid',
  'lang.missing',
  'lang.unsupported',
  'media.binary_failed',
  'media.binary_missing',
  'media.cancelled',
  'media.constraint',
  'media.not_found',
  'media.output_too_large',
  'media.timeout',
  'media.transcode_failed',
  'media.unreadable',
  'media.write',
  'publish.post_uncertain',
  'publish.post_refused',
  'publish.unavailable',
  'settings.corrupt',
  'subtitle.invalid',
  'subtitle.empty',
  'subtitle.beyond_video',
  'subtitle.parse',
  'subtitle.quality',
  'subtitle.time',
  'usage.account_name',
  'usage.api_base',
  'usage.auth_method',
  'usage.chunk_size',
  'usage.concurrency',
  'usage.conflict',
  'usage.format',
  'usage.lang',
  'usage.missing_argument',
  'usage.missing_input',
  'usage.no_subtitles',
  'usage.nothing_to_do',
  'usage.output',
  'usage.same_file',
  'x.api_error',
  'x.bad_request',
  'x.forbidden',
  'x.network',
  'x.not_found',
  'x.processing_failed',
  'x.processing_timeout',
  'x.rate_limited',
  'x.server',
  'x.too_large',
  'x.unauthorized',
  'x.unexpected_response',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(s: string): s is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(s);
}

/** A code read back from a journal written by another version: unknown codes read as `internal`. */
export function asErrorCode(s: string): ErrorCode {
  return isErrorCode(s) ? s : 'internal';
}

export interface AppErrorShape {
  code: ErrorCode;
  /** What happened, for any surface: never a CLI flag or an app button. */
  message: string;
  details?: unknown;
  /** What the person can do about it, as data each surface words for itself. */
  remedy?: Remedy;
}

export class CuelineError extends Error implements AppErrorShape {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly remedy?: Remedy;

  constructor(code: ErrorCode, message: string, details?: unknown, remedy?: Remedy) {
    super(message);
    this.name = 'CuelineError';
    this.code = code;
    if (details !== undefined) this.details = details;
    if (remedy !== undefined) this.remedy = remedy;
  }

  toJSON(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
      ...(this.remedy === undefined ? {} : { remedy: this.remedy }),
    };
  }
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
