// Editing commands as pure functions: (track, context) → the Edit to apply, or a reason it can't
// be done. The UI dispatches the Edit through the document store so every command is undoable.
import type { Edit } from '../../../shared/captions/edits.ts';
import type { Cue, Track } from '../../../shared/captions/model.ts';
import { newCueId } from '../../../shared/captions/model.ts';
import type { RuleSettings } from '../../../shared/captions/rules.ts';
import type { FrameRate } from '../../../shared/captions/time.ts';
import { framesToDurationMs, msToFrame, frameToMs, nudgeFrames } from '../../../shared/captions/time.ts';
import { partitionPoint } from '../../../shared/partition-point.ts';

export interface CommandContext {
  selectedIds: readonly string[];
  playheadMs: number;
  frameRate: FrameRate;
}

export type CommandResult = { edit: Edit; label: string; select?: string[] } | { error: string };

const DEFAULT_NEW_CUE_MS = 2000;
const MIN_NEW_CUE_MS = 200;

/** The cue the command acts on: the first selected one, else the one under the playhead. */
export function targetCue(track: Track, ctx: CommandContext): { cue: Cue; index: number } | null {
  const id = ctx.selectedIds[0];
  if (id !== undefined) {
    const index = track.cues.findIndex((c) => c.id === id);
    const cue = track.cues[index];
    if (cue) return { cue, index };
  }
  return cueAtTime(track, ctx.playheadMs);
}

export function cueAtTime(track: Track, ms: number): { cue: Cue; index: number } | null {
  // Binary search on start (cues are kept in time order), then scan back for long cues.
  const cues = track.cues;
  const lo = partitionPoint(cues.length, (i) => (cues[i]?.start ?? 0) <= ms);
  for (let i = lo - 1; i >= 0 && i >= lo - 50; i--) {
    const c = cues[i];
    if (c && c.start <= ms && ms < c.end) return { cue: c, index: i };
  }
  return null;
}

function selectedOrTarget(track: Track, ctx: CommandContext): Cue[] {
  const set = new Set(ctx.selectedIds);
  const sel = track.cues.filter((c) => set.has(c.id));
  if (sel.length > 0) return sel;
  const t = targetCue(track, ctx);
  return t ? [t.cue] : [];
}

/** A new empty cue at the playhead, as long as the room before the next cue allows. */
export function insertAtPlayhead(track: Track, ctx: CommandContext): CommandResult {
  const start = Math.max(0, Math.round(ctx.playheadMs));
  if (cueAtTime(track, start)) return { error: 'There is already a cue at the playhead.' };
  const index = track.cues.findIndex((c) => c.start > start);
  const next = index < 0 ? undefined : track.cues[index];
  const end = Math.min(start + DEFAULT_NEW_CUE_MS, next ? next.start : Infinity);
  if (end - start < MIN_NEW_CUE_MS) return { error: 'No room for a new cue before the next one.' };
  const cue: Cue = { id: newCueId(track), start, end, text: '' };
  return {
    edit: { kind: 'insert', items: [{ index: index < 0 ? track.cues.length : index, cue }] },
    label: 'Insert cue',
    select: [cue.id],
  };
}

/** A new cue spanning [startMs, endMs] (drawn on the timeline). */
export function insertRange(track: Track, startMs: number, endMs: number): CommandResult {
  const start = Math.max(0, Math.round(Math.min(startMs, endMs)));
  const end = Math.round(Math.max(startMs, endMs));
  if (end - start < 1) return { error: 'The new cue has no duration.' };
  const index = track.cues.findIndex((c) => c.start > start);
  const cue: Cue = { id: newCueId(track), start, end, text: '' };
  return {
    edit: { kind: 'insert', items: [{ index: index < 0 ? track.cues.length : index, cue }] },
    label: 'Insert cue',
    select: [cue.id],
  };
}

export function deleteSelected(track: Track, ctx: CommandContext): CommandResult {
  const cues = selectedOrTarget(track, ctx);
  if (cues.length === 0) return { error: 'Select a cue to delete.' };
  const last = cues.at(-1);
  const after = last ? track.cues[track.cues.indexOf(last) + 1] : undefined;
  return {
    edit: { kind: 'delete', ids: cues.map((c) => c.id) },
    label: cues.length === 1 ? 'Delete cue' : `Delete ${cues.length} cues`,
    select: after ? [after.id] : [],
  };
}

