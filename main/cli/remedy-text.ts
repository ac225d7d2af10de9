// The CLI's words for a remedy (shared/remedy.ts): the flag to pass or the command to run. Each
// text is appended to the error's message as is.
import type { AppErrorShape } from '../../shared/errors.ts';
import type { Remedy } from '../../shared/remedy.ts';

export function cliRemedyText(r: Remedy): string {
  switch (r.hint) {
    case 'auth.sign_in':
      return ` with \`cueline auth login${r.account !== undefined ? ` --account ${r.account}` : ''}\`.`;
    case 'auth.first_sign_in':
      return ' Run `cueline auth login` first.';
    case 'auth.choose_account':
      return ' Pass --account, or run `cueline auth default <account>`.';
    case 'auth.setup':
      return {
        client_id:
          ' Copy it from your app in the X developer portal and run `cueline auth setup --client-id <id>`.',
        client_id_native: ' and copy its OAuth 2.0 client id into `cueline auth setup --client-id`.',
        consumer:
          ' Copy them from your app in the X developer portal and run `cueline auth setup --consumer-key <key> --consumer-secret-stdin`.',
        consumer_again: ' Check them in the developer portal and run `cueline auth setup` again.',
        redirect_port: ' and set it with `cueline auth setup --redirect-port <port>`.',
      }[r.what];
    case 'publish.force':
      return ' Check the account; rerun with --force to post anyway, or without --post to skip it.';
    case 'publish.fresh':
      return ' (use --fresh to publish again)';
    case 'publish.use_api':
      return `; with an OAuth ${r.api === 'v2' ? '2.0 token use --api v2' : '1.0a sign-in use --api v1.1'}.`;
    case 'media.transcode':
      return `\n\`cueline fix ${r.path}\` makes an X-ready copy.`;
    case 'captions.language':
      return '; name the file like clip.en.srt or pass --lang <code> (one file).';
    case 'captions.encoding':
      return '; try another --encoding.';
  }
}

/** An error as the CLI prints it: the message, then what to do about it in CLI terms. */
export function cliErrorText(e: Pick<AppErrorShape, 'message' | 'remedy'>): string {
  return `${e.message}${e.remedy ? cliRemedyText(e.remedy) : ''}`;
}
