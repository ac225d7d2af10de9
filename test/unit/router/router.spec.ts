import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';
import { call, job, noPayload } from '../../../shared/ipc/define.ts';
import { createRouter } from '../../../main/router/router.ts';
import type { EventSink, RouterLogEntry } from '../../../main/router/types.ts';

const contract = {
  channels: {
    'demo:echo': call(z.object({ text: z.string().max(5) }), z.object({ text: z.string() })),
    'demo:fail': call(noPayload, z.null()),
    'demo:crash': call(noPayload, z.null()),
    'demo:lie': call(noPayload, z.object({ n: z.number() })),
    'demo:count': job({
      request: z.object({ to: z.number().int(), fail: z.boolean().optional() }),
      progress: z.object({ at: z.number() }),
      result: z.object({ total: z.number() }),
    }),
    'demo:stream': job({
      request: noPayload,
      progress: z.array(z.number()),
      result: z.null(),
      mergeProgress: (a, b) => [...a, ...b],
    }),
    'demo:wait': job({ request: noPayload, progress: z.null(), result: z.null() }),
  },
  events: { 'demo:ping': z.object({ n: z.number() }) },
};

function sink(id = 'w1'): EventSink & { events: { event: string; payload: unknown }[] } {
  const events: { event: string; payload: unknown }[] = [];
  return { id, events, isClosed: () => false, send: (event, payload) => events.push({ event, payload }) };
}

function makeRouter(validateResponses = true): {
  router: ReturnType<typeof createRouter>;
  log: RouterLogEntry[];
} {
  const log: RouterLogEntry[] = [];
  const router = createRouter(
    contract,
    {
      'demo:echo': ({ text }) => ({ text }),
      'demo:fail': () => {
        throw new CuelineError('subtitle.parse', 'line 3: bad timing', { line: 3 });
      },
      'demo:crash': () => {
        throw new TypeError('boom');
      },
      // @ts-expect-error: deliberately breaks the contract to test reply validation
      'demo:lie': () => ({ n: 'one' }),
      'demo:count': async ({ to, fail }, j) => {
        for (let i = 1; i <= to; i++) j.progress({ at: i });
        if (fail) throw new CuelineError('journal.corrupt', `stopped at ${to}`);
        return { total: to };
      },
      'demo:stream': async (_req, j) => {
        j.progress([1]);
        j.progress([2]);
        j.progress([3]);
        return null;
      },
      'demo:wait': (_req, j) =>
        new Promise((_resolve, reject) =>
          j.signal.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    },
    { validateResponses, log: (e) => log.push(e) },
  );
  return { router, log };
}

afterEach(() => vi.useRealTimers());

describe('router rejections', () => {
  it('refuses an unknown channel with ipc.unknown_channel', async () => {
    const { router, log } = makeRouter();
    const r = await router.invoke('demo:nope', {}, { sink: sink() });
    expect(r).toMatchObject({ ok: false, error: { code: 'ipc.unknown_channel' } });
    expect(log[0]?.code).toBe('ipc.unknown_channel');
  });

  it('does not treat Object.prototype keys as channels', async () => {
    const { router } = makeRouter();
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
      expect(await router.invoke(name, undefined, { sink: sink() })).toMatchObject({
        ok: false,
        error: { code: 'ipc.unknown_channel' },
      });
  });

  it('refuses a bad payload naming the field', async () => {
    const { router, log } = makeRouter();
    const r = await router.invoke('demo:echo', { text: 42 }, { sink: sink() });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('ipc.invalid_payload');
    expect(r.error.message).toMatch(/^demo:echo: invalid request — text: /);
    expect(r.error.details).toMatchObject({ channel: 'demo:echo', issues: [{ path: 'text' }] });
    expect(log.map((e) => e.code)).toEqual(['ipc.invalid_payload']);
  });

  it('refuses a payload where none is expected, and a missing one', async () => {
    const { router } = makeRouter();
    expect(await router.invoke('demo:fail', { sneaky: true }, { sink: sink() })).toMatchObject({
      error: { code: 'ipc.invalid_payload' },
    });
    expect(await router.invoke('demo:echo', undefined, { sink: sink() })).toMatchObject({
      error: { code: 'ipc.invalid_payload', message: expect.stringContaining('(payload)') },
    });
  });

  it('passes a valid payload through', async () => {
    const { router } = makeRouter();
    expect(await router.invoke('demo:echo', { text: 'hi' }, { sink: sink() })).toEqual({
      ok: true,
      value: { text: 'hi' },
    });
  });

  it('maps handler errors to their code, and unknown errors to internal', async () => {
    const { router } = makeRouter();
    expect(await router.invoke('demo:fail', undefined, { sink: sink() })).toEqual({
      ok: false,
      error: { code: 'subtitle.parse', message: 'line 3: bad timing', details: { line: 3 } },
    });
    expect(await router.invoke('demo:crash', undefined, { sink: sink() })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'boom' },
    });
  });

  it('catches a reply that breaks the contract when validating, and lets it through when not', async () => {
    expect(await makeRouter(true).router.invoke('demo:lie', undefined, { sink: sink() })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid_response' },
    });
    expect(await makeRouter(false).router.invoke('demo:lie', undefined, { sink: sink() })).toEqual({
      ok: true,
      value: { n: 'one' },
    });
  });

  it('refuses to emit an event outside the contract or with a bad payload', () => {
    const { router } = makeRouter();
    const s = sink();
    expect(() => router.emit(s, 'demo:pong', {})).toThrow(/No IPC event/);
    expect(() => router.emit(s, 'demo:ping', { n: 'x' })).toThrow(/broke the contract/);
    router.emit(s, 'demo:ping', { n: 1 });
    expect(s.events).toEqual([{ event: 'demo:ping', payload: { n: 1 } }]);
  });
});

