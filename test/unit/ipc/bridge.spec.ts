import { describe, expect, it } from 'vitest';
import { buildCuelineApi } from '../../../shared/ipc/bridge.ts';
import { bridgeSpec, channels, events } from '../../../shared/ipc/contract.ts';

describe('the contract', () => {
  it('names every channel and event area:verb', () => {
    for (const name of [...Object.keys(channels), ...Object.keys(events)])
      expect(name).toMatch(/^[a-z]+:[a-zA-Z][a-zA-Z0-9]*$/);
  });

  it('hands the preload plain data only', () => {
    const spec = bridgeSpec();
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(spec.channels).toEqual(Object.keys(channels));
    expect(spec.fileChannels).toEqual(['files:dropped']);
  });
});

describe('buildCuelineApi', () => {
  const calls: { channel: string; payload: unknown }[] = [];
  const subs: string[] = [];
  const api = buildCuelineApi(
    {
      channels: ['media:url', 'files:dropped', 'app:info'],
      events: ['job:done'],
      fileChannels: ['files:dropped'],
    },
    {
      invoke: async (channel, payload) => {
        calls.push({ channel, payload });
        return { ok: true, value: null };
      },
      subscribe: (event) => {
        subs.push(event);
        return () => subs.splice(subs.indexOf(event), 1);
      },
      pathForFile: (f) => (f as { path?: string }).path ?? '',
    },
  ) as Record<string, Record<string, (a?: unknown) => Promise<unknown>>> & {
    on: (e: string, cb: unknown) => () => void;
  };

  it('has one method per channel, grouped by area, frozen', async () => {
    expect(Object.keys(api).sort()).toEqual(['app', 'files', 'media', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api['media'])).toBe(true);
    await api['media']?.['url']?.({ id: 'abc' });
    await api['app']?.['info']?.();
    expect(calls.slice(0, 2)).toEqual([
      { channel: 'media:url', payload: { id: 'abc' } },
      { channel: 'app:info', payload: undefined },
    ]);
  });

  it('turns dropped files into their paths and skips files without one', async () => {
    await api['files']?.['dropped']?.([{ path: '/v/a.mp4' }, { name: 'made-up.mp4' }]);
    expect(calls.at(-1)).toEqual({ channel: 'files:dropped', payload: { paths: ['/v/a.mp4'] } });
  });

  it('subscribes to known events only and returns an unsubscribe', () => {
    const off = api.on('job:done', () => undefined);
    expect(subs).toEqual(['job:done']);
    off();
    expect(subs).toEqual([]);
    expect(() => api.on('job:whatever', () => undefined)).toThrow(/unknown event/);
    expect(() => api.on('job:done', 'not a function')).toThrow(/function/);
  });
});
