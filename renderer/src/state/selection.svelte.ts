// Which cues are selected (by id) and which one has focus in the list; replace/toggle/extend as
// the timeline and the list report them.
import type { Track } from '../../../shared/captions/model.ts';

export type SelectMode = 'replace' | 'toggle' | 'extend';

export class SelectionStore {
  ids: readonly string[] = $state.raw([]);
  /** The cue the keyboard is on (the anchor of Shift-extends). */
  focusId: string | null = $state(null);

  get set(): ReadonlySet<string> {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain value built from immutable state
    return new Set(this.ids);
  }

  select(track: Track | null, ids: readonly string[], mode: SelectMode = 'replace'): void {
    if (mode === 'replace' || !track) {
      this.ids = [...ids];
    } else if (mode === 'toggle') {
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain value built from immutable state
      const s = new Set(this.ids);
      for (const id of ids) {
        if (s.has(id)) s.delete(id);
        else s.add(id);
      }
      this.ids = track.cues.filter((c) => s.has(c.id)).map((c) => c.id);
    } else {
      // Extend from the focused cue to the last given one, in list order.
      const target = ids.at(-1);
      const from = track.cues.findIndex((c) => c.id === (this.focusId ?? target));
      const to = track.cues.findIndex((c) => c.id === target);
      if (from < 0 || to < 0) this.ids = [...ids];
      else {
        const [a, b] = from <= to ? [from, to] : [to, from];
        this.ids = track.cues.slice(a, b + 1).map((c) => c.id);
      }
      return;
    }
    this.focusId = ids.at(-1) ?? null;
  }

  /** Drops ids that no longer exist (after delete/merge/undo). */
  prune(track: Track | null): void {
    if (!track) {
      if (this.ids.length) this.ids = [];
      return;
    }
    if (this.ids.length === 0) return;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain value built from immutable state
    const live = new Set(track.cues.map((c) => c.id));
    const kept = this.ids.filter((id) => live.has(id));
    if (kept.length !== this.ids.length) this.ids = kept;
    if (this.focusId !== null && !live.has(this.focusId)) this.focusId = kept[0] ?? null;
  }
}
