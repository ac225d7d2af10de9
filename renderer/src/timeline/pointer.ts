// The timeline's pointer handling, out of Timeline.svelte: press, drag (move, resize, create, seek
// on the ruler), the drag threshold, scrolling the view while a drag pushes against an edge,
// Escape to cancel, and what a click means (a click on empty lane seeks there; a click on a cue
// moves the playhead to its start). The component hands in what it owns through `PointerHost` and
// draws what this reports (preview times, the cue being created, the cursor).
import type { Edit } from '../../../shared/captions/edits.ts';
import type { Cue } from '../../../shared/captions/model.ts';
import type { CueIndex } from './cue-index.ts';
import { DragSession, type CueTimes, type DragEnv, type DragMode } from './drag.ts';
import { hitTest } from './hit-test.ts';
import type { TimelineLayout } from './layout.ts';
import { clampViewport, xToTime, type Viewport } from './viewport.ts';

export type SelectMode = 'replace' | 'toggle' | 'extend';

export interface PointerHost {
  viewport(): Viewport;
  setViewport(v: Viewport): void;
  layout(): TimelineLayout;
  index(): CueIndex;
  cues(): readonly Cue[];
  selected(): ReadonlySet<string>;
  dragEnv(): DragEnv;
  /** The span the view may scroll over, and one frame in ms (for clamping). */
  contentDuration(): number;
  frameMs(): number;
  /** Where a seek may go (the media's end, or the content's). */
  clampSeek(ms: number): number;
  /** Drag feedback to draw; null when nothing is dragged. */
  show(preview: Map<string, CueTimes> | null, creating: { start: number; end: number } | null): void;
  setCursor(cursor: string): void;
  onSeek?: ((ms: number) => void) | undefined;
  onSelect?: ((ids: string[], mode: SelectMode) => void) | undefined;
  onEdit?: ((edit: Edit, meta: { coalesceKey?: string; final: boolean }) => void) | undefined;
  onCreate?: ((startMs: number, endMs: number) => void) | undefined;
}

interface Pending {
  mode: DragMode | 'seek';
  ids: string[];
  x: number;
  anchorMs: number;
  pointerId: number;
  active: boolean;
}

const DRAG_THRESHOLD_PX = 3;
// Dragging against the left or right edge scrolls the view, faster the further past the edge.
const EDGE_SCROLL_PX = 24;

export class TimelinePointer {
  readonly #h: PointerHost;
  #drag: DragSession | null = null;
  #pending: Pending | null = null;
  #lastEdit: Edit | null = null;
  #dragSeq = 0;
  #coalesceKey = '';
  #lastPointer = { x: 0, alt: false };
  #edgeRaf = 0;

  constructor(host: PointerHost) {
    this.#h = host;
  }

  /** A drag has started (past the threshold): the view doesn't follow the playhead under it. */
  get dragging(): boolean {
    return this.#drag !== null;
  }

  /** A press or drag is under way (the view shouldn't refit under it). */
  get busy(): boolean {
    return this.#pending !== null;
  }

