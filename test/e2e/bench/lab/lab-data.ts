// Plain data helpers for the lab page: the caption rules per cue and selection changes, as
// immutable values the page swaps wholesale ($state.raw), the way the app's stores do.
import type { Track } from '../../../../shared/captions/model.ts';
import type { FrameRate } from '../../../../shared/captions/time.ts';
import { checkTrack, DEFAULT_SETTINGS, type Finding } from '../../../../shared/captions/rules.ts';

export function findingsOf(t: Track, rate: FrameRate): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of checkTrack(t, DEFAULT_SETTINGS, { frameRate: rate })) {
    if (!f.cueId) continue;
    const list = m.get(f.cueId) ?? [];
    list.push(f);
    m.set(f.cueId, list);
  }
  return m;
}

export function nextSelection(
  current: ReadonlySet<string>,
  ids: string[],
  mode: 'replace' | 'toggle' | 'extend',
): Set<string> {
  if (mode === 'replace') return new Set(ids);
  const s = new Set(current);
  for (const id of ids) {
    if (mode === 'toggle' && s.has(id)) s.delete(id);
    else s.add(id);
  }
  return s;
}
