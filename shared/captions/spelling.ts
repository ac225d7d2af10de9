// The spelling rule: words of a cue's visible text that the track's dictionary doesn't know, as
// findings with suggestions. The dictionary arrives as a `Speller` (nspell over a Hunspell
// dictionary from npm, loaded by whoever runs the rule: the renderer fetches the files, a Node tool
// reads them), so this stays pure. Kept out of rules.ts: it needs a dictionary, the others don't.
import type { Track } from './model.ts';
import type { Finding } from './rules.ts';
import { visibleText } from './rules.ts';

export interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

/** A spelling finding names its word; suggestions are asked for when shown (they cost ~ms each). */
export interface SpellingFinding extends Finding {
  rule: 'spelling';
  word: string;
}

/** The dictionaries Cueline ships (npm's dictionary-* packages), by primary language subtag. */
export const DICTIONARY_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt'] as const;
export type DictionaryLanguage = (typeof DICTIONARY_LANGUAGES)[number];

export function dictionaryFor(language: string): DictionaryLanguage | null {
  const primary = language.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return (DICTIONARY_LANGUAGES as readonly string[]).includes(primary)
    ? (primary as DictionaryLanguage)
    : null;
}

const segmenters = new Map<string, Intl.Segmenter>();
function wordSegmenter(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    let locale: string | undefined;
    try {
      locale = language ? Intl.getCanonicalLocales(language)[0] : undefined;
    } catch {
      locale = undefined;
    }
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(language, s);
  }
  return s;
}

/** The words worth checking: not numbers, not words with digits, not ALL-CAPS acronyms. */
export function checkableWords(text: string, language: string): string[] {
  const out: string[] = [];
  const visible = visibleText(text).replace(/\b(?:https?:\/\/|www\.)\S+|[@#][\w.]+/g, ' ');
  for (const seg of wordSegmenter(language).segment(visible)) {
    if (!seg.isWordLike) continue;
    const w = seg.segment.replace(/^['’]+|['’]+$/g, '');
    if (w.length < 2 || /\d/.test(w) || (w.length <= 5 && w === w.toUpperCase() && /\p{Lu}/u.test(w)))
      continue;
    out.push(w);
  }
  return out;
}

/** Is `word` spelled right by the dictionary or the user's own words (case-insensitively for those)? */
export function knownWord(word: string, speller: Speller, userWords: ReadonlySet<string>): boolean {
  return userWords.has(word.toLowerCase()) || speller.correct(word.replace(/’/g, "'"));
}

/** Spelling findings of one cue (at `cueIndex`). */
export function cueSpelling(
  cue: { id: string; text: string },
  cueIndex: number,
  language: string,
  speller: Speller,
  userWords: ReadonlySet<string>,
): SpellingFinding[] {
  return findingsForWords(cue.id, cueIndex, checkableWords(cue.text, language), (w) =>
    knownWord(w, speller, userWords),
  );
}

/** Findings for a cue's words (already split), one per distinct unknown word. */
export function findingsForWords(
  cueId: string,
  cueIndex: number,
  words: readonly string[],
  known: (word: string) => boolean,
): SpellingFinding[] {
  const out: SpellingFinding[] = [];
  const seen = new Set<string>();
  for (const word of words) {
    if (seen.has(word) || known(word)) continue;
    seen.add(word);
    out.push({
      rule: 'spelling',
      severity: 'warning',
      cueId,
      cueIndex,
      word,
      message: `“${word}” may be misspelled`,
    });
  }
  return out;
}

/**
 * nspell lists suggestions in dictionary order; typists' slips are mostly swapped neighbours
 * ("Teh"), so rank by edit distance with a swap costing half an edit (stable for ties).
 */
export function suggestionsFor(word: string, speller: Speller, max = 5): string[] {
  return rankSuggestions(word, speller.suggest(word)).slice(0, max);
}

export function rankSuggestions(word: string, suggestions: readonly string[]): string[] {
  const w = word.toLowerCase();
  return suggestions
    .map((s, i) => ({ s, i, d: distance(w, s.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.s);
}

/** Optimal string alignment distance; an adjacent transposition costs 0.5. */
function distance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(at(i, j), at(i - 2, j - 2) + 0.5);
    }
  return at(a.length, b.length);
}

export function checkSpelling(
  track: Track,
  speller: Speller,
  userWords: ReadonlySet<string>,
): SpellingFinding[] {
  return track.cues.flatMap((c, i) => cueSpelling(c, i, track.language, speller, userWords));
}
