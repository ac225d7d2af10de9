// The playhead and transport, shared by the video preview, the timeline and the commands. The
// preview component binds currentTimeMs/paused; commands call the methods, which go through the
// preview when one is mounted (it owns the <video> element).
import type { FrameRate } from '../../../shared/captions/time.ts';
import { FRAME_RATES, nudgeFrames } from '../../../shared/captions/time.ts';

export interface Transport {
  play(): void;
  pause(): void;
  toggle(): void;
  seek(ms: number): void;
  stepFrames(n: number): void;
  playRange(a: number, b: number): void;
}

export class PlaybackStore {
  currentTimeMs = $state(0);
  durationMs = $state(0);
  paused = $state(true);
  playbackRate = $state(1);
  frameRate: FrameRate = $state.raw(FRAME_RATES['25']);
  loopRange: { startMs: number; endMs: number } | null = $state.raw(null);
  volume = $state(1);
  muted = $state(false);
  transport: Transport | null = null;

  /** The speeds the player offers (0.25–2×). */
  static readonly RATES = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2] as const;

  /** One step slower (-1) or faster (+1) along RATES. */
  stepRate(dir: -1 | 1): void {
    const rates = PlaybackStore.RATES;
    const i = rates.findIndex((r) => r >= this.playbackRate);
    const at = i < 0 ? rates.length - 1 : i;
    this.playbackRate = rates[Math.max(0, Math.min(rates.length - 1, at + dir))] ?? 1;
  }

  /** Loops [startMs, endMs) until called again (or with another range, which replaces it). */
  toggleLoop(range: { startMs: number; endMs: number } | null): void {
    const same =
      this.loopRange &&
      range &&
      this.loopRange.startMs === range.startMs &&
      this.loopRange.endMs === range.endMs;
    this.loopRange = same || !range ? null : range;
    if (this.loopRange) {
      this.seek(this.loopRange.startMs);
      if (this.paused) this.toggle();
    }
  }

  seek(ms: number): void {
    const t = Math.max(0, Math.round(this.durationMs > 0 ? Math.min(ms, this.durationMs) : ms));
    if (this.transport) this.transport.seek(t);
    this.currentTimeMs = t;
  }
  seekBy(deltaMs: number): void {
    this.seek(this.currentTimeMs + deltaMs);
  }
  stepFrames(n: number): void {
    if (this.transport) this.transport.stepFrames(n);
    else this.currentTimeMs = nudgeFrames(this.currentTimeMs, n, this.frameRate);
  }
  toggle(): void {
    if (this.transport) this.transport.toggle();
    else this.paused = !this.paused;
  }
  pause(): void {
    this.transport?.pause();
    this.paused = true;
  }
  playRange(a: number, b: number): void {
    if (this.transport) this.transport.playRange(a, b);
    else this.currentTimeMs = a;
  }
}
