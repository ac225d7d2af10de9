// Edits are data (serialisable, for the undo stack) applied by one pure function that also returns
// the inverse edit. Edits whose exact inverse can't be recomputed (split, merge, stretch with its
// rounding) return an inverse that carries the old cues/times verbatim.
import { CuelineError } from '../errors.ts';
import type { Cue, Track } from './model.ts';
import { newCueId } from './model.ts';

export type CueSelection = string[] | 'all';

export type Edit =
  /** Inserts cues; each index is the cue's position in the resulting list (applied in ascending order). */
  | { kind: 'insert'; items: { index: number; cue: Cue }[] }
  | { kind: 'delete'; ids: string[] }
  /** Moves a cue to start at `start`, keeping its duration. */
  | { kind: 'move'; id: string; start: number }
  | { kind: 'resize'; id: string; start?: number; end?: number }
  /** Splits a cue at `at` ms; the second half gets `newId` (generated when absent). */
  | { kind: 'split'; id: string; at: number; newId?: string }
  /** Merges consecutive cues into the first one. */
  | { kind: 'merge'; ids: string[] }
  /** Shifts cues by `deltaMs`; clamped so that no cue starts before 0. */
  | { kind: 'shift'; ids: CueSelection; deltaMs: number }
  /** Linear retime mapping sync point `from[0]` → `to[0]` and `from[1]` → `to[1]`. */
  | { kind: 'stretch'; ids: CueSelection; from: [number, number]; to: [number, number] }
  /** Sets cue times verbatim (the inverse of shift/stretch). */
  | { kind: 'retime'; times: { id: string; start: number; end: number }[] }
  /** Stable sort by start then end. */
  | { kind: 'sort' }
  /** Puts cues in the given id order. */
  | { kind: 'reorder'; ids: string[] }
  /** Gives cues the ids `ids` (position by position), or "1", "2", … when absent. */
  | { kind: 'renumber'; ids?: string[] }
  | { kind: 'setText'; id: string; text: string }
  | { kind: 'setSettings'; id: string; settings: string | null }
  /** Replaces `count` cues from `index` with `cues` (the inverse of split and merge). */
  | { kind: 'replaceCues'; index: number; count: number; cues: Cue[] }
  /** Several edits as one undo step. */
  | { kind: 'batch'; edits: Edit[] };

export interface EditResult {
  track: Track;
  inverse: Edit;
}

function invalid(message: string): CuelineError {
  return new CuelineError('edit.invalid', message);
}

function indexOfId(track: Track, id: string): number {
  const i = track.cues.findIndex((c) => c.id === id);
  if (i < 0) throw invalid(`no cue with id "${id}"`);
  return i;
}

/**
 * Positions of many ids at once: one map over the track, not a findIndex per id (quadratic when a
 * whole 100,000-cue track is shifted, reordered or merged).
 */
function indicesOfIds(track: Track, ids: Iterable<string>): number[] {
  const list = [...ids];
  if (list.length <= 4) return list.map((id) => indexOfId(track, id));
  const at = new Map<string, number>();
  track.cues.forEach((c, i) => {
    if (!at.has(c.id)) at.set(c.id, i);
  });
  return list.map((id) => {
    const i = at.get(id);
    if (i === undefined) throw invalid(`no cue with id "${id}"`);
    return i;
  });
}

function cueAt(cues: Cue[], i: number): Cue {
  const c = cues[i];
  if (!c) throw invalid(`no cue at position ${i}`);
  return c;
}

function withCues(track: Track, cues: Cue[]): Track {
  return { ...track, cues };
}

function selected(track: Track, ids: CueSelection): Set<number> {
  if (ids === 'all') return new Set(track.cues.map((_, i) => i));
  return new Set(indicesOfIds(track, ids));
}

function checkTimes(start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end))
    throw invalid('cue times must be whole milliseconds');
  if (start < 0) throw invalid('a cue cannot start before 0');
  if (end < start) throw invalid('a cue cannot end before it starts');
}

