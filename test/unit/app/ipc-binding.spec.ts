import { describe, expect, it } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { call } from '../../../shared/ipc/define.ts';
import { bindRouter } from '../../../main/app/ipc.ts';
import { createRouter } from '../../../main/router/router.ts';

// A stand-in for Electron's ipcMain (Electron itself can't load under vitest): it records the
// handlers bindRouter registers so the test can call them with sender frames of its choosing.
function fakeIpcMain(): {
  ipc: IpcMain;
  handlers: Map<string, (e: IpcMainInvokeEvent, p: unknown) => unknown>;
} {
  const handlers = new Map<string, (e: IpcMainInvokeEvent, p: unknown) => unknown>();
  const ipc = {
    handle: (channel: string, fn: (e: IpcMainInvokeEvent, p: unknown) => unknown) =>
      handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  } as unknown as IpcMain;
  return { ipc, handlers };
}

function event(frameUrl: string | null, main = true): IpcMainInvokeEvent {
  const mainFrame = { url: frameUrl };
  const frame = frameUrl === null ? null : main ? mainFrame : { url: frameUrl };
  return {
    senderFrame: frame,
    sender: { id: 7, mainFrame, send: () => undefined, isDestroyed: () => false },
  } as unknown as IpcMainInvokeEvent;
}

describe('bindRouter', () => {
  const router = createRouter(
    { channels: { 'demo:echo': call(z.object({ n: z.number() }), z.object({ n: z.number() })) }, events: {} },
    { 'demo:echo': ({ n }) => ({ n }) },
    { log: () => undefined },
  );

  it('registers one handler per channel and removes them on dispose', () => {
    const { ipc, handlers } = fakeIpcMain();
    const dispose = bindRouter(ipc, router, ['app://cueline']);
    expect([...handlers.keys()]).toEqual(['demo:echo']);
    dispose();
    expect(handlers.size).toBe(0);
  });

  it('answers the app main frame and refuses every other sender', async () => {
    const { ipc, handlers } = fakeIpcMain();
    bindRouter(ipc, router, ['app://cueline']);
    const h = handlers.get('demo:echo')!;
    expect(await h(event('app://cueline/index.html'), { n: 1 })).toEqual({ ok: true, value: { n: 1 } });
    for (const e of [
      event('app://cueline/index.html', false),
      event('https://evil.example/'),
      event('file:///tmp/x.html'),
      event(null),
    ])
      expect(await h(e, { n: 1 })).toMatchObject({ ok: false, error: { code: 'ipc.forbidden_sender' } });
  });

  it('still validates the payload of a trusted sender', async () => {
    const { ipc, handlers } = fakeIpcMain();
    bindRouter(ipc, router, ['app://cueline']);
    expect(await handlers.get('demo:echo')!(event('app://cueline/'), { n: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid_payload' },
    });
  });
});
