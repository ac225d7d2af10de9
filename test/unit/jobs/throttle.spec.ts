import { afterEach, describe, expect, it, vi } from 'vitest';
import { createThrottle } from '../../../main/services/jobs/throttle.ts';

afterEach(() => vi.useRealTimers());

it('delivers at most one value per interval, the latest, and flushes the rest', () => {
  vi.useFakeTimers();
  const got: number[] = [];
  const t = createThrottle<number>(100, (v) => got.push(v));
  t.push(1); // first goes straight out
  for (let i = 2; i <= 20; i++) {
    vi.advanceTimersByTime(10);
    t.push(i);
  }
  // 190 ms of pushes every 10 ms: 1 immediately, then one per 100 ms.
  expect(got).toEqual([1, 10]);
  vi.advanceTimersByTime(100);
  expect(got).toEqual([1, 10, 20]);
  t.push(21);
  t.flush();
  expect(got).toEqual([1, 10, 20, 21]);
});

it('drops what is pending on cancel', () => {
  vi.useFakeTimers();
  const got: number[] = [];
  const t = createThrottle<number>(100, (v) => got.push(v));
  t.push(1);
  t.push(2);
  t.cancel();
  vi.advanceTimersByTime(500);
  expect(got).toEqual([1]);
});

describe('progress throttle without a timer (upload progress)', () => {
  it('passes at most one value per interval and flushes the last', () => {
    let t = 0;
    const got: number[] = [];
    const th = createThrottle(100, (v: number) => got.push(v), { now: () => t, trailing: false });
    for (let i = 0; i < 10; i++) {
      th.push(i);
      t += 30;
    }
    th.flush();
    expect(got).toEqual([0, 4, 8, 9]);
  });
});