describe('jobs', () => {
  it('replies with a job id, then throttled progress and done to the starting window', async () => {
    const { router } = makeRouter();
    const s = sink();
    const r = await router.invoke('demo:count', { to: 50 }, { sink: s });
    expect(r.ok).toBe(true);
    const jobId = r.ok ? (r.value as { jobId: string }).jobId : '';
    await router.jobs.idle();
    const progress = s.events.filter((e) => e.event === 'job:progress');
    // 50 synchronous reports in one tick coalesce; the last value is always delivered before done.
    expect(progress.length).toBeLessThan(50);
    expect(progress.at(-1)?.payload).toEqual({ jobId, channel: 'demo:count', progress: { at: 50 } });
    expect(s.events.at(-1)).toEqual({
      event: 'job:done',
      payload: { jobId, channel: 'demo:count', result: { total: 50 } },
    });
  });

  it('delivers the last progress before a failure: it says where the job stopped', async () => {
    const { router } = makeRouter();
    const s = sink();
    const r = await router.invoke('demo:count', { to: 50, fail: true }, { sink: s });
    const jobId = r.ok ? (r.value as { jobId: string }).jobId : '';
    await router.jobs.idle();
    expect(s.events.slice(-2)).toEqual([
      { event: 'job:progress', payload: { jobId, channel: 'demo:count', progress: { at: 50 } } },
      {
        event: 'job:failed',
        payload: {
          jobId,
          channel: 'demo:count',
          error: { code: 'journal.corrupt', message: 'stopped at 50' },
        },
      },
    ]);
  });

  it('merges streamed progress instead of dropping pieces', async () => {
    const { router } = makeRouter();
    const s = sink();
    await router.invoke('demo:stream', undefined, { sink: s });
    await router.jobs.idle();
    const pieces = s.events
      .filter((e) => e.event === 'job:progress')
      .flatMap((e) => (e.payload as { progress: number[] }).progress);
    expect(pieces).toEqual([1, 2, 3]);
  });

  it('cancels only for the window that started the job, and reports job.cancelled', async () => {
    const { router } = makeRouter();
    const s = sink('w1');
    const r = await router.invoke('demo:wait', undefined, { sink: s });
    const jobId = r.ok ? (r.value as { jobId: string }).jobId : '';
    await new Promise((res) => setImmediate(res));
    expect(router.jobs.cancel(jobId, 'w2')).toBe(false);
    expect(router.jobs.cancel(jobId, 'w1')).toBe(true);
    await router.jobs.idle();
    expect(s.events).toEqual([
      {
        event: 'job:failed',
        payload: {
          jobId,
          channel: 'demo:wait',
          error: { code: 'job.cancelled', message: 'The job was cancelled.' },
        },
      },
    ]);
    expect(router.jobs.cancel(jobId, 'w1')).toBe(false);
  });

  it('refuses a bad job request before starting anything', async () => {
    const { router } = makeRouter();
    const s = sink();
    expect(await router.invoke('demo:count', { to: 1.5 }, { sink: s })).toMatchObject({
      error: { code: 'ipc.invalid_payload' },
    });
    expect(router.jobs.running()).toBe(0);
  });
});
