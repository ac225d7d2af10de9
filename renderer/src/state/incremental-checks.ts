// checkTrack (shared/captions/rules.ts) over 10,000 cues costs tens of milliseconds, too much to
// run on every keystroke. Every rule looks at one cue, its previous cue and the latest end before
// it, and applyEdit keeps unchanged cues as the same objects, so findings are cached per cue object
// and recomputed only for cues whose neighbourhood changed — same results as checkTrack.
import type { Cue, Track } from '../../../shared/captions/model.ts';
import { checkTrack, type Finding, type RuleSettings } from '../../../shared/captions/rules.ts';
import type { FrameRate } from '../../../shared/captions/time.ts';

interface Entry {
  prev: Cue | undefined;
  /** The cue holding the latest end before this one, when it isn't `prev`. */
  reach: Cue | undefined;
  language: string;
  /** Position the findings were made for (cueIndex and the empty-cue message name it). */
  index: number;
  findings: Finding[];
}

export class IncrementalChecker {
  #cache = new WeakMap<Cue, Entry>();
  #settings: RuleSettings | null = null;
  #rate: FrameRate | undefined;
  /** The last track checked and its findings: asked again for the same track (a spelling answer
   *  arrived, the video's length changed), the rules have nothing new to say. */
  #last: { track: Track; findings: Finding[] } | null = null;

  /** Whether more than `limit` cues of the track have no findings cached (a freshly opened track). */
  isCold(track: Track, settings: RuleSettings, frameRate: FrameRate | undefined, limit: number): boolean {
    if (settings !== this.#settings || frameRate !== this.#rate) return track.cues.length > limit;
    let cold = 0;
    for (const cue of track.cues) if (!this.#cache.has(cue) && ++cold > limit) return true;
    return false;
  }

  check(track: Track, settings: RuleSettings, frameRate?: FrameRate): Finding[] {
    if (settings !== this.#settings || frameRate !== this.#rate) {
      this.#cache = new WeakMap();
      this.#settings = settings;
      this.#rate = frameRate;
      this.#last = null;
    }
    if (this.#last?.track === track) return this.#last.findings;
    const out: Finding[] = [];
    const opts = frameRate ? { frameRate } : {};
    let reachCue: Cue | undefined;
    const cues = track.cues;
    for (let i = 0; i < cues.length; i++) {
      const cue = cues[i] as Cue;
      const prev = cues[i - 1];
      const reach = reachCue && prev && reachCue.end > prev.end ? reachCue : undefined;
      let e = this.#cache.get(cue);
      if (!e || e.prev !== prev || e.reach !== reach || e.language !== track.language) {
        const mini = [reach, prev, cue].filter((c): c is Cue => c !== undefined);
        const at = mini.length - 1;
        const findings = checkTrack({ language: track.language, label: '', cues: mini }, settings, opts)
          .filter((f) => f.cueIndex === at)
          .map((f) => ({ ...f, cueIndex: 0 }));
        e = { prev, reach, language: track.language, index: -1, findings };
        this.#cache.set(cue, e);
      }
      if (e.index !== i) {
        // Positions shift after an insert or delete: renumber once, then reuse the objects.
        e.index = i;
        e.findings = e.findings.map((f) =>
          f.rule === 'empty'
            ? { ...f, cueIndex: i, message: `cue ${i + 1} has no text` }
            : { ...f, cueIndex: i },
        );
      }
      for (const f of e.findings) out.push(f);
      if (!reachCue || cue.end > reachCue.end) reachCue = cue;
    }
    this.#last = { track, findings: out };
    return out;
  }
}

const at = (f: Finding): number => f.cueIndex ?? -1;

/**
 * The rules' findings (in cue order) with more findings (spelling, past the video's end) put in
 * cue order, each cue's rule findings first: a merge, not a sort of thousands on each keystroke.
 */
export function mergeInCueOrder(ordered: readonly Finding[], more: readonly Finding[]): Finding[] {
  const extra = [...more].sort((a, b) => at(a) - at(b));
  const out: Finding[] = [];
  let j = 0;
  for (const f of ordered) {
    while (j < extra.length && at(extra[j] as Finding) < at(f)) out.push(extra[j++] as Finding);
    out.push(f);
  }
  while (j < extra.length) out.push(extra[j++] as Finding);
  return out;
}
