import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../harness/fixture.ts';

// Caption files over IPC: opened by id, re-opened in another encoding, saved in place and through Save As.
let dir = '';
test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cueline-captions-e2e-'));
  await writeFile(join(dir, 'talk.en.srt'), '1\r\n00:00:01,000 --> 00:00:02,500\r\nHello\r\n');
  // "Café" in Windows-1252: é is 0xE9.
  await writeFile(
    join(dir, 'cafe.srt'),
    Buffer.concat([
      Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nCaf'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]),
  );
  await writeFile(join(dir, 'broken.srt'), '1\n00:00:01,000 --> nonsense\nHello\n');
});
test.afterEach(() => rm(dir, { recursive: true, force: true }));

test('open, edit and save a subtitle file in place', async ({ app }) => {
  app.dialogs.answer('openSubtitles', [join(dir, 'talk.en.srt')]);
  const opened = await app.page.evaluate(async () => {
    const files = await window.cueline.files.openSubtitles();
    if (!files.ok || !files.value[0]) throw new Error('no file');
    return window.cueline.captions.open({ fileId: files.value[0].id });
  });
  expect(opened).toMatchObject({
    ok: true,
    value: {
      name: 'talk.en.srt',
      format: 'srt',
      track: { cues: [{ start: 1000, end: 2500, text: 'Hello' }] },
    },
  });
  const saved = await app.page.evaluate(async (o) => {
    if (!o.ok) throw new Error('not opened');
    const track = { ...o.value.track, cues: o.value.track.cues.map((c) => ({ ...c, text: 'Hello, world' })) };
    return window.cueline.captions.save({ fileId: o.value.fileId, track });
  }, opened);
  expect(saved).toEqual({ ok: true, value: { notes: [] } });
  expect(await readFile(join(dir, 'talk.en.srt'), 'utf8')).toContain('Hello, world');
});

test('re-open in the encoding the user picks', async ({ app }) => {
  app.dialogs.answer('openSubtitles', [join(dir, 'cafe.srt')]);
  const [guess, pinned] = await app.page.evaluate(async () => {
    const files = await window.cueline.files.openSubtitles();
    if (!files.ok || !files.value[0]) throw new Error('no file');
    const fileId = files.value[0].id;
    return Promise.all([
      window.cueline.captions.open({ fileId }),
      window.cueline.captions.open({ fileId, encoding: 'windows-1252' }),
    ]);
  });
  expect(guess.ok).toBe(true);
  expect(pinned).toMatchObject({
    ok: true,
    value: { encoding: { name: 'windows-1252', pinned: true }, track: { cues: [{ text: 'Café' }] } },
  });
});

test('a broken file reports the line, and never the folder it lives in', async ({ app }) => {
  app.dialogs.answer('openSubtitles', [join(dir, 'broken.srt')]);
  const r = await app.page.evaluate(async () => {
    const files = await window.cueline.files.openSubtitles();
    if (!files.ok || !files.value[0]) throw new Error('no file');
    return window.cueline.captions.open({ fileId: files.value[0].id });
  });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toMatch(/^subtitle\./);
  expect(r.error.message).toContain('broken.srt');
  expect(JSON.stringify(r)).not.toContain(dir);
});

test('Save As asks where, writes there and hands back an id', async ({ app }) => {
  const target = join(dir, 'talk.fr.vtt');
  app.dialogs.answer('saveSubtitles', target);
  const r = await app.page.evaluate(() =>
    window.cueline.captions.saveAs({
      track: { language: 'fr', label: 'Français', cues: [{ id: '1', start: 0, end: 1200, text: 'Bonjour' }] },
      format: 'vtt',
      suggestedName: 'talk.fr',
    }),
  );
  expect(r).toMatchObject({ ok: true, value: { file: { kind: 'subtitles', name: 'talk.fr.vtt' } } });
  expect(app.dialogs.shown).toEqual([{ kind: 'saveSubtitles', suggestedName: 'talk.fr.vtt' }]);
  expect(await readFile(target, 'utf8')).toMatch(/^WEBVTT[\s\S]*Bonjour/);
  const refused = await app.page.evaluate(() =>
    window.cueline.captions.saveAs({
      track: { language: '', label: '', cues: [] },
      format: 'srt',
      suggestedName: '../../etc/passwd',
    }),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'ipc.invalid_payload' } });
});

test('a Windows-1252 file is saved back in Windows-1252; Save As takes the format from the typed name', async ({
  app,
}) => {
  app.dialogs.answer('openSubtitles', [join(dir, 'cafe.srt')]);
  const target = join(dir, 'cafe-copy.vtt');
  app.dialogs.answer('saveSubtitles', target);
  const r = await app.page.evaluate(async () => {
    const files = await window.cueline.files.openSubtitles();
    if (!files.ok || !files.value[0]) throw new Error('no file');
    const o = await window.cueline.captions.open({ fileId: files.value[0].id });
    if (!o.ok) throw new Error(o.error.message);
    const encoding = o.value.encoding.name;
    const save = await window.cueline.captions.save({
      fileId: o.value.fileId,
      track: o.value.track,
      encoding,
    });
    // The user asked for SRT but typed a .vtt name in the dialog.
    const saveAs = await window.cueline.captions.saveAs({
      track: o.value.track,
      format: 'srt',
      encoding,
      suggestedName: 'cafe-copy.srt',
    });
    return { encoding, save, saveAs };
  });
  expect(r.encoding).toBe('windows-1252');
  expect(r.save).toMatchObject({ ok: true });
  // é stays the single byte 0xE9 (UTF-8 would have written 0xC3 0xA9).
  const saved = await readFile(join(dir, 'cafe.srt'));
  expect(saved.includes(Buffer.from([0x43, 0x61, 0x66, 0xe9]))).toBe(true);
  expect(saved.includes(Buffer.from([0xc3, 0xa9]))).toBe(false);
  expect(r.saveAs).toMatchObject({ ok: true, value: { format: 'vtt', file: { name: 'cafe-copy.vtt' } } });
  const copy = await readFile(target);
  expect(copy.toString('latin1')).toMatch(/^WEBVTT[\s\S]*Caf\xe9/);
});
