// The waveform cache file: a small header then Int16 min/max arrays per level, little-endian.
//   "CLWF" u32 version u32 sampleRate u32 durationMs u32 hasAudio u32 levelCount
//   per level: u32 samplesPerBucket u32 count; then per level: Int16[count] min, Int16[count] max
import { endianness } from 'node:os';
import type { PeakLevel, Waveform } from '../../../shared/media/waveform.ts';

const LITTLE_ENDIAN = endianness() === 'LE';

const MAGIC = 0x46574c43; // "CLWF" read as little-endian u32
const VERSION = 1;

export function encodeWaveform(w: Waveform): Buffer {
  const header = 24 + 8 * w.levels.length;
  const body = w.levels.reduce((n, l) => n + 4 * l.min.length, 0);
  const buf = Buffer.alloc(header + body);
  let o = 0;
  const u32 = (v: number): void => {
    buf.writeUInt32LE(v >>> 0, o);
    o += 4;
  };
  u32(MAGIC);
  u32(VERSION);
  u32(w.sampleRate);
  u32(Math.round(w.durationMs));
  u32(w.hasAudio ? 1 : 0);
  u32(w.levels.length);
  for (const l of w.levels) {
    u32(l.samplesPerBucket);
    u32(l.min.length);
  }
  for (const l of w.levels) {
    for (const arr of [l.min, l.max]) {
      if (LITTLE_ENDIAN) buf.set(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength), o);
      else for (let i = 0; i < arr.length; i++) buf.writeInt16LE(arr[i] ?? 0, o + 2 * i);
      o += arr.byteLength;
    }
  }
  return buf;
}

/** null when the file is not a waveform of this version (then it is rebuilt). */
export function decodeWaveform(buf: Buffer): Waveform | null {
  try {
    let o = 0;
    const u32 = (): number => {
      const v = buf.readUInt32LE(o);
      o += 4;
      return v;
    };
    if (u32() !== MAGIC || u32() !== VERSION) return null;
    const sampleRate = u32();
    const durationMs = u32();
    const hasAudio = u32() === 1;
    const n = u32();
    if (n > 64) return null;
    const dims: Array<{ spb: number; count: number }> = [];
    for (let i = 0; i < n; i++) dims.push({ spb: u32(), count: u32() });
    const levels: PeakLevel[] = [];
    for (const d of dims) {
      const read = (): Int16Array => {
        if (o + 2 * d.count > buf.length) throw new RangeError('short file');
        let a: Int16Array;
        if (LITTLE_ENDIAN && (buf.byteOffset + o) % 2 === 0) {
          a = new Int16Array(buf.buffer, buf.byteOffset + o, d.count).slice();
        } else {
          a = new Int16Array(d.count);
          for (let i = 0; i < d.count; i++) a[i] = buf.readInt16LE(o + 2 * i);
        }
        o += 2 * d.count;
        return a;
      };
      const min = read();
      const max = read();
      levels.push({ samplesPerBucket: d.spb, min, max });
    }
    if (o !== buf.length) return null;
    return { sampleRate, durationMs, levels, hasAudio };
  } catch {
    return null;
  }
}