/** Where to split `text` for a cut at fraction `f` of the cue: the nearest space or line break. */
export function splitText(text: string, f: number): [string, string] {
  const target = Math.round(text.length * Math.min(1, Math.max(0, f)));
  let best = -1;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i] ?? '') && (best < 0 || Math.abs(i - target) < Math.abs(best - target))) best = i;
  }
  if (best < 0) {
    // No spaces (e.g. Chinese, Japanese): cut at the nearest grapheme boundary.
    let cut = 0;
    for (const seg of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
      if (Math.abs(seg.index - target) <= Math.abs(cut - target)) cut = seg.index;
    }
    return [text.slice(0, cut), text.slice(cut)];
  }
  return [text.slice(0, best).trimEnd(), text.slice(best).trimStart()];
}

function stretchTime(t: number, from: [number, number], to: [number, number]): number {
  return Math.max(0, Math.round(to[0] + ((t - from[0]) * (to[1] - to[0])) / (from[1] - from[0])));
}

function retimeInverse(track: Track, indices: Iterable<number>): Edit {
  const times: { id: string; start: number; end: number }[] = [];
  for (const i of indices) {
    const c = cueAt(track.cues, i);
    times.push({ id: c.id, start: c.start, end: c.end });
  }
  return { kind: 'retime', times };
}

