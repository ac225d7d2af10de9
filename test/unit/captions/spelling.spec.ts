import { describe, expect, it } from 'vitest';
import nspell from 'nspell';
import en from 'dictionary-en';
import es from 'dictionary-es';
import {
  checkableWords,
  checkSpelling,
  dictionaryFor,
  suggestionsFor,
} from '../../../shared/captions/spelling.ts';
import type { Track } from '../../../shared/captions/model.ts';

// dictionary-* hands out Uint8Arrays; nspell's types want strings or Buffers.
const load = (d: { aff: Uint8Array; dic: Uint8Array }): ReturnType<typeof nspell> =>
  nspell(Buffer.from(d.aff), Buffer.from(d.dic));

const track = (language: string, ...texts: string[]): Track => ({
  language,
  label: language,
  cues: texts.map((text, i) => ({ id: String(i + 1), start: i * 1000, end: i * 1000 + 900, text })),
});

describe('the spelling rule', () => {
  const speller = load(en);

  it('flags “Teh” and “mornign” with suggestions, as the trial published them', () => {
    const found = checkSpelling(
      track('en', 'Teh mayor spoke', 'Good mornign, <i>everyone</i>'),
      speller,
      new Set(),
    );
    expect(found.map((f) => [f.cueIndex, f.word])).toEqual([
      [0, 'Teh'],
      [1, 'mornign'],
    ]);
    // A swapped pair ranks first: nspell alone lists “The” 13th.
    expect(suggestionsFor('Teh', speller)[0]).toBe('The');
    expect(suggestionsFor('mornign', speller)).toContain('morning');
  });

  it('accepts the user’s own words, and skips numbers, acronyms, handles and links', () => {
    expect(checkSpelling(track('en', 'Cueline ships'), speller, new Set(['cueline']))).toEqual([]);
    expect(checkableWords('NASA said 42 times @cueline https://x.com/a #launch', 'en')).toEqual([
      'said',
      'times',
    ]);
  });

  it('checks a Spanish track with the Spanish dictionary', () => {
    expect(dictionaryFor('es-MX')).toBe('es');
    expect(dictionaryFor('ja')).toBeNull();
    const found = checkSpelling(track('es', 'Hoy publicamos subtítulos', 'Buenos dias'), load(es), new Set());
    expect(found.map((f) => f.word)).toEqual(['dias']);
  });
});
