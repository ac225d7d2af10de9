// Streaming min/max reduction of s16le mono PCM into fixed-size buckets.
import { endianness } from 'node:os';

const LITTLE_ENDIAN = endianness() === 'LE';

export class PeakReducer {
  readonly samplesPerBucket: number;
  private min: Int16Array;
  private max: Int16Array;
  private count = 0;
  private curMin = 32767;
  private curMax = -32768;
  private inBucket = 0;
  private carry: number | null = null;
  private taken = 0;
  samples = 0;

  constructor(samplesPerBucket: number, expectedBuckets = 1024) {
    this.samplesPerBucket = samplesPerBucket;
    this.min = new Int16Array(Math.max(16, expectedBuckets));
    this.max = new Int16Array(this.min.length);
  }

  private push(): void {
    if (this.count === this.min.length) {
      const min = new Int16Array(this.min.length * 2);
      const max = new Int16Array(this.min.length * 2);
      min.set(this.min);
      max.set(this.max);
      this.min = min;
      this.max = max;
    }
    this.min[this.count] = this.curMin;
    this.max[this.count] = this.curMax;
    this.count++;
    this.curMin = 32767;
    this.curMax = -32768;
    this.inBucket = 0;
  }

  private samplesOf(chunk: Buffer): Int16Array {
    let buf = chunk;
    if (this.carry !== null) {
      buf = Buffer.concat([Buffer.from([this.carry]), chunk]);
      this.carry = null;
    }
    if (buf.length % 2 === 1) {
      this.carry = buf[buf.length - 1] ?? 0;
      buf = buf.subarray(0, buf.length - 1);
    }
    const n = buf.length >> 1;
    if (LITTLE_ENDIAN && buf.byteOffset % 2 === 0) return new Int16Array(buf.buffer, buf.byteOffset, n);
    const out = new Int16Array(n);
    for (let i = 0; i < n; i++) out[i] = buf.readInt16LE(2 * i);
    return out;
  }

  feed(chunk: Buffer): void {
    const s = this.samplesOf(chunk);
    const spb = this.samplesPerBucket;
    let lo = this.curMin;
    let hi = this.curMax;
    let inB = this.inBucket;
    for (let i = 0; i < s.length; i++) {
      const v = s[i] as number;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (++inB === spb) {
        this.curMin = lo;
        this.curMax = hi;
        this.push();
        lo = 32767;
        hi = -32768;
        inB = 0;
      }
    }
    this.curMin = lo;
    this.curMax = hi;
    this.inBucket = inB;
    this.samples += s.length;
  }

  /** Closes the last, partial bucket. */
  finish(): void {
    if (this.inBucket > 0) this.push();
  }

  get length(): number {
    return this.count;
  }

  /** Buckets completed since the previous call. */
  takeNew(): { start: number; min: Int16Array; max: Int16Array } {
    const start = this.taken;
    this.taken = this.count;
    return { start, min: this.min.slice(start, this.count), max: this.max.slice(start, this.count) };
  }

  result(): { min: Int16Array; max: Int16Array } {
    return { min: this.min.slice(0, this.count), max: this.max.slice(0, this.count) };
  }
}
