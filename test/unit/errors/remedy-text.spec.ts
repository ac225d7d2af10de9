import { describe, expect, it } from 'vitest';
import { cliErrorText, cliRemedyText } from '../../../main/cli/remedy-text.ts';
import { CuelineError, toAppError } from '../../../shared/errors.ts';
import { remedySchema, type Remedy } from '../../../shared/remedy.ts';
import { appErrorText, appRemedyText } from '../../../renderer/src/lib/remedy-text.ts';

const every: Remedy[] = [
  { hint: 'auth.sign_in' },
  { hint: 'auth.sign_in', account: 'work' },
  { hint: 'auth.first_sign_in' },
  { hint: 'auth.choose_account' },
  ...(['client_id', 'client_id_native', 'consumer', 'consumer_again', 'redirect_port'] as const).map(
    (what): Remedy => ({ hint: 'auth.setup', what }),
  ),
  { hint: 'publish.force' },
  { hint: 'publish.fresh' },
  { hint: 'publish.use_api', api: 'v2' },
  { hint: 'publish.use_api', api: 'v1.1' },
  { hint: 'media.transcode', path: '/videos/clip.avi' },
  { hint: 'captions.language' },
  { hint: 'captions.encoding' },
];

describe('remedies, worded per surface', () => {
  it('this list holds every kind of remedy', () => {
    expect(new Set(every.map((r) => r.hint))).toEqual(
      new Set(remedySchema.options.map((o) => o.shape.hint.value)),
    );
  });

  it('the app never shows a CLI flag or command', () => {
    for (const r of every) expect(appRemedyText(r)).not.toMatch(/--[a-z]|`cueline |cueline (fix|auth)/);
  });

  it('the CLI names the flag or command to use', () => {
    for (const r of every)
      if (r.hint !== 'auth.sign_in' || r.account === undefined)
        expect(cliRemedyText(r)).toMatch(/--|cueline /);
    expect(cliRemedyText({ hint: 'auth.sign_in', account: 'work' })).toBe(
      ' with `cueline auth login --account work`.',
    );
  });

  it('travels with the error as data, and each surface appends its own words to the message', () => {
    const e = toAppError(
      new CuelineError(
        'publish.post_uncertain',
        'It may already be on X.',
        { jobId: 'pub-1' },
        { hint: 'publish.force' },
      ),
    );
    expect(e).toEqual({
      code: 'publish.post_uncertain',
      message: 'It may already be on X.',
      details: { jobId: 'pub-1' },
      remedy: { hint: 'publish.force' },
    });
    expect(cliErrorText(e)).toBe(
      'It may already be on X. Check the account; rerun with --force to post anyway, or without --post to skip it.',
    );
    expect(appErrorText(e)).toBe(
      'It may already be on X. Check the account, then choose Post anyway, or publish without a post.',
    );
    expect(appErrorText({ message: 'Plain.' })).toBe('Plain.');
  });
});
