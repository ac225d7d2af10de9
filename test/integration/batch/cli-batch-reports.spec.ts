// `cueline batch` reports every file (issue 16): videos without subtitles are items (skipped, "no
// subtitles"), unused subtitle files are listed with their reason, skipped items never read as
// published, `<video>.srt` gets its language from --lang or from its cue text, and the manifest
// carries alt text and the post card.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type CliRun } from '../../support/cli-process.ts';
import { generateVideo } from '../../support/media-fixtures.ts';
import { startEmulator, type Emulator } from '../../x-emulator/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'cueline-batch-reports-'));
const seed = join(dir, 'seed.mp4');
let emu: Emulator;
let home = '';
let n = 0;

const srt = (...lines: string[]): string =>
  lines.map((l, i) => `${i + 1}\n00:00:00,${100 + i * 200} --> 00:00:00,${250 + i * 200}\n${l}\n`).join('\n');

beforeAll(async () => {
  emu = await startEmulator({ config: { checkAfterSecs: 0, processingSteps: 1 } });
  await generateVideo(seed, { duration: 1, width: 160, height: 90 });
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

function fresh(): string {
  home = mkdtempSync(join(dir, `home-${n++}-`));
  emu.state.requests.length = 0;
  return mkdtempSync(join(dir, 'folder-'));
}
const cli = (args: string[]): Promise<CliRun> => startCli(args, home, emu.env('oauth1')).done;

interface Out {
  items: Array<{ video: string | null; status: string; reason: string | null; post_id: string | null }>;
  files: Array<{ file: string; status: string; reason: string }>;
}

describe('cueline batch reports every file', () => {
  it('lists videos without subtitles and unused subtitle files, in the JSON and on stderr', async () => {
    const d = fresh();
    copyFileSync(seed, join(d, 'alpha.mp4'));
    writeFileSync(join(d, 'alpha.en.srt'), srt('Hello there'));
    copyFileSync(seed, join(d, 'bare.mp4'));
    writeFileSync(join(d, 'nobody.fr.srt'), srt('Bonjour'));
    copyFileSync(seed, join(d, 'echo.mp4'));
    writeFileSync(join(d, 'echo.sp.srt'), srt('Hola'));
    const r = await cli(['batch', d, '--no-post', '--json']);
    expect(r.code).toBe(1); // echo.mp4's only subtitle file is invalid
    const out = JSON.parse(r.stdout) as Out;
    expect(out.items.map((i) => [i.video, i.status, i.reason])).toEqual([
      ['alpha.mp4', 'published', null],
      ['bare.mp4', 'skipped', 'no subtitles'],
      ['echo.mp4', 'failed', null],
    ]);
    expect(out.files).toEqual([
      { file: 'echo.sp.srt', status: 'invalid', reason: expect.stringMatching(/Spanish is "es"/) },
      { file: 'nobody.fr.srt', status: 'orphan', reason: expect.stringMatching(/no video named nobody/) },
    ]);
    expect(r.stderr).toMatch(/echo\.sp\.srt: invalid: /);
    expect(r.stderr).toMatch(/nobody\.fr\.srt: orphan: /);
  });

  it('the summary says "skipped (already published)", never "published", for done items', async () => {
    const d = fresh();
    for (const v of ['a', 'b', 'c']) {
      copyFileSync(seed, join(d, `${v}.mp4`));
      writeFileSync(join(d, `${v}.en.srt`), srt('Hello there'));
    }
    expect((await cli(['batch', d, '--no-post'])).code).toBe(0);
    const again = await cli(['batch', d, '--no-post']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^3 item\(s\): 3 skipped \(already published\)\./);
    expect(again.stdout).not.toMatch(/published or already done/);
  });
});

describe('the language of <video>.srt', () => {
  it('is detected from the cue text when confident, reported, and otherwise needed', async () => {
    const d = fresh();
    copyFileSync(seed, join(d, 'gamma.mp4'));
    writeFileSync(
      join(d, 'gamma.srt'),
      srt('Thanks for watching, everyone.', 'I told you we would be late again.'),
    );
    copyFileSync(seed, join(d, 'delta.mp4'));
    writeFileSync(join(d, 'delta.srt'), srt('Ok.'));
    const r = await cli(['batch', d, '--no-post', '--json']);
    expect(r.stderr).toMatch(/gamma\.srt: detected English/);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.items.find((i) => i.video === 'gamma.mp4')?.status).toBe('published');
    expect(out.items.find((i) => i.video === 'delta.mp4')?.status).toBe('failed');
    expect(out.files).toEqual([
      { file: 'delta.srt', status: 'invalid', reason: expect.stringMatching(/can't tell the language/) },
    ]);
    expect(r.code).toBe(1);
  });

  it('takes --lang over detection', async () => {
    const d = fresh();
    copyFileSync(seed, join(d, 'gamma.mp4'));
    writeFileSync(join(d, 'gamma.srt'), srt('Thanks for watching, everyone.', 'See you next week.'));
    const r = await cli(['batch', d, '--dry-run', '--json', '--lang', 'de']);
    const plan = JSON.parse(r.stdout) as { files: Array<{ file: string; language?: string }> };
    expect(plan.files.find((f) => f.file === 'gamma.srt')?.language).toBe('de');
  });
});

describe('manifest columns alt_text, title, description', () => {
  it('sets the alt text and the post card', async () => {
    const d = fresh();
    copyFileSync(seed, join(d, 'clip.mp4'));
    writeFileSync(join(d, 'clip.en.srt'), srt('Hello there'));
    writeFileSync(
      join(d, 'list.csv'),
      'video,subtitle,post,alt_text,title,description\nclip.mp4,clip.en.srt,Out now,A test card,Launch,The launch video\n',
    );
    const r = await cli(['batch', d, '--manifest', join(d, 'list.csv'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    const post = emu.state.posts.find((p) => p.id === out.items[0]?.post_id);
    expect(post).toMatchObject({ text: 'Out now', title: 'Launch', description: 'The launch video' });
    expect(emu.state.media.get(post?.mediaIds[0] ?? '')?.altText).toBe('A test card');
  });
});
