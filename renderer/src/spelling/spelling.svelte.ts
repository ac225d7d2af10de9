// Spell checking in the editor: one nspell per language, built on first use from the dictionary
// files; the user's own words ("Add to dictionary") kept in settings and known in every language.
// Findings are cached per cue object (edits keep unchanged cues as the same objects), so a
// keystroke re-checks one cue, not the track.
import nspell from 'nspell';
import type { Cue, Track } from '../../../shared/captions/model.ts';
import {
  cueSpelling,
  dictionaryFor,
  type DictionaryLanguage,
  type Speller,
  type SpellingFinding,
  suggestionsFor,
} from '../../../shared/captions/spelling.ts';
import { DICTIONARY_URLS } from './dictionaries.ts';

export class SpellingStore {
  /** Bumped when a dictionary finishes loading or the user's words change. */
  revision = $state(0);
  readonly #words: () => readonly string[];
  #memo: { src: readonly string[]; set: ReadonlySet<string> } | null = null;

  /** The user's own words, lower-cased (from settings). */
  get userWords(): ReadonlySet<string> {
    const src = this.#words();
    if (this.#memo?.src !== src)
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- an immutable value rebuilt when settings change
      this.#memo = { src, set: new Set(src.map((w) => w.toLowerCase())) };
    return this.#memo.set;
  }
  // Not reactive on purpose: `revision` says when a speller arrives.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #spellers = new Map<DictionaryLanguage, Speller | 'loading' | 'failed'>();
  #cache = new WeakMap<Cue, { key: string; findings: SpellingFinding[] }>();

  /** `words`: the user's dictionary, read from settings. */
  constructor(words: () => readonly string[]) {
    this.#words = words;
  }

  /** The speller for a language, or null while it loads (or if there is no dictionary for it). */
  speller(language: string): Speller | null {
    const lang = dictionaryFor(language);
    if (!lang) return null;
    const s = this.#spellers.get(lang);
    if (s === undefined) {
      this.#spellers.set(lang, 'loading');
      void this.#load(lang);
      return null;
    }
    return typeof s === 'string' ? null : s;
  }

  async #load(lang: DictionaryLanguage): Promise<void> {
    try {
      const urls = DICTIONARY_URLS[lang];
      const [aff, dic] = await Promise.all(
        [fetch(urls.aff), fetch(urls.dic)].map(async (r) => (await r).text()),
      );
      this.#spellers.set(lang, nspell(aff ?? '', dic ?? ''));
    } catch {
      // No dictionary, no spelling findings: the other checks go on.
      this.#spellers.set(lang, 'failed');
    }
    this.revision++;
  }

  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a memo, not state
  readonly #suggestions = new Map<string, string[]>();

  /** Suggestions for a word in a language (memoised: nspell takes milliseconds per word). */
  suggest(language: string, word: string): string[] {
    const speller = this.speller(language);
    if (!speller) return [];
    const key = `${language}|${word}`;
    let s = this.#suggestions.get(key);
    if (!s) {
      s = suggestionsFor(word, speller);
      if (this.#suggestions.size > 2000) this.#suggestions.clear();
      this.#suggestions.set(key, s);
    }
    return s;
  }

  /** Spelling findings of a track (empty while its dictionary loads). */
  check(track: Track): SpellingFinding[] {
    void this.revision;
    const speller = this.speller(track.language);
    if (!speller) return [];
    const key = `${track.language}|${this.revision}|${this.userWords.size}`;
    const out: SpellingFinding[] = [];
    track.cues.forEach((cue, i) => {
      let e = this.#cache.get(cue);
      if (!e || e.key !== key) {
        e = { key, findings: cueSpelling(cue, 0, track.language, speller, this.userWords) };
        this.#cache.set(cue, e);
      }
      for (const f of e.findings) out.push(f.cueIndex === i ? f : { ...f, cueIndex: i });
    });
    return out;
  }
}