  down(
    x: number,
    y: number,
    e: { pointerId: number; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean },
  ): void {
    const h = this.#h;
    const hit = hitTest(x, y, h.viewport(), h.layout(), h.index());
    const layout = h.layout();
    if (hit.kind === 'ruler' || (hit.kind === 'empty' && y < layout.cuesTop)) {
      h.onSeek?.(h.clampSeek(hit.ms));
      this.#pending = { mode: 'seek', ids: [], x, anchorMs: hit.ms, pointerId: e.pointerId, active: true };
      return;
    }
    if (hit.kind === 'empty') {
      this.#pending = { mode: 'create', ids: [], x, anchorMs: hit.ms, pointerId: e.pointerId, active: false };
      return;
    }
    const id = hit.id;
    const selected = h.selected();
    const toggle = e.ctrlKey || e.metaKey;
    if (toggle) h.onSelect?.([id], 'toggle');
    else if (e.shiftKey) h.onSelect?.([id], 'extend');
    else if (!selected.has(id) || hit.part !== 'body') h.onSelect?.([id], 'replace');
    if (toggle || e.shiftKey) {
      this.#pending = null;
      return;
    }
    const index = h.index();
    const ids =
      hit.part === 'body' && selected.has(id) ? [...selected].filter((s) => index.byId.has(s)) : [id];
    const mode: DragMode = hit.part === 'start' ? 'resize-start' : hit.part === 'end' ? 'resize-end' : 'move';
    this.#pending = {
      mode,
      ids,
      x,
      anchorMs: xToTime(h.viewport(), x),
      pointerId: e.pointerId,
      active: false,
    };
  }

  move(x: number, y: number, alt: boolean): void {
    const h = this.#h;
    const p = this.#pending;
    if (!p) {
      const hit = hitTest(x, y, h.viewport(), h.layout(), h.index());
      h.setCursor(
        hit.kind === 'cue'
          ? hit.part === 'body'
            ? 'grab'
            : 'ew-resize'
          : hit.kind === 'ruler'
            ? 'pointer'
            : y >= h.layout().cuesTop
              ? 'crosshair'
              : 'pointer',
      );
      return;
    }
    if (p.mode === 'seek') {
      h.onSeek?.(h.clampSeek(xToTime(h.viewport(), x)));
      return;
    }
    if (!p.active) {
      if (Math.abs(x - p.x) < DRAG_THRESHOLD_PX) return;
      p.active = true;
      this.#drag = new DragSession(h.dragEnv(), p.mode, p.ids, p.anchorMs);
      this.#coalesceKey = `timeline-drag-${++this.#dragSeq}`;
      this.#lastEdit = null;
      h.setCursor(p.mode === 'move' ? 'grabbing' : p.mode === 'create' ? 'crosshair' : 'ew-resize');
    }
    this.#lastPointer = { x, alt };
    this.#applyAt(x, alt);
    if (this.#edgeSpeed(x) !== 0 && !this.#edgeRaf)
      this.#edgeRaf = requestAnimationFrame(() => this.#edgeTick());
  }

  /** The pointer went up (only the one that pressed counts). */
  up(pointerId: number): void {
    if (this.#pending && pointerId !== this.#pending.pointerId) return;
    this.finish(false);
  }

  /** Escape: a drag in progress goes back to where it started. True when there was one. */
  cancel(): boolean {
    if (!this.#pending) return false;
    this.finish(true);
    return true;
  }

  #applyAt(x: number, alt: boolean): void {
    const drag = this.#drag;
    if (!drag) return;
    const h = this.#h;
    const u = drag.update(xToTime(h.viewport(), x), alt);
    if (drag.mode === 'create') {
      const c = u.preview[0];
      h.show(null, c ? { start: c.start, end: c.end } : null);
      return;
    }
    h.show(new Map(u.preview.map((p) => [p.id, p])), null);
    if (u.edit) {
      this.#lastEdit = u.edit;
      h.onEdit?.(u.edit, { coalesceKey: this.#coalesceKey, final: false });
    }
  }

  #edgeSpeed(x: number): number {
    if (!this.#drag) return 0;
    if (x < EDGE_SCROLL_PX) return -Math.min(40, EDGE_SCROLL_PX - x);
    const right = this.#h.viewport().widthPx - EDGE_SCROLL_PX;
    return x > right ? Math.min(40, x - right) : 0;
  }

  #edgeTick(): void {
    this.#edgeRaf = 0;
    const speed = this.#edgeSpeed(this.#lastPointer.x);
    if (speed === 0) return;
    const h = this.#h;
    const v = h.viewport();
    h.setViewport(
      clampViewport({ ...v, startMs: v.startMs + speed * v.msPerPx }, h.contentDuration(), h.frameMs()),
    );
    if (h.viewport().startMs === v.startMs) return;
    this.#applyAt(this.#lastPointer.x, this.#lastPointer.alt);
    this.#edgeRaf = requestAnimationFrame(() => this.#edgeTick());
  }

  finish(cancelled: boolean): void {
    if (this.#edgeRaf) cancelAnimationFrame(this.#edgeRaf);
    this.#edgeRaf = 0;
    const h = this.#h;
    const p = this.#pending;
    const d = this.#drag;
    this.#pending = null;
    this.#drag = null;
    h.show(null, null);
    h.setCursor('default');
    if (!p) return;
    if (!p.active) {
      // A click on empty space in the cue lane seeks there; a click on a cue (no drag) moves the
      // playhead to its start, as selecting it in the list does. (Not on press: the playhead would
      // become a snap target for the drag that may follow.)
      if (cancelled) return;
      if (p.mode === 'create') h.onSeek?.(h.clampSeek(p.anchorMs));
      else if (p.mode !== 'seek' && p.ids.length === 1) {
        const i = h.index().byId.get(p.ids[0] ?? '');
        const c = i === undefined ? undefined : h.cues()[i];
        if (c) h.onSeek?.(h.clampSeek(c.start));
      }
      return;
    }
    if (!d) return;
    if (d.mode === 'create') {
      const r = d.createdRange();
      if (r && !cancelled) h.onCreate?.(r.startMs, r.endMs);
      return;
    }
    if (cancelled) {
      const undo = d.cancel();
      if (undo) h.onEdit?.(undo, { coalesceKey: this.#coalesceKey, final: true });
    } else if (this.#lastEdit) h.onEdit?.(this.#lastEdit, { coalesceKey: this.#coalesceKey, final: true });
  }
}