/** Applies `edit` to `track` without mutating it; returns the new track and the edit that undoes it. */
export function applyEdit(track: Track, edit: Edit): EditResult {
  switch (edit.kind) {
    case 'insert': {
      const items = [...edit.items].sort((a, b) => a.index - b.index);
      const cues = [...track.cues];
      const ids = new Set(cues.map((c) => c.id));
      for (const { index, cue } of items) {
        if (index < 0 || index > cues.length) throw invalid(`insert position ${index} is out of range`);
        if (ids.has(cue.id)) throw invalid(`a cue with id "${cue.id}" already exists`);
        checkTimes(cue.start, cue.end);
        ids.add(cue.id);
        cues.splice(index, 0, cue);
      }
      return { track: withCues(track, cues), inverse: { kind: 'delete', ids: items.map((i) => i.cue.id) } };
    }
    case 'delete': {
      const drop = new Set(edit.ids);
      indicesOfIds(track, drop);
      const items: { index: number; cue: Cue }[] = [];
      const cues: Cue[] = [];
      track.cues.forEach((cue, index) => {
        if (drop.has(cue.id)) items.push({ index, cue });
        else cues.push(cue);
      });
      return { track: withCues(track, cues), inverse: { kind: 'insert', items } };
    }
    case 'move': {
      const i = indexOfId(track, edit.id);
      const old = cueAt(track.cues, i);
      const start = edit.start;
      const end = start + (old.end - old.start);
      checkTimes(start, end);
      const cues = [...track.cues];
      cues[i] = { ...old, start, end };
      return { track: withCues(track, cues), inverse: { kind: 'move', id: old.id, start: old.start } };
    }
    case 'resize': {
      const i = indexOfId(track, edit.id);
      const old = cueAt(track.cues, i);
      const start = edit.start ?? old.start;
      const end = edit.end ?? old.end;
      checkTimes(start, end);
      const cues = [...track.cues];
      cues[i] = { ...old, start, end };
      return {
        track: withCues(track, cues),
        inverse: { kind: 'resize', id: old.id, start: old.start, end: old.end },
      };
    }
    case 'split': {
      const i = indexOfId(track, edit.id);
      const old = cueAt(track.cues, i);
      if (!(edit.at > old.start && edit.at < old.end) || !Number.isInteger(edit.at))
        throw invalid('split point must be a whole millisecond strictly inside the cue');
      const newId = edit.newId ?? newCueId(track);
      if (track.cues.some((c) => c.id === newId)) throw invalid(`a cue with id "${newId}" already exists`);
      const [a, b] = splitText(old.text, (edit.at - old.start) / (old.end - old.start));
      const first: Cue = { ...old, end: edit.at, text: a };
      const second: Cue = { ...old, id: newId, start: edit.at, text: b };
      const cues = [...track.cues];
      cues.splice(i, 1, first, second);
      return {
        track: withCues(track, cues),
        inverse: { kind: 'replaceCues', index: i, count: 2, cues: [old] },
      };
    }
    case 'merge': {
      if (edit.ids.length < 2) throw invalid('merge needs at least two cues');
      const indices = indicesOfIds(track, edit.ids).sort((a, b) => a - b);
      const from = indices[0] ?? 0;
      if (indices.some((v, k) => v !== from + k)) throw invalid('only consecutive cues can be merged');
      const olds = indices.map((k) => cueAt(track.cues, k));
      const head = cueAt(olds, 0);
      const merged: Cue = {
        ...head,
        // Loops, not Math.min(...spread): a spread of 130,000 values overflows the stack.
        start: olds.reduce((m, c) => Math.min(m, c.start), Infinity),
        end: olds.reduce((m, c) => Math.max(m, c.end), -Infinity),
        text: olds
          .map((c) => c.text)
          .filter((t) => t !== '')
          .join('\n'),
      };
      const cues = [...track.cues];
      cues.splice(from, olds.length, merged);
      return {
        track: withCues(track, cues),
        inverse: { kind: 'replaceCues', index: from, count: 1, cues: olds },
      };
    }
    case 'shift': {
      const sel = selected(track, edit.ids);
      if (!Number.isInteger(edit.deltaMs)) throw invalid('shift must be whole milliseconds');
      let minStart = Infinity;
      for (const i of sel) minStart = Math.min(minStart, cueAt(track.cues, i).start);
      const delta = sel.size === 0 ? 0 : Math.max(edit.deltaMs, -minStart);
      const cues = track.cues.map((c, i) =>
        sel.has(i) ? { ...c, start: c.start + delta, end: c.end + delta } : c,
      );
      const ids = edit.ids === 'all' ? 'all' : [...edit.ids];
      return { track: withCues(track, cues), inverse: { kind: 'shift', ids, deltaMs: -delta } };
    }
    case 'stretch': {
      if (edit.from[0] === edit.from[1]) throw invalid('the two sync points must be at different times');
      const sel = selected(track, edit.ids);
      const cues = track.cues.map((c, i) =>
        sel.has(i)
          ? {
              ...c,
              start: stretchTime(c.start, edit.from, edit.to),
              end: stretchTime(c.end, edit.from, edit.to),
            }
          : c,
      );
      for (const c of cues) if (c.end < c.start) throw invalid('the sync points would reverse cue times');
      return {
        track: withCues(track, cues),
        inverse: retimeInverse(
          track,
          [...sel].sort((a, b) => a - b),
        ),
      };
    }
    case 'retime': {
      const byId = new Map(edit.times.map((t) => [t.id, t]));
      const indices = indicesOfIds(
        track,
        edit.times.map((t) => t.id),
      );
      for (const t of edit.times) checkTimes(t.start, t.end);
      const inverse = retimeInverse(track, indices);
      const cues = track.cues.map((c) => {
        const t = byId.get(c.id);
        return t ? { ...c, start: t.start, end: t.end } : c;
      });
      return { track: withCues(track, cues), inverse };
    }
    case 'sort': {
      const cues = [...track.cues].sort((a, b) => a.start - b.start || a.end - b.end);
      return { track: withCues(track, cues), inverse: { kind: 'reorder', ids: track.cues.map((c) => c.id) } };
    }
    case 'reorder': {
      if (edit.ids.length !== track.cues.length || new Set(edit.ids).size !== edit.ids.length)
        throw invalid('reorder must list every cue exactly once');
      const cues = indicesOfIds(track, edit.ids).map((i) => cueAt(track.cues, i));
      return { track: withCues(track, cues), inverse: { kind: 'reorder', ids: track.cues.map((c) => c.id) } };
    }
    case 'renumber': {
      const ids = edit.ids ?? track.cues.map((_, i) => String(i + 1));
      if (ids.length !== track.cues.length || new Set(ids).size !== ids.length)
        throw invalid('renumber needs one unique id per cue');
      const rename = new Map(track.cues.map((c, i) => [c.id, ids[i] ?? c.id]));
      const next: Track = withCues(
        track,
        track.cues.map((c, i) => ({ ...c, id: ids[i] ?? c.id })),
      );
      if (track.vtt) {
        // NOTE blocks are anchored to cue ids: follow the rename.
        next.vtt = {
          ...track.vtt,
          blocks: track.vtt.blocks.map((b) => ({
            ...b,
            afterCueId: b.afterCueId === null ? null : (rename.get(b.afterCueId) ?? b.afterCueId),
          })),
        };
      }
      return { track: next, inverse: { kind: 'renumber', ids: track.cues.map((c) => c.id) } };
    }
    case 'setText': {
      const i = indexOfId(track, edit.id);
      const old = cueAt(track.cues, i);
      const cues = [...track.cues];
      cues[i] = { ...old, text: edit.text };
      return { track: withCues(track, cues), inverse: { kind: 'setText', id: old.id, text: old.text } };
    }
    case 'setSettings': {
      const i = indexOfId(track, edit.id);
      const old = cueAt(track.cues, i);
      const { settings: _drop, ...rest } = old;
      const cue: Cue = edit.settings ? { ...rest, settings: edit.settings } : rest;
      const cues = [...track.cues];
      cues[i] = cue;
      return {
        track: withCues(track, cues),
        inverse: { kind: 'setSettings', id: old.id, settings: old.settings ?? null },
      };
    }
    case 'replaceCues': {
      if (edit.index < 0 || edit.count < 0 || edit.index + edit.count > track.cues.length)
        throw invalid('replace range is out of range');
      const removed = track.cues.slice(edit.index, edit.index + edit.count);
      // Not splice(…, ...cues): a call with that many arguments overflows the stack on a big paste.
      const cues = track.cues
        .slice(0, edit.index)
        .concat(edit.cues, track.cues.slice(edit.index + edit.count));
      if (new Set(cues.map((c) => c.id)).size !== cues.length) throw invalid('cue ids must stay unique');
      return {
        track: withCues(track, cues),
        inverse: { kind: 'replaceCues', index: edit.index, count: edit.cues.length, cues: removed },
      };
    }
    case 'batch': {
      let t = track;
      const inverses: Edit[] = [];
      for (const e of edit.edits) {
        const r = applyEdit(t, e);
        t = r.track;
        inverses.unshift(r.inverse);
      }
      return { track: t, inverse: { kind: 'batch', edits: inverses } };
    }
  }
}

