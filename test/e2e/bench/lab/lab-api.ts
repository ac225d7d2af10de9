// What the lab page exposes on window.__lab (the bench and e2e tests drive it with page.evaluate).
import type { Edit } from '../../../../shared/captions/edits.ts';
import type { Cue } from '../../../../shared/captions/model.ts';
import type { Viewport } from '../../../../renderer/src/timeline/viewport.ts';

export interface LabSetup {
  cueCount?: number;
  cues?: Cue[];
  durationMs: number;
  fps?: { num: number; den: number };
  /** Synthesize a waveform of this length (ms) as a cached media:waveform result would arrive. */
  syntheticPeaksMs?: number;
  shotChangesMs?: number[];
  videoUrl?: string | null;
  height?: number;
  /** Re-run the caption rules on every edit (default true; the bench checks once). */
  liveFindings?: boolean;
}

export interface LabApi {
  /** Mounts the timeline with this data; resolves with the ms from the call to the first painted frame. */
  open(setup: LabSetup): Promise<{ openMs: number }>;
  cues(): Cue[];
  edits(): { edit: Edit; coalesceKey?: string; final: boolean }[];
  creates(): { startMs: number; endMs: number }[];
  seeks(): number[];
  selected(): string[];
  currentTimeMs(): number;
  setCurrentTime(ms: number): void;
  select(ids: string[]): void;
  viewport(): Viewport;
  setView(startMs: number, msPerPx: number): void;
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
  /** Draw durations (ms) since the last call. */
  takeFrames(): number[];
  /** Input-to-paint latencies (ms) of drag edits since the last call. */
  takeEditLatencies(): number[];
  /** Resolves after the next painted frame (only when something will be painted). */
  nextFrame(): Promise<void>;
  /** Resolves after the next animation frame, painted or not (a pending paint runs before it). */
  afterFrame(): Promise<void>;
  /** The preview's captions as shown. */
  captionText(): string;
  video(): { currentTimeMs: number; paused: boolean; durationMs: number };
  play(): void;
  pause(): void;
  stepFrames(n: number): void;
}

declare global {
  interface Window {
    __lab: LabApi;
  }
}
