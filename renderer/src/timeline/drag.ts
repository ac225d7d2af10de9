// The pointer drag state machine: move (one cue or the selection), resize start, resize end, and
// create on empty space. Every update is computed from the cues as they were when the drag began
// and emits an absolute edit (move/resize/retime), so the stream can be coalesced into one undo
// step by keeping the first inverse and the last edit. Without `allowOverlaps` a cue stops at its
// neighbours instead of running over them.
import type { Cue } from '../../../shared/captions/model.ts';
import type { Edit } from '../../../shared/captions/edits.ts';
import type { CueIndex } from './cue-index.ts';
import { neighbourBounds } from './cue-index.ts';
import type { SnapContext, SnapTarget } from './snapping.ts';
import { snapEdge } from './snapping.ts';

export type DragMode = 'move' | 'resize-start' | 'resize-end' | 'create';

export interface DragEnv {
  index: CueIndex;
  /** Snap context without neighbour edges (the drag fills those in). */
  snap: Omit<SnapContext, 'neighbourEdges'>;
  /** Media duration; 0 when unknown (no clamp at the end). */
  durationMs: number;
  allowOverlaps: boolean;
  /** Shortest cue a resize or create leaves (one frame is the usual choice). */
  minDurationMs: number;
}

export interface CueTimes {
  id: string;
  start: number;
  end: number;
}

export interface DragUpdate {
  /** The edit for this pointer position; null when nothing changed since the last update. */
  edit: Edit | null;
  /** Where the dragged cues are now (or the range a create would make). */
  preview: CueTimes[];
  snapped: SnapTarget | null;
}

function isLandmark(t: SnapTarget): boolean {
  return t.kind === 'neighbour' || t.kind === 'playhead' || t.kind === 'shot';
}

export class DragSession {
  readonly mode: DragMode;
  private readonly env: DragEnv;
  private readonly anchorMs: number;
  private readonly originals: CueTimes[];
  private readonly groupStart: number;
  private readonly groupEnd: number;
  private readonly prevEnd: number;
  private readonly nextStart: number;
  private minDelta = Number.NEGATIVE_INFINITY;
  private maxDelta = Number.POSITIVE_INFINITY;
  private lastKey = '';
  private emitted = false;
  private current: CueTimes[];

  /**
   * `ids` are the cues dragged (the selection for a move, the grabbed cue for a resize, none for
   * create); `anchorMs` is the time under the pointer when the drag began.
   */
  constructor(env: DragEnv, mode: DragMode, ids: readonly string[], anchorMs: number) {
    this.env = env;
    this.mode = mode;
    this.anchorMs = anchorMs;
    const ix = env.index;
    this.originals = [];
    for (const id of ids) {
      const i = ix.byId.get(id);
      const c = i === undefined ? undefined : ix.cues[i];
      if (c) this.originals.push({ id: c.id, start: c.start, end: c.end });
    }
    this.current = this.originals.map((o) => ({ ...o }));
    const exclude = new Set(this.originals.map((o) => o.id));
    if (mode === 'create') {
      this.groupStart = anchorMs;
      this.groupEnd = anchorMs;
    } else {
      this.groupStart = Math.min(...this.originals.map((o) => o.start));
      this.groupEnd = Math.max(...this.originals.map((o) => o.end));
    }
    const b = neighbourBounds(ix, this.groupStart, this.groupEnd, exclude);
    this.prevEnd = b.prevEnd;
    this.nextStart = b.nextStart;
    if (mode === 'move') {
      // Each selected cue keeps clear of the unselected cues around it.
      for (const o of this.originals) {
        const nb = env.allowOverlaps
          ? { prevEnd: 0, nextStart: Number.POSITIVE_INFINITY }
          : neighbourBounds(ix, o.start, o.end, exclude);
        this.minDelta = Math.max(this.minDelta, nb.prevEnd - o.start);
        this.maxDelta = Math.min(this.maxDelta, nb.nextStart - o.end);
      }
      this.minDelta = Math.max(this.minDelta, -this.groupStart);
      if (env.durationMs > 0 && this.groupEnd <= env.durationMs)
        this.maxDelta = Math.min(this.maxDelta, env.durationMs - this.groupEnd);
      // An existing overlap must not make the range empty: staying put is always allowed.
      this.minDelta = Math.min(this.minDelta, 0);
      this.maxDelta = Math.max(this.maxDelta, 0);
    }
  }

  /** The cues' original times (to restore on cancel). */
  get original(): readonly CueTimes[] {
    return this.originals;
  }

  /** Pointer now at `pointerMs`; `noSnap` when Alt is held. */
  update(pointerMs: number, noSnap = false): DragUpdate {
    const d = pointerMs - this.anchorMs;
    switch (this.mode) {
      case 'move':
        return this.updateMove(d, noSnap);
      case 'resize-start':
      case 'resize-end':
        return this.updateResize(d, noSnap);
      case 'create':
        return this.updateCreate(pointerMs, noSnap);
    }
  }

  /** The edit that undoes what was emitted (Escape), or null when nothing was. */
  cancel(): Edit | null {
    if (!this.emitted || this.mode === 'create') return null;
    return this.editFor(this.originals);
  }

  /** The range a create drag would make, or null for other modes / too short. */
  createdRange(): { startMs: number; endMs: number } | null {
    const c = this.current[0];
    if (this.mode !== 'create' || !c || c.end - c.start < this.env.minDurationMs) return null;
    return { startMs: c.start, endMs: c.end };
  }