export interface EditApplied extends EditResult {
  /** The edit itself, for the redo stack. */
  edit: Edit;
}

function run(track: Track, edit: Edit): EditApplied {
  return { ...applyEdit(track, edit), edit };
}

/** Inserts `cue` at `index` (default: in start-time order). */
export function insertCue(track: Track, cue: Cue, index?: number): EditApplied {
  const at = index ?? track.cues.findIndex((c) => c.start > cue.start);
  return run(track, { kind: 'insert', items: [{ index: at < 0 ? track.cues.length : at, cue }] });
}
export function deleteCues(track: Track, ids: string[]): EditApplied {
  return run(track, { kind: 'delete', ids });
}
export function moveCue(track: Track, id: string, startMs: number): EditApplied {
  return run(track, { kind: 'move', id, start: startMs });
}
export function resizeCue(track: Track, id: string, edges: { start?: number; end?: number }): EditApplied {
  return run(track, { kind: 'resize', id, ...edges });
}
export function splitCue(track: Track, cueId: string, atMs: number, newId?: string): EditApplied {
  return run(
    track,
    newId === undefined
      ? { kind: 'split', id: cueId, at: atMs }
      : { kind: 'split', id: cueId, at: atMs, newId },
  );
}
export function mergeCues(track: Track, ids: string[]): EditApplied {
  return run(track, { kind: 'merge', ids });
}
export function shiftCues(track: Track, ids: CueSelection, deltaMs: number): EditApplied {
  return run(track, { kind: 'shift', ids, deltaMs });
}
/** Shifts every cue (e.g. the captions were timed against a different cut). */
export function shiftAll(track: Track, deltaMs: number): EditApplied {
  return shiftCues(track, 'all', deltaMs);
}
/** Linear retime: the cue time `a.from` goes to `a.to`, `b.from` to `b.to`, the rest in proportion. */
export function stretchCues(
  track: Track,
  ids: CueSelection,
  a: { from: number; to: number },
  b: { from: number; to: number },
): EditApplied {
  return run(track, { kind: 'stretch', ids, from: [a.from, b.from], to: [a.to, b.to] });
}
export function sortCues(track: Track): EditApplied {
  return run(track, { kind: 'sort' });
}
export function renumberCues(track: Track): EditApplied {
  return run(track, { kind: 'renumber' });
}
export function setCueText(track: Track, id: string, text: string): EditApplied {
  return run(track, { kind: 'setText', id, text });
}
