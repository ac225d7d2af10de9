// Spell checking in the editor: one nspell per language, built on first use from the dictionary
// files; the user's own words ("Add to dictionary") kept in settings and known in every language.
// Findings are cached per cue object (cue-spelling-cache.ts), so a keystroke re-checks one cue,
// not the track.
import type { Track } from '../../../shared/captions/model.ts';
import {
  dictionaryFor,
  type DictionaryLanguage,
  type SpellingFinding,
  suggestionsFor,
} from '../../../shared/captions/spelling.ts';
import { CueSpellingCache } from './cue-spelling-cache.ts';
import { DICTIONARY_URLS } from './dictionaries.ts';
import type { SpellRequest, SpellResponse } from './spell-protocol.ts';
import { WorkerSpeller } from './worker-speller.ts';

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
  readonly #spellers = new Map<DictionaryLanguage, WorkerSpeller | 'loading' | 'failed'>();
  // The dictionaries are built and queried in a worker: building one blocks for seconds.
  #worker: Worker | null = null;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- not state: `revision` says when answers arrive
  readonly #workerSpellers = new Map<string, WorkerSpeller>();
  readonly #cache = new CueSpellingCache();

  /** `words`: the user's dictionary, read from settings. */
  constructor(words: () => readonly string[]) {
    this.#words = words;
  }

  /** The speller for a language, or null while it loads (or if there is no dictionary for it). */
  speller(language: string): WorkerSpeller | null {
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

  #post(m: SpellRequest): void {
    if (!this.#worker) {
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a module URL, not state
      this.#worker = new Worker(new URL('./spell-worker.ts', import.meta.url), { type: 'module' });
      this.#worker.onmessage = (e: MessageEvent<SpellResponse>) => this.#answer(e.data);
    }
    this.#worker.postMessage(m);
  }

  #answer(r: SpellResponse): void {
    const lang = r.lang as DictionaryLanguage;
    if (r.type === 'loaded') {
      this.#spellers.set(lang, r.ok ? (this.#workerSpellers.get(lang) ?? 'failed') : 'failed');
      this.revision++;
      return;
    }
    if (this.#workerSpellers.get(lang)?.answer(r)) {
      if (r.type === 'suggested') this.#suggestions.clear();
      this.revision++;
    }
  }

  async #load(lang: DictionaryLanguage): Promise<void> {
    try {
      const urls = DICTIONARY_URLS[lang];
      const [aff, dic] = await Promise.all(
        [fetch(urls.aff), fetch(urls.dic)].map(async (r) => (await r).text()),
      );
      this.#workerSpellers.set(lang, new WorkerSpeller(lang, { post: (m) => this.#post(m) }));
      this.#post({ type: 'load', lang, aff: aff ?? '', dic: dic ?? '' });
    } catch {
      // No dictionary, no spelling findings: the other checks go on.
      this.#spellers.set(lang, 'failed');
      this.revision++;
    }
  }

  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a memo, not state
  readonly #suggestions = new Map<string, string[]>();

  /** Suggestions for a word in a language (memoised: nspell takes milliseconds per word; empty until the worker answers). */
  suggest(language: string, word: string): string[] {
    void this.revision; // suggestions arrive from the worker later
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
    return this.#cache.check(track, speller, this.userWords);
  }
}