/**
 * Splits the cue under the playhead there; the first half ends `gapMs` before the second starts, so
 * a split never breaks the minimum-gap rule it is checked against.
 */
export function splitAtPlayhead(track: Track, ctx: CommandContext, gapMs = 0): CommandResult {
  const at = Math.round(ctx.playheadMs);
  const hit = cueAtTime(track, at);
  if (!hit || at <= hit.cue.start) return { error: 'Put the playhead inside a cue to split it.' };
  const gap = Math.max(0, Math.round(gapMs));
  if (at - gap <= hit.cue.start) return { error: 'The playhead is too close to the start to split here.' };
  const newId = newCueId(track);
  const split: Edit = { kind: 'split', id: hit.cue.id, at, newId };
  const edit: Edit =
    gap === 0 ? split : { kind: 'batch', edits: [split, { kind: 'resize', id: hit.cue.id, end: at - gap }] };
  return { edit, label: 'Split cue', select: [newId] };
}

export function mergeWithNext(track: Track, ctx: CommandContext): CommandResult {
  const sel = selectedOrTarget(track, ctx);
  if (sel.length > 1) return { edit: { kind: 'merge', ids: sel.map((c) => c.id) }, label: 'Merge cues' };
  const first = sel[0];
  if (!first) return { error: 'Select a cue to merge.' };
  const next = track.cues[track.cues.indexOf(first) + 1];
  if (!next) return { error: 'The last cue has no next cue to merge with.' };
  return {
    edit: { kind: 'merge', ids: [first.id, next.id] },
    label: 'Merge with next',
    select: [first.id],
  };
}

export function setEdgeAtPlayhead(track: Track, ctx: CommandContext, edge: 'start' | 'end'): CommandResult {
  const t = targetCue(track, ctx);
  if (!t) return { error: 'Select a cue first.' };
  const at = Math.max(0, Math.round(ctx.playheadMs));
  if (edge === 'start' && at >= t.cue.end) return { error: 'The start would be after the end.' };
  if (edge === 'end' && at <= t.cue.start) return { error: 'The end would be before the start.' };
  return {
    edit: { kind: 'resize', id: t.cue.id, [edge]: at },
    label: edge === 'start' ? 'Set start' : 'Set end',
  };
}

export type NudgeUnit = 'frame' | '100ms';

/** Moves the start, the end or both of the selected cues by `steps` frames or 100 ms steps. */
export function nudge(
  track: Track,
  ctx: CommandContext,
  edge: 'start' | 'end' | 'both',
  steps: number,
  unit: NudgeUnit,
): CommandResult {
  const cues = selectedOrTarget(track, ctx);
  if (cues.length === 0) return { error: 'Select a cue to nudge.' };
  const move = (ms: number): number =>
    unit === 'frame' ? nudgeFrames(ms, steps, ctx.frameRate) : Math.max(0, ms + steps * 100);
  const times = cues.map((c) => {
    if (edge === 'both') {
      // The cue keeps its duration; the start lands on the frame grid.
      const start = move(c.start);
      return { id: c.id, start, end: c.end + (start - c.start) };
    }
    const start = edge === 'start' ? Math.min(move(c.start), c.end) : c.start;
    const end = edge === 'end' ? Math.max(move(c.end), c.start) : c.end;
    return { id: c.id, start, end };
  });
  const what = edge === 'both' ? 'cue' : edge;
  const amount = unit === 'frame' ? `${Math.abs(steps)} frame` : `${Math.abs(steps) * 100} ms`;
  return {
    edit: { kind: 'retime', times },
    label: `Nudge ${what} ${steps < 0 ? '−' : '+'}${amount}`,
  };
}

/** The ids of the cues from `fromId` to the end (for "shift from this cue onward"). */
export function idsFrom(track: Track, fromId: string): string[] {
  const i = track.cues.findIndex((c) => c.id === fromId);
  return i < 0 ? [] : track.cues.slice(i).map((c) => c.id);
}

