import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from './workspace.ts';

let dir = '';
let ws: Workspace;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cueline-ws-'));
  ws = createWorkspace({ userData: join(dir, 'home'), cache: join(dir, 'home', 'cache') });
  await mkdir(join(dir, 'media'));
  await writeFile(join(dir, 'media', 'a.mp4'), 'video');
  await writeFile(join(dir, 'media', 'a.en.srt'), 'subs');
  await writeFile(join(dir, 'media', 'notes.txt'), 'x');
});
afterEach(async () => {
  await ws.files.flush();
  await rm(dir, { recursive: true, force: true });
});

describe('file registry', () => {
  it('mints opaque ids without paths, stable per path', async () => {
    const a = await ws.files.register(join(dir, 'media', 'a.mp4'));
    expect(a).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
      kind: 'video',
      name: 'a.mp4',
      size: 5,
    });
    expect(JSON.stringify(a)).not.toContain(dir);
    expect((await ws.files.register(join(dir, 'media', 'a.mp4'))).id).toBe(a.id);
    expect(ws.files.resolve(a.id).path).toBe(join(dir, 'media', 'a.mp4'));
    expect((await ws.files.register(join(dir, 'media'))).kind).toBe('folder');
  });

  it('refuses relative, missing, unsupported and wrong-kind files', async () => {
    await expect(ws.files.register('media/a.mp4')).rejects.toMatchObject({ code: 'input.not_absolute' });
    await expect(ws.files.register(join(dir, 'nope.mp4'))).rejects.toMatchObject({
      code: 'input.file_not_found',
    });
    await expect(ws.files.register(join(dir, 'media', 'notes.txt'))).rejects.toMatchObject({
      code: 'input.unsupported_file',
    });
    await expect(ws.files.register(join(dir, 'media', 'a.en.srt'), 'video')).rejects.toMatchObject({
      code: 'input.unsupported_file',
    });
    const s = await ws.files.register(join(dir, 'media', 'a.en.srt'));
    expect(() => ws.files.resolve(s.id, 'video')).toThrow(
      expect.objectContaining({ code: 'file.wrong_kind' }),
    );
    expect(() => ws.files.resolve('nope-nope-nope')).toThrow(
      expect.objectContaining({ code: 'file.unknown_id' }),
    );
  });
});

describe('file ids', () => {
  it('survive a restart, so a recovered autosave still names its files', async () => {
    const a = await ws.files.register(join(dir, 'media', 'a.mp4'));
    await ws.files.flush();
    const again = createWorkspace(ws.paths);
    expect(again.files.resolve(a.id, 'video').path).toBe(join(dir, 'media', 'a.mp4'));
    expect((await again.files.register(join(dir, 'media', 'a.mp4'))).id).toBe(a.id);
    // The registration saves in the background: let it land before the folder is removed.
    await again.files.flush();
  });

  it('start empty from a damaged file', async () => {
    await mkdir(ws.paths.userData, { recursive: true });
    await writeFile(join(ws.paths.userData, 'file-ids.json'), '{nope');
    const again = createWorkspace(ws.paths);
    expect(again.files.lookup('AAAAAAAAAAAAAAAA')).toBeUndefined();
  });
});

describe('autosave', () => {
  it('writes atomically, lists newest first, reads back and discards', async () => {
    await ws.autosave.write('one', 'One', { a: 1 }, new Date('2026-01-01T00:00:00Z'));
    await ws.autosave.write('two', 'Two', { b: [2] }, new Date('2026-01-02T00:00:00Z'));
    expect((await ws.autosave.list()).map((e) => e.docId)).toEqual(['two', 'one']);
    expect(await ws.autosave.read('one')).toMatchObject({ title: 'One', document: { a: 1 } });
    expect((await readdir(ws.autosave.dir)).sort()).toEqual(['one.json', 'two.json']);
    expect(await ws.autosave.discard('one')).toBe(true);
    expect(await ws.autosave.discard('one')).toBe(false);
    await expect(ws.autosave.read('one')).rejects.toMatchObject({ code: 'autosave.not_found' });
  });

  it('skips damaged leftovers and refuses ids that are not plain names', async () => {
    await ws.autosave.write('ok', 'Ok', null);
    await writeFile(join(ws.autosave.dir, 'broken.json'), '{"docId":');
    expect((await ws.autosave.list()).map((e) => e.docId)).toEqual(['ok']);
    await expect(ws.autosave.write('../escape', 'x', null)).rejects.toThrow();
  });
});

describe('settings', () => {
  it('reads defaults, merges patches, and survives a damaged file', async () => {
    expect(await ws.settings.get()).toEqual({
      theme: 'system',
      autosaveSeconds: 30,
      captionRules: {},
      editor: {},
    });
    expect(await ws.settings.set({ theme: 'dark', captionRules: { maxCps: 20 } })).toMatchObject({
      theme: 'dark',
      captionRules: { maxCps: 20 },
    });
    expect(JSON.parse(await readFile(ws.settings.file, 'utf8'))).toMatchObject({ theme: 'dark' });
    await writeFile(ws.settings.file, 'not json');
    expect((await ws.settings.get()).theme).toBe('system');
  });
});

describe('recent files', () => {
  it('lists existing files newest first with fresh ids, capped, and forgets deleted ones', async () => {
    await ws.recent.add(join(dir, 'media', 'a.mp4'), 'video', new Date('2026-01-01T00:00:00Z'));
    await ws.recent.add(join(dir, 'media', 'a.en.srt'), 'subtitles', new Date('2026-01-02T00:00:00Z'));
    await ws.recent.add(join(dir, 'media', 'gone.mp4'), 'video', new Date('2026-01-03T00:00:00Z'));
    const list = await ws.recent.list();
    expect(list.map((e) => e.name)).toEqual(['a.en.srt', 'a.mp4']);
    expect(ws.files.resolve(list[1]!.id).path).toBe(join(dir, 'media', 'a.mp4'));
    for (let i = 0; i < 20; i++) await ws.recent.add(join(dir, `x${i}.mp4`), 'video');
    expect((await ws.recent.paths()).length).toBe(12);
  });

  it('tells listeners about every change, so the native Open Recent menu stays current', async () => {
    let changes = 0;
    const off = ws.recent.onChange(() => (changes += 1));
    await ws.recent.add(join(dir, 'media', 'a.mp4'), 'video');
    await ws.recent.clear();
    off();
    await ws.recent.add(join(dir, 'media', 'a.mp4'), 'video');
    expect(changes).toBe(2);
  });
});

describe('window state', () => {
  it('round-trips and falls back to defaults', async () => {
    expect(await ws.windowState.load()).toEqual({ width: 1280, height: 800, maximized: false });
    await ws.windowState.save({ x: 10, y: 20, width: 900, height: 700, maximized: true });
    expect(await ws.windowState.load()).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: true });
  });
});
