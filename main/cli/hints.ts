// The CLI's words for the remedies services return as data (shared/errors.ts HintCode): the app
// shows buttons for the same codes.
import { hintOf, type HintCode } from '../../shared/errors.ts';

const CLI_HINTS: Record<HintCode, string> = {
  sign_in_again: 'Sign in again with `cueline auth login` (or set fresh X_* credentials).',
  rerun: 'What is done is kept: run the same command again to retry only what is left.',
  force_post:
    'Check the account on X first; if the post is not there, run the same command again with --force.',
};

/** The line to print after an error's message, or null. */
export function cliHint(err: unknown): string | null {
  const h = hintOf(err);
  return h ? CLI_HINTS[h] : null;
}