/**
 * Frame-rate conversion as an edit: every time scales by from/to, so frame N of the old rate stays
 * frame N of the new one (25 → 23.976 undoes a PAL speed-up).
 */
export function convertFrameRate(track: Track, from: FrameRate, to: FrameRate): CommandResult {
  if (track.cues.length === 0) return { error: 'There are no cues to convert.' };
  if (from.num * to.den === to.num * from.den) return { error: 'The two frame rates are the same.' };
  const ref = 3_600_000;
  const scaled = Math.round((ref * from.num * to.den) / (from.den * to.num));
  return {
    edit: { kind: 'stretch', ids: 'all', from: [0, ref], to: [0, scaled] },
    label: 'Convert frame rate',
  };
}

export function shiftBy(track: Track, ids: string[] | 'all', deltaMs: number): CommandResult {
  if (!Number.isFinite(deltaMs) || deltaMs === 0) return { error: 'Enter a non-zero offset.' };
  if (ids !== 'all' && ids.length === 0) return { error: 'Select cues to shift.' };
  if (track.cues.length === 0) return { error: 'There are no cues to shift.' };
  return {
    edit: { kind: 'shift', ids, deltaMs: Math.round(deltaMs) },
    label: ids === 'all' ? 'Shift all cues' : 'Shift selection',
  };
}

/** Two-point sync: the first cue's start goes to `firstTo`, the last cue's start to `lastTo`. */
export function twoPointSync(track: Track, firstTo: number, lastTo: number): CommandResult {
  const first = track.cues[0];
  const last = track.cues.at(-1);
  if (!first || !last || first === last) return { error: 'Two-point sync needs at least two cues.' };
  if (first.start === last.start) return { error: 'The first and last cues start at the same time.' };
  if (!(lastTo > firstTo)) return { error: 'The last cue must go after the first one.' };
  return {
    edit: { kind: 'stretch', ids: 'all', from: [first.start, last.start], to: [firstTo, lastTo] },
    label: 'Two-point sync',
  };
}

export interface ShotRules {
  /** A start up to this many frames before or after a cut snaps to the cut. */
  startWithinFrames: number;
  /** An end near a cut lands this many frames before it. */
  endBeforeFrames: number;
}

/** Snaps the selected cues' edges to nearby shot changes (the rules broadcast guides use). */
export function snapToShotChanges(
  track: Track,
  ctx: CommandContext,
  shotChangesMs: readonly number[],
  rules: ShotRules,
): CommandResult {
  const cues = selectedOrTarget(track, ctx);
  if (cues.length === 0) return { error: 'Select a cue to snap.' };
  if (shotChangesMs.length === 0) return { error: 'No shot changes are known for this video.' };
  const near = framesToDurationMs(rules.startWithinFrames, ctx.frameRate);
  const times: { id: string; start: number; end: number }[] = [];
  for (const c of cues) {
    let start = c.start;
    let end = c.end;
    // From either side: a start just after a cut and one just before it both land on it.
    const cutNearStart = nearest(
      shotChangesMs,
      c.start,
      (cut) => Math.abs(c.start - cut) <= near && cut < c.end,
    );
    if (cutNearStart !== null) start = cutNearStart;
    const cutNearEnd = nearest(shotChangesMs, c.end, (cut) => Math.abs(cut - c.end) <= near);
    if (cutNearEnd !== null) {
      const f = msToFrame(cutNearEnd, ctx.frameRate) - rules.endBeforeFrames;
      end = Math.max(start + 1, frameToMs(f, ctx.frameRate));
    }
    if (start !== c.start || end !== c.end) times.push({ id: c.id, start, end });
  }
  if (times.length === 0) return { error: 'No shot change is close enough to snap to.' };
  return { edit: { kind: 'retime', times }, label: 'Snap to shot change' };
}

function nearest(list: readonly number[], ms: number, ok: (v: number) => boolean): number | null {
  let best: number | null = null;
  for (const v of list) if (ok(v) && (best === null || Math.abs(v - ms) < Math.abs(best - ms))) best = v;
  return best;
}

