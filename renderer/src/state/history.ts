// Undo/redo of caption edits. Each step stores the edits that were applied and their inverses
// (shared/captions/edits.ts), never whole tracks, so a 10,000-cue document keeps a long history
// cheaply. Continuous gestures (a drag, typing in one cue) arrive as many edits with one
// coalesceKey and become a single step.
import type { Edit } from '../../../shared/captions/edits.ts';

export interface HistoryStep {
  /** Which track of the document the step belongs to. */
  trackKey: string;
  /** Applied in order by redo. */
  edits: Edit[];
  /** Applied in reverse order by undo. */
  inverses: Edit[];
  label: string;
  coalesceKey?: string;
  /** An open step still absorbs edits with the same coalesceKey. */
  open: boolean;
  /** The track's version before and after the step: undo and redo restore them, so undoing back
   *  to the saved state is clean again. */
  before: number;
  after: number;
  /** A change to the document rather than to a track's cues (delete, add, rename a track). */
  op?: DocumentOp;
}

/** Undo and redo of a document-level change, done by the document itself. */
export interface DocumentOp {
  undo(): void;
  redo(): void;
}

export interface RecordMeta {
  label: string;
  coalesceKey?: string;
  /** The last edit of a gesture: the step closes after it. Default true. */
  final?: boolean;
}

/** A step to replay: an edit of one track (to land on `version`), or a document-level change. */
export type TakenStep =
  | { trackKey: string; label: string; edit: Edit; version: number }
  | { trackKey: string; label: string; run: () => void };

export class History {
  readonly #undo: HistoryStep[] = [];
  readonly #redo: HistoryStep[] = [];
  readonly #limit: number;

  constructor(limit = 500) {
    this.#limit = limit;
  }

  get canUndo(): boolean {
    return this.#undo.length > 0;
  }
  get canRedo(): boolean {
    return this.#redo.length > 0;
  }
  get undoLabel(): string | null {
    return this.#undo.at(-1)?.label ?? null;
  }
  get redoLabel(): string | null {
    return this.#redo.at(-1)?.label ?? null;
  }
  get size(): number {
    return this.#undo.length;
  }

  /**
   * Records an edit already applied to `trackKey`, with its inverse, taking the track from version
   * `before` to `after`. Returns the version the track is now at: `before` of the step when a
   * gesture came back to where it started (typing then deleting it, a drag dropped in place), as
   * such a step is dropped rather than left as an undo that changes nothing.
   */
  record(
    trackKey: string,
    edit: Edit,
    inverse: Edit,
    meta: RecordMeta,
    versions: { before: number; after: number },
  ): number {
    this.#redo.length = 0;
    const top = this.#undo.at(-1);
    const final = meta.final ?? true;
    if (
      top &&
      top.open &&
      meta.coalesceKey !== undefined &&
      top.coalesceKey === meta.coalesceKey &&
      top.trackKey === trackKey
    ) {
      top.edits.push(edit);
      top.inverses.push(inverse);
      top.open = !final;
      top.after = versions.after;
      if (backToStart(top)) {
        this.#undo.pop();
        return top.before;
      }
      return top.after;
    }
    if (top) top.open = false;
    const step: HistoryStep = {
      trackKey,
      edits: [edit],
      inverses: [inverse],
      label: meta.label,
      open: meta.coalesceKey !== undefined && !final,
      before: versions.before,
      after: versions.after,
    };
    if (meta.coalesceKey !== undefined) step.coalesceKey = meta.coalesceKey;
    this.#undo.push(step);
    if (this.#undo.length > this.#limit) this.#undo.shift();
    return versions.after;
  }

  /** Records a document-level change (already done) as one undo step. */
  recordOp(trackKey: string, label: string, op: DocumentOp): void {
    this.#redo.length = 0;
    const top = this.#undo.at(-1);
    if (top) top.open = false;
    this.#undo.push({ trackKey, edits: [], inverses: [], label, open: false, before: 0, after: 0, op });
    if (this.#undo.length > this.#limit) this.#undo.shift();
  }

  /** Ends any open gesture (e.g. the text box lost focus), so the next edit starts a new step. */
  seal(): void {
    const top = this.#undo.at(-1);
    if (top) top.open = false;
  }

  /** The step to undo, as one edit for its track (inverses in reverse order); moves it to redo. */
  takeUndo(): TakenStep | null {
    const step = this.#undo.pop();
    if (!step) return null;
    step.open = false;
    this.#redo.push(step);
    if (step.op) return { trackKey: step.trackKey, label: step.label, run: () => step.op?.undo() };
    return {
      trackKey: step.trackKey,
      edit: asOne([...step.inverses].reverse()),
      label: step.label,
      version: step.before,
    };
  }

  takeRedo(): TakenStep | null {
    const step = this.#redo.pop();
    if (!step) return null;
    this.#undo.push(step);
    if (step.op) return { trackKey: step.trackKey, label: step.label, run: () => step.op?.redo() };
    return { trackKey: step.trackKey, edit: asOne(step.edits), label: step.label, version: step.after };
  }

  /** Forgets the steps of a deleted track. */
  dropTrack(trackKey: string): void {
    for (const list of [this.#undo, this.#redo]) {
      for (let i = list.length - 1; i >= 0; i--) if (list[i]?.trackKey === trackKey) list.splice(i, 1);
    }
  }

  clear(): void {
    this.#undo.length = 0;
    this.#redo.length = 0;
  }
}

/** A one-cue gesture whose last edit puts back what its first one changed (same text, same place). */
function backToStart(step: HistoryStep): boolean {
  const first = step.inverses[0];
  const last = step.edits.at(-1);
  if (!first || !last || first.kind !== last.kind) return false;
  if (first.kind === 'setText' && last.kind === 'setText')
    return first.id === last.id && first.text === last.text;
  if (first.kind === 'move' && last.kind === 'move')
    return first.id === last.id && first.start === last.start;
  return false;
}

function asOne(edits: Edit[]): Edit {
  return edits.length === 1 && edits[0] ? edits[0] : { kind: 'batch', edits };
}
