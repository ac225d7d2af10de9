import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../shared/captions/edits.ts';
import type { Track } from '../../../shared/captions/model.ts';
import { CueSpellingCache, type Verdicts } from '../../../renderer/src/spelling/cue-spelling-cache.ts';

/** A dictionary that knows `known`, answers only when told to, and counts what it was asked. */
class LateDictionary implements Verdicts {
  generation = 0;
  asked: string[] = [];
  readonly #answered = new Set<string>();
  readonly known: ReadonlySet<string>;
  constructor(known: ReadonlySet<string>) {
    this.known = known;
  }
  verdict(word: string): boolean | undefined {
    this.asked.push(word);
    return this.#answered.has(word) ? this.known.has(word) : undefined;
  }
  answer(...words: string[]): void {
    for (const w of words) this.#answered.add(w);
    this.generation++;
  }
}

const track = (texts: string[]): Track => ({
  language: 'en',
  label: '',
  cues: texts.map((text, i) => ({ id: `c${i}`, start: i * 1000, end: i * 1000 + 900, text })),
});

describe('CueSpellingCache', () => {
  it('counts words as known until the verdict arrives, then finds the unknown ones', () => {
    const dict = new LateDictionary(new Set(['Good', 'morning']));
    const cache = new CueSpellingCache();
    const t = track(['Good mornign', 'Teh end']);
    const none = new Set<string>();
    expect(cache.check(t, dict, none)).toEqual([]);
    dict.answer('Good', 'mornign', 'Teh', 'end');
    expect(cache.check(t, dict, none).map((f) => [f.cueIndex, f.word])).toEqual([
      [0, 'mornign'],
      [1, 'Teh'],
      [1, 'end'],
    ]);
    // The user's own words count in any case.
    expect(cache.check(t, dict, new Set(['teh', 'end'])).map((f) => f.word)).toEqual(['mornign']);
  });

  it('judges again only the cues that were waiting on a verdict', () => {
    const dict = new LateDictionary(new Set(['one', 'two', 'three']));
    const cache = new CueSpellingCache();
    const none = new Set<string>();
    let t = track(['one', 'two', 'three']);
    cache.check(t, dict, none);
    dict.answer('one', 'two', 'three');
    cache.check(t, dict, none);
    cache.check(t, dict, none);
    // Typing in cue 2: only its new word is asked about, and only cue 2 is judged on the answer.
    t = applyEdit(t, { kind: 'setText', id: 'c1', text: 'twoo' }).track;
    dict.asked = [];
    cache.check(t, dict, none);
    expect(dict.asked).toEqual(['twoo']);
    dict.answer('twoo');
    dict.asked = [];
    const found = cache.check(t, dict, none);
    expect(dict.asked).toEqual(['twoo']);
    expect(found.map((f) => [f.cueId, f.word])).toEqual([['c1', 'twoo']]);
  });

  it('renumbers findings when cues move', () => {
    const dict = new LateDictionary(new Set());
    const cache = new CueSpellingCache();
    dict.answer('xyzzy');
    let t = track(['xyzzy']);
    expect(cache.check(t, dict, new Set()).map((f) => f.cueIndex)).toEqual([0]);
    t = { ...t, cues: [{ id: 'new', start: 0, end: 10, text: '' }, ...t.cues] };
    expect(cache.check(t, dict, new Set()).map((f) => f.cueIndex)).toEqual([1]);
  });
});