export interface AutoFixOptions {
  extendToMinDuration: boolean;
  closeSmallGaps: boolean;
  resolveOverlaps: boolean;
  /** Gaps shorter than this are closed to the minimum gap ("chaining"). */
  chainGapMs: number;
}

export const DEFAULT_AUTOFIX: AutoFixOptions = {
  extendToMinDuration: true,
  closeSmallGaps: true,
  resolveOverlaps: true,
  chainGapMs: 500,
};

/**
 * Fixes timing findings: an overlap ends the earlier cue the minimum gap before the next; a gap
 * shorter than the chaining threshold becomes exactly the minimum gap; a cue shorter than the
 * minimum duration grows into the room after it (never into the next cue's minimum gap).
 */
export function autoFix(
  track: Track,
  rules: RuleSettings,
  frameRate: FrameRate | undefined,
  opts: AutoFixOptions = DEFAULT_AUTOFIX,
  onlyIds?: ReadonlySet<string>,
): CommandResult {
  const minGap = Math.round(
    frameRate && rules.minGapFrames !== undefined
      ? framesToDurationMs(rules.minGapFrames, frameRate)
      : rules.minGapMs,
  );
  const times: { id: string; start: number; end: number }[] = [];
  const cues = track.cues;
  for (let i = 0; i < cues.length; i++) {
    const c = cues[i];
    if (!c || (onlyIds && !onlyIds.has(c.id))) continue;
    const next = cues[i + 1];
    let end = c.end;
    if (next && next.start >= c.start) {
      const gap = next.start - end;
      if (opts.resolveOverlaps && gap < 0) end = next.start - minGap;
      else if (opts.closeSmallGaps && gap >= 0 && gap < opts.chainGapMs && gap !== minGap)
        end = next.start - minGap;
    }
    if (opts.extendToMinDuration && end - c.start < rules.minDurationMs) {
      const room = next && next.start >= c.start ? next.start - minGap : Infinity;
      end = Math.max(end, Math.min(c.start + rules.minDurationMs, room));
    }
    end = Math.max(end, c.start + 1);
    if (end !== c.end) times.push({ id: c.id, start: c.start, end });
  }
  if (times.length === 0) return { error: 'Nothing to fix.' };
  return {
    edit: { kind: 'retime', times },
    label: times.length === 1 ? 'Auto-fix 1 cue' : `Auto-fix ${times.length} cues`,
  };
}

export interface FindOptions {
  query: string;
  regex: boolean;
  caseSensitive: boolean;
}

/** A RegExp for the query, or an error message for an invalid pattern. */
export function findPattern(o: FindOptions): RegExp | string {
  if (o.query === '') return 'Type something to find.';
  const source = o.regex ? o.query : o.query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  try {
    return new RegExp(source, o.caseSensitive ? 'gu' : 'giu');
  } catch (err) {
    return err instanceof Error ? err.message : 'Invalid pattern.';
  }
}

/** Ids of cues whose text matches. */
export function findMatches(track: Track, re: RegExp): string[] {
  const out: string[] = [];
  for (const c of track.cues) {
    re.lastIndex = 0;
    if (re.test(c.text)) out.push(c.id);
  }
  return out;
}

/** Replaces in the given cues (all matches when ids is 'all'), as one undo step. */
export function replaceAll(
  track: Track,
  re: RegExp,
  replacement: string,
  ids: readonly string[] | 'all' = 'all',
): CommandResult {
  const only = ids === 'all' ? null : new Set(ids);
  const edits: Edit[] = [];
  for (const c of track.cues) {
    if (only && !only.has(c.id)) continue;
    re.lastIndex = 0;
    const text = c.text.replace(re, replacement);
    if (text !== c.text) edits.push({ kind: 'setText', id: c.id, text });
  }
  if (edits.length === 0) return { error: 'No matches.' };
  return {
    edit: edits.length === 1 && edits[0] ? edits[0] : { kind: 'batch', edits },
    label: edits.length === 1 ? 'Replace in 1 cue' : `Replace in ${edits.length} cues`,
  };
}
