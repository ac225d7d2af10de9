// Spelling findings of a track, cached per cue object (edits keep unchanged cues as the same
// objects). A cue's words are split once (Intl.Segmenter over 10,000 cues costs hundreds of ms);
// when the worker's verdicts arrive only the cues that were waiting on one are judged again, so a
// keystroke that adds a word costs one cue, not the track.
import type { Cue, Track } from '../../../shared/captions/model.ts';
import { checkableWords, findingsForWords, type SpellingFinding } from '../../../shared/captions/spelling.ts';

/** A dictionary that answers later: a verdict, or undefined while the word is being asked about. */
export interface Verdicts {
  verdict(word: string): boolean | undefined;
  /** Bumped whenever verdicts arrive. */
  readonly generation: number;
}

interface Entry {
  language: string;
  words: string[];
  findings: SpellingFinding[];
  generation: number;
  userWords: ReadonlySet<string> | null;
  /** A word of this cue had no verdict yet when it was judged. */
  waiting: boolean;
}

export class CueSpellingCache {
  #cache = new WeakMap<Cue, Entry>();

  check(track: Track, verdicts: Verdicts, userWords: ReadonlySet<string>): SpellingFinding[] {
    const out: SpellingFinding[] = [];
    const cues = track.cues;
    for (let i = 0; i < cues.length; i++) {
      const cue = cues[i] as Cue;
      let e = this.#cache.get(cue);
      if (!e || e.language !== track.language) {
        e = {
          language: track.language,
          words: checkableWords(cue.text, track.language),
          findings: [],
          generation: -1,
          userWords: null,
          waiting: true,
        };
        this.#cache.set(cue, e);
      }
      if (e.userWords !== userWords || (e.waiting && e.generation !== verdicts.generation)) {
        let waiting = false;
        e.findings = findingsForWords(cue.id, i, e.words, (w) => {
          if (userWords.has(w.toLowerCase())) return true;
          const v = verdicts.verdict(w.replace(/’/g, "'"));
          if (v === undefined) waiting = true;
          // Not judged yet counts as known until the answer arrives.
          return v !== false;
        });
        e.waiting = waiting;
        e.generation = verdicts.generation;
        e.userWords = userWords;
      }
      for (const f of e.findings) out.push(f.cueIndex === i ? f : { ...f, cueIndex: i });
    }
    return out;
  }
}
