import { describe, expect, it } from 'vitest';
import { buildLevels } from '../../../shared/media/waveform.ts';
import type { PeaksChunk } from '../../../shared/media/waveform.ts';
import { PeaksBuilder, bucketMs, chooseLevel, displayGain, peaksFromWaveform } from './peaks.ts';

function chunk(start: number, n: number, total: number, done = false): PeaksChunk {
  const min = new Int16Array(n);
  const max = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    min[i] = -((start + i) % 1000);
    max[i] = (start + i) % 3000;
  }
  return {
    sampleRate: 8000,
    samplesPerBucket: 32,
    startBucket: start,
    min,
    max,
    decodedMs: ((start + n) * 32) / 8,
    totalMs: total,
    done,
  };
}

describe('peaks level of detail', () => {
  it('picks the coarsest level no wider than a pixel', () => {
    const base = { samplesPerBucket: 32, min: new Int16Array(100_000), max: new Int16Array(100_000) };
    const p = peaksFromWaveform({
      sampleRate: 8000,
      durationMs: 400_000,
      levels: buildLevels(base),
      hasAudio: true,
    });
    expect(bucketMs(p, p.levels[0]!)).toBe(4);
    expect(chooseLevel(p, 1)).toBe(0);
    expect(chooseLevel(p, 4)).toBe(0);
    expect(chooseLevel(p, 8)).toBe(1);
    expect(chooseLevel(p, 100)).toBe(4); // 64 ms buckets
    expect(chooseLevel(p, 1e9)).toBe(p.levels.length - 1);
  });
});

describe('PeaksBuilder', () => {
  it('grows progressively and matches the levels built from the whole file', () => {
    const total = 10_000;
    const b = new PeaksBuilder();
    let p = b.add(chunk(0, 3001, total * 4));
    expect(p.lengths[0]).toBe(3001);
    expect(p.done).toBe(false);
    p = b.add(chunk(3001, 4000, total * 4));
    expect(p.lengths[0]).toBe(7001);
    p = b.add(chunk(7001, total - 7001, total * 4, true));
    expect(p.done).toBe(true);
    const whole = chunk(0, total, total * 4);
    const ref = buildLevels({ samplesPerBucket: 32, min: whole.min, max: whole.max });
    for (let l = 0; l < ref.length; l++) {
      const r = ref[l]!;
      const got = p.levels[l]!;
      expect(p.lengths[l]).toBe(r.min.length);
      expect(got.samplesPerBucket).toBe(r.samplesPerBucket);
      expect(Array.from(got.min.subarray(0, r.min.length))).toEqual(Array.from(r.min));
      expect(Array.from(got.max.subarray(0, r.max.length))).toEqual(Array.from(r.max));
    }
  });

  it('returns a new object per chunk so the view sees the change', () => {
    const b = new PeaksBuilder();
    const a = b.add(chunk(0, 10, 0));
    const c = b.add(chunk(10, 10, 0));
    expect(a).not.toBe(c);
    expect(c.lengths[0]).toBe(20);
  });
});

describe('displayGain', () => {
  it('scales the loudest peak to full scale, at most 16x', () => {
    const lv = (a: number) => ({
      samplesPerBucket: 32,
      min: Int16Array.of(-a, 0),
      max: Int16Array.of(a / 2, a),
    });
    expect(displayGain({ levels: [lv(16384)], lengths: [2] })).toBe(2);
    expect(displayGain({ levels: [lv(100)], lengths: [2] })).toBe(16);
    expect(displayGain({ levels: [lv(32767)], lengths: [1] })).toBeCloseTo(1, 3);
  });
});
