import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppRouter } from '../../../main/router/app-router.ts';
import type { Router } from '../../../main/router/router.ts';
import type { EventSink } from '../../../main/router/types.ts';
import { createWorkspace, type Workspace } from '../../../main/services/workspace/workspace.ts';
import { DialogsDouble } from '../../e2e/harness/dialogs-double.ts';
import { testAppInfo } from '../../support/app-info.ts';
import { openedCaptions } from '../../../shared/ipc/channels/captions.ts';

// The app's router under plain Node: the same handlers the window and the harness reach.
let dir = '';
let ws: Workspace;
let dialogs: DialogsDouble;
let router: Router;
const sink: EventSink = { id: 'w', isClosed: () => false, send: () => undefined };
const ctx = { sink };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cueline-router-'));
  ws = createWorkspace({ userData: join(dir, 'home'), cache: join(dir, 'home', 'cache') });
  dialogs = new DialogsDouble();
  router = createAppRouter({
    workspace: ws,
    dialogs,
    mediaUrl: (id) => `cueline-media://media/${id}`,
    appInfo: testAppInfo('0'),
    router: { validateResponses: true, log: () => undefined },
  });
  await writeFile(join(dir, 'a.mp4'), 'video');
  await writeFile(join(dir, 'a.en.srt'), '1\n00:00:01,000 --> 00:00:02,000\nHi\n');
  await writeFile(join(dir, 'bad.srt'), '1\n00:00:01,000 --> nope\nHi\n');
});
afterEach(async () => {
  await ws.files.flush();
  await rm(dir, { recursive: true, force: true });
});

describe('files', () => {
  it('mints ids for dropped files main can open, and names the rest', async () => {
    const r = await router.invoke(
      'files:dropped',
      { paths: [join(dir, 'a.mp4'), 'relative.srt', join(dir, 'missing.vtt'), join(dir, 'a.en.srt')] },
      ctx,
    );
    expect(r).toMatchObject({
      ok: true,
      value: {
        accepted: [
          { kind: 'video', name: 'a.mp4' },
          { kind: 'subtitles', name: 'a.en.srt' },
        ],
        rejected: [{ name: 'relative.srt' }, { name: 'missing.vtt' }],
      },
    });
    expect(JSON.stringify(r)).not.toContain(dir);
  });

  it('returns null when the user cancels the dialog', async () => {
    dialogs.answer('openVideo', null);
    expect(await router.invoke('files:openVideo', undefined, ctx)).toEqual({ ok: true, value: null });
  });

  it('gives a media URL for videos only', async () => {
    dialogs.answer('openSubtitles', [join(dir, 'a.en.srt')]);
    const subs = await router.invoke('files:openSubtitles', undefined, ctx);
    const id = subs.ok ? (subs.value as { id: string }[])[0]!.id : '';
    expect(await router.invoke('media:url', { id }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'file.wrong_kind' },
    });
  });
});

describe('captions', () => {
  it('reports parse errors by file name, never the folder', async () => {
    dialogs.answer('openSubtitles', [join(dir, 'bad.srt')]);
    const subs = await router.invoke('files:openSubtitles', undefined, ctx);
    const fileId = subs.ok ? (subs.value as { id: string }[])[0]!.id : '';
    const r = await router.invoke('captions:open', { fileId }, ctx);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toContain('bad.srt');
    expect(JSON.stringify(r)).not.toContain(dir);
  });

  it('answers an open with exactly what the contract says, even where replies are not checked', async () => {
    const unchecked = createAppRouter({
      workspace: ws,
      dialogs,
      mediaUrl: (id) => id,
      appInfo: testAppInfo('0'),
      router: { log: () => undefined },
    });
    const ref = await ws.files.register(join(dir, 'a.en.srt'), 'subtitles');
    const r = await unchecked.invoke('captions:open', { fileId: ref.id }, ctx);
    expect(r.ok).toBe(true);
    // Nothing beyond the contract crosses to the window (the packaged app checks no replies).
    if (r.ok) expect(() => openedCaptions.strict().parse(r.value)).not.toThrow();
  });
});
