// The app's words for a remedy (shared/remedy.ts): its own controls, never a CLI flag. Where a
// view has a button for the remedy ("Post anyway"), the sentence points at it.
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { Remedy } from '../../../shared/remedy.ts';

export function appRemedyText(r: Remedy): string {
  switch (r.hint) {
    case 'auth.sign_in':
      return ' in Accounts.';
    case 'auth.first_sign_in':
      return ' Sign in to an X account first.';
    case 'auth.choose_account':
      return ' Choose an account, or make one the default in Accounts.';
    case 'auth.setup':
      return {
        client_id: ' Copy it from your app in the X developer portal into the X app settings (Accounts).',
        client_id_native: ' and copy its OAuth 2.0 client id into the X app settings (Accounts).',
        consumer: ' Copy them from your app in the X developer portal into the X app settings (Accounts).',
        consumer_again: ' Check them in the developer portal and correct them in the X app settings.',
        redirect_port: ' and set it in the X app settings (Accounts).',
      }[r.what];
    case 'publish.force':
      return ' Check the account, then choose Post anyway, or publish without a post.';
    case 'publish.fresh':
      return '';
    case 'publish.use_api':
      return '.';
    case 'media.transcode':
      return '\nChoose Fix to make an X-ready copy.';
    case 'captions.language':
      return "; choose the track's language.";
    case 'captions.encoding':
      return '; open it again with another encoding.';
  }
}

/** An error as the app shows it: the message, then what to do about it with the app's controls. */
export function appErrorText(e: Pick<AppErrorShape, 'message' | 'remedy'>): string {
  return `${e.message}${e.remedy ? appRemedyText(e.remedy) : ''}`;
}
