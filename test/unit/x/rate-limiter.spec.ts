import { describe, expect, it } from 'vitest';
import { endpointOf, RateLimiter } from '../../../main/services/x/rate-limiter.ts';

function answer(status: number, remaining: number, resetSecs: number): Response {
  return new Response('{}', {
    status,
    headers: { 'x-rate-limit-remaining': String(remaining), 'x-rate-limit-reset': String(resetSecs) },
  });
}

/** A request as XClient makes one: through `account`'s gate, answered by `respond`. */
function through(limiter: RateLimiter, account: string, respond: () => Response | Promise<Response>) {
  return async (url: string, init: { method: string }): Promise<Response> => {
    const settle = await limiter.gateFor(account)(init.method, new URL(url), undefined);
    const res = await respond();
    settle(res.status, res.headers);
    return res;
  };
}

/** A clock that only moves when the limiter sleeps, so waits are exact and instant. */
function clock(): { now: () => number; sleep: (ms: number) => Promise<void>; slept: number[] } {
  let t = 1_000_000_000_000;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: (ms) => {
      slept.push(ms);
      t += ms;
      return Promise.resolve();
    },
    slept,
  };
}

describe('endpointOf', () => {
  it('takes media ids out of the path and keeps v1.1 STATUS apart from the other commands', () => {
    expect(endpointOf('POST', new URL('https://api.x.com/2/media/upload/123/append'))).toBe(
      'POST /2/media/upload/:id/append',
    );
    expect(
      endpointOf(
        'GET',
        new URL('https://upload.twitter.com/1.1/media/upload.json?command=STATUS&media_id=1'),
      ),
    ).toBe('GET /1.1/media/upload.json?STATUS');
    expect(endpointOf('POST', new URL('https://api.x.com/2/tweets'))).toBe('POST /2/tweets');
  });
});

describe('RateLimiter', () => {
  it('waits for the reset once X says the window is spent, then lets requests through', async () => {
    const c = clock();
    const resetSecs = Math.floor(c.now() / 1000) + 30;
    let left = 2;
    const limiter = new RateLimiter({ now: c.now, sleep: c.sleep, marginMs: 500 });
    const f = through(limiter, 'acct', () => {
      left = Math.max(0, left - 1);
      return Promise.resolve(answer(200, left, resetSecs));
    });
    await f('https://api.x.com/2/tweets', { method: 'POST' });
    await f('https://api.x.com/2/tweets', { method: 'POST' });
    expect(c.slept).toEqual([]);
    await f('https://api.x.com/2/tweets', { method: 'POST' });
    expect(c.slept).toEqual([resetSecs * 1000 - 1_000_000_000_000 + 500]);
    expect(limiter.waits).toBe(1);
  });

  it('keeps accounts and endpoints apart', async () => {
    const c = clock();
    const reset = Math.floor(c.now() / 1000) + 60;
    const limiter = new RateLimiter({ now: c.now, sleep: c.sleep });
    const spent = (): Promise<Response> => Promise.resolve(answer(200, 0, reset));
    await through(limiter, 'a', spent)('https://api.x.com/2/tweets', { method: 'POST' });
    // Another endpoint of the same account and the same endpoint of another account don't wait.
    await through(limiter, 'a', spent)('https://api.x.com/2/media/subtitles', { method: 'POST' });
    await through(limiter, 'b', spent)('https://api.x.com/2/tweets', { method: 'POST' });
    expect(c.slept).toEqual([]);
    await through(limiter, 'a', spent)('https://api.x.com/2/tweets', { method: 'POST' });
    expect(c.slept.length).toBe(1);
  });

  it('counts requests in flight so concurrent workers do not overspend the last slots', async () => {
    const c = clock();
    const reset = Math.floor(c.now() / 1000) + 10;
    const limiter = new RateLimiter({ now: c.now, sleep: c.sleep, marginMs: 0 });
    limiter.observe('k', 200, answer(200, 2, reset).headers);
    await limiter.acquire('k');
    await limiter.acquire('k');
    expect(limiter.peek('k')?.inFlight).toBe(2);
    await limiter.acquire('k');
    expect(c.slept).toEqual([10_000]);
  });

  it('treats a 429 as a spent window, a minute when X gives no reset', async () => {
    const c = clock();
    const limiter = new RateLimiter({ now: c.now, sleep: c.sleep, marginMs: 0 });
    await limiter.acquire('k');
    limiter.observe('k', 429, new Headers());
    await limiter.acquire('k');
    expect(c.slept).toEqual([60_000]);
  });

  it('gives up waiting when cancelled', async () => {
    const limiter = new RateLimiter({
      sleep: (_ms, signal) =>
        new Promise((_r, rej) => signal?.addEventListener('abort', () => rej(new Error('aborted')))),
    });
    limiter.observe('k', 200, answer(200, 0, Math.floor(Date.now() / 1000) + 600).headers);
    const ac = new AbortController();
    const p = limiter.acquire('k', ac.signal);
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: 'job.cancelled' });
  });
});
