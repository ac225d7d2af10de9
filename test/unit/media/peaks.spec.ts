import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PeakReducer } from '../../../main/services/media/peak-reducer.ts';
import { decodeWaveform, encodeWaveform } from '../../../main/services/media/waveform-file.ts';
import { buildLevels, coarsen, pickLevel } from '../../../shared/media/waveform.ts';
import type { Waveform } from '../../../shared/media/waveform.ts';

function pcm(samples: number[]): Buffer {
  const b = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => b.writeInt16LE(s, 2 * i));
  return b;
}

function naive(samples: number[], spb: number): { min: number[]; max: number[] } {
  const min: number[] = [];
  const max: number[] = [];
  for (let i = 0; i < samples.length; i += spb) {
    const part = samples.slice(i, i + spb);
    min.push(Math.min(...part));
    max.push(Math.max(...part));
  }
  return { min, max };
}

describe('PeakReducer', () => {
  it('gives the same buckets however the PCM stream is split, odd byte boundaries included (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -32768, max: 32767 }), { maxLength: 400 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 20 }),
        (samples, spb, cuts) => {
          const bytes = pcm(samples);
          const r = new PeakReducer(spb, 1);
          let o = 0;
          let k = 0;
          while (o < bytes.length) {
            const n = cuts[k++ % cuts.length] ?? 1;
            // Copy so odd offsets really reach the reducer unaligned.
            r.feed(Buffer.from(bytes.subarray(o, o + n)));
            o += n;
          }
          r.finish();
          const got = r.result();
          const want = naive(samples, spb);
          expect(Array.from(got.min)).toEqual(want.min);
          expect(Array.from(got.max)).toEqual(want.max);
        },
      ),
    );
  });

  it('hands out each finished bucket once, in order', () => {
    const r = new PeakReducer(2);
    r.feed(pcm([1, -1, 5]));
    expect(r.takeNew()).toMatchObject({ start: 0, min: Int16Array.from([-1]), max: Int16Array.from([1]) });
    r.feed(pcm([-7, 3, 4]));
    r.finish();
    const next = r.takeNew();
    expect(next.start).toBe(1);
    expect(Array.from(next.min)).toEqual([-7, 3]);
    expect(Array.from(next.max)).toEqual([5, 4]);
    expect(r.takeNew().min.length).toBe(0);
  });
});

describe('levels', () => {
  it('coarsens by pairing, keeping an odd last bucket', () => {
    const c = coarsen({
      samplesPerBucket: 4,
      min: Int16Array.from([-1, -5, 0]),
      max: Int16Array.from([2, 1, 9]),
    });
    expect(c.samplesPerBucket).toBe(8);
    expect(Array.from(c.min)).toEqual([-5, 0]);
    expect(Array.from(c.max)).toEqual([2, 9]);
  });

  it('builds levels down to the minimum bucket count and picks one per zoom', () => {
    const n = 5000;
    const base = { samplesPerBucket: 32, min: new Int16Array(n), max: new Int16Array(n) };
    const levels = buildLevels(base, 256);
    expect(levels.map((l) => l.min.length)).toEqual([5000, 2500, 1250, 625, 313, 157]);
    const w: Waveform = { sampleRate: 8000, durationMs: 20_000, levels, hasAudio: true };
    expect(pickLevel(w, 4)).toBe(0); // 4 ms per pixel: finest
    expect(pickLevel(w, 20)).toBe(2); // 16 ms buckets
    expect(pickLevel(w, 10_000)).toBe(5);
  });
});

describe('waveform cache file', () => {
  it('round-trips and rejects anything else', () => {
    const base = {
      samplesPerBucket: 32,
      min: Int16Array.from([-32768, -3, 0]),
      max: Int16Array.from([32767, 4, 1]),
    };
    const w: Waveform = { sampleRate: 8000, durationMs: 12, levels: buildLevels(base, 1), hasAudio: true };
    const buf = encodeWaveform(w);
    expect(decodeWaveform(buf)).toEqual(w);
    expect(decodeWaveform(buf.subarray(0, buf.length - 2))).toBeNull();
    expect(decodeWaveform(Buffer.from('not a waveform file'))).toBeNull();
    const silent: Waveform = { sampleRate: 8000, durationMs: 1000, levels: [], hasAudio: false };
    expect(decodeWaveform(encodeWaveform(silent))).toEqual(silent);
  });
});