  /** Whether any edit was emitted (a press without movement emits none). */
  get changed(): boolean {
    return this.emitted;
  }

  private ctx(neighbourEdges: number[]): SnapContext {
    return { ...this.env.snap, neighbourEdges };
  }

  private neighbourEdges(): number[] {
    const e: number[] = [];
    if (this.prevEnd > 0) e.push(this.prevEnd);
    if (Number.isFinite(this.nextStart)) e.push(this.nextStart);
    return e;
  }

  private updateMove(rawDelta: number, noSnap: boolean): DragUpdate {
    const edges = this.neighbourEdges();
    const ctx = this.ctx(edges);
    const s = snapEdge(this.groupStart + rawDelta, 'start', ctx, noSnap);
    const e = snapEdge(this.groupEnd + rawDelta, 'end', ctx, noSnap);
    let snapped: SnapTarget;
    let delta: number;
    const ds = s.ms - this.groupStart;
    const de = e.ms - this.groupEnd;
    // A landmark (neighbour, playhead, cut) beats a plain frame; between two landmarks the smaller pull wins.
    if (isLandmark(s) && (!isLandmark(e) || Math.abs(ds - rawDelta) <= Math.abs(de - rawDelta))) {
      snapped = s;
      delta = ds;
    } else if (isLandmark(e)) {
      snapped = e;
      delta = de;
    } else {
      snapped = s;
      delta = ds;
    }
    delta = Math.round(Math.min(this.maxDelta, Math.max(this.minDelta, delta)));
    const next = this.originals.map((o) => ({ id: o.id, start: o.start + delta, end: o.end + delta }));
    return this.emit(next, snapped);
  }

  private updateResize(rawDelta: number, noSnap: boolean): DragUpdate {
    const o = this.originals[0];
    if (!o) return { edit: null, preview: [], snapped: null };
    const min = this.env.minDurationMs;
    const free = this.env.allowOverlaps;
    if (this.mode === 'resize-start') {
      const snapped = snapEdge(
        o.start + rawDelta,
        'start',
        this.ctx(this.prevEnd > 0 ? [this.prevEnd] : []),
        noSnap,
      );
      const lo = free ? 0 : this.prevEnd;
      const start = Math.round(Math.max(lo, Math.min(o.end - min, snapped.ms)));
      return this.emit([{ id: o.id, start: Math.min(start, o.end), end: o.end }], snapped);
    }
    const snapped = snapEdge(
      o.end + rawDelta,
      'end',
      this.ctx(Number.isFinite(this.nextStart) ? [this.nextStart] : []),
      noSnap,
    );
    let hi = free ? Number.POSITIVE_INFINITY : this.nextStart;
    if (this.env.durationMs > 0 && o.end <= this.env.durationMs) hi = Math.min(hi, this.env.durationMs);
    const end = Math.round(Math.min(hi, Math.max(o.start + min, snapped.ms)));
    return this.emit([{ id: o.id, start: o.start, end: Math.max(end, o.start) }], snapped);
  }

  private updateCreate(pointerMs: number, noSnap: boolean): DragUpdate {
    const a = Math.min(this.anchorMs, pointerMs);
    const b = Math.max(this.anchorMs, pointerMs);
    const ctx = this.ctx(this.neighbourEdges());
    const s = snapEdge(a, 'start', ctx, noSnap);
    const e = snapEdge(b, 'end', ctx, noSnap);
    const lo = this.env.allowOverlaps ? 0 : this.prevEnd;
    let hi = this.env.allowOverlaps ? Number.POSITIVE_INFINITY : this.nextStart;
    if (this.env.durationMs > 0) hi = Math.min(hi, this.env.durationMs);
    const start = Math.round(Math.max(lo, Math.min(s.ms, hi)));
    const end = Math.round(Math.max(start, Math.min(e.ms, hi)));
    this.current = [{ id: '', start, end }];
    return { edit: null, preview: this.current, snapped: isLandmark(s) ? s : isLandmark(e) ? e : null };
  }

  private emit(next: CueTimes[], snapped: SnapTarget): DragUpdate {
    const key = next.map((c) => `${c.start}-${c.end}`).join(',');
    this.current = next;
    if (key === this.lastKey) return { edit: null, preview: next, snapped };
    const unchanged = next.every(
      (c, i) => c.start === this.originals[i]?.start && c.end === this.originals[i]?.end,
    );
    this.lastKey = key;
    if (unchanged && !this.emitted) return { edit: null, preview: next, snapped };
    this.emitted = true;
    return { edit: this.editFor(next), preview: next, snapped };
  }

  private editFor(times: readonly CueTimes[]): Edit {
    if (this.mode === 'move' && times.length === 1) {
      const t = times[0] as CueTimes;
      return { kind: 'move', id: t.id, start: t.start };
    }
    if (this.mode === 'resize-start' || this.mode === 'resize-end') {
      const t = times[0] as CueTimes;
      return this.mode === 'resize-start'
        ? { kind: 'resize', id: t.id, start: t.start }
        : { kind: 'resize', id: t.id, end: t.end };
    }
    return { kind: 'retime', times: times.map((t) => ({ id: t.id, start: t.start, end: t.end })) };
  }
}

/** Cue times after a preview, for drawing while a drag is in progress (no track rebuild). */
export function previewTimes(c: Cue, preview: ReadonlyMap<string, CueTimes>): { start: number; end: number } {
  const p = preview.get(c.id);
  return p ? p : c;
}
