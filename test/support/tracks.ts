// Small caption tracks for tests: an English track from its cues, each given as a cue or as
// [start, end, text] (ids 1, 2, 3… by position).
import type { Cue, Track } from '../../shared/captions/model.ts';

type CueSpec = readonly [start: number, end: number, text: string] | Cue;

function cueOf(c: CueSpec, i: number): Cue {
  if (!('length' in c)) return c;
  const [start, end, text] = c;
  return { id: String(i + 1), start, end, text };
}

export function englishTrack(...cues: readonly CueSpec[]): Track {
  return { language: 'en', label: 'English', cues: cues.map(cueOf) };
}
