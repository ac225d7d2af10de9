// The publishing services word their errors for no surface: the remedy travels as data and the CLI
// and the app each say what to do (issue 14: no "--lang" in a message the app shows).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareSubtitle } from '../../../main/services/publish/inputs.ts';
import { CuelineError } from '../../../shared/errors.ts';
import { fileTempDir } from '../../support/temp-dir.ts';

const dir = fileTempDir('cueline-inputs-');
const cue = '1\n00:00:00,500 --> 00:00:01,500\nHello\n';

async function refusal(path: string, language?: string): Promise<CuelineError> {
  const err: unknown = await prepareSubtitle(language === undefined ? { path } : { path, language }, {}).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof CuelineError)) throw new Error(`expected a CuelineError, got ${String(err)}`);
  return err;
}

describe('subtitle input errors', () => {
  it('a language that is not a tag names the file and the value, and leaves the flag to the CLI', async () => {
    const path = join(dir, 'clip.en.srt');
    writeFileSync(path, cue);
    const e = await refusal(path, 'english!');
    expect(e.code).toBe('lang.invalid');
    expect(e.message).toBe(`${path}: "english!" is not a BCP 47 language tag (e.g. en, pt-BR)`);
    expect(e.remedy).toEqual({ hint: 'captions.language' });
  });

  it('a file with no language names the file, with the same remedy', async () => {
    const path = join(dir, 'clip.srt');
    writeFileSync(path, cue);
    const e = await refusal(path);
    expect(e.code).toBe('lang.missing');
    expect(e.message).not.toMatch(/--/);
    expect(e.remedy).toEqual({ hint: 'captions.language' });
  });
});
