// Spell checking in the editor: one worker per language holds its nspell (built off the main
// thread from the dictionary files; see spell-worker.ts); the page keeps each word's verdict and
// suggestions as they come back, and re-checks when they do. The user's own words ("Add to
// dictionary") live in settings and count in every language. Findings are cached per cue object
// (edits keep unchanged cues as the same objects), so a keystroke re-checks one cue.
import type { Cue, Track } from '../../../shared/captions/model.ts';
import {
  checkableWords,
  dictionaryFor,
  findingsForWords,
  rankSuggestions,
  type DictionaryLanguage,
  type SpellingFinding,
} from '../../../shared/captions/spelling.ts';
import { DICTIONARY_URLS } from './dictionaries.ts';
import type { SpellReply, SpellRequest } from './spell-worker.ts';

interface Language {
  worker: Worker;
  state: 'loading' | 'ready' | 'failed';
  /** true: known; false: unknown. Absent: not asked yet. */
  verdicts: Map<string, boolean>;
  asked: Set<string>;
  suggestions: Map<string, string[] | 'asked'>;
  /** Bumped when verdicts arrive. */
  gen: number;
}

export class SpellingStore {
  /** Bumped when a dictionary loads or answers, or the user's words change. */
  revision = $state(0);
  readonly #words: () => readonly string[];
  // Not reactive on purpose: `revision` says when something arrives.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #langs = new Map<DictionaryLanguage, Language>();
  #cache = new WeakMap<
    Cue,
    {
      language: string;
      words: string[];
      findings: SpellingFinding[];
      gen: number;
      userKey: number;
      pending: boolean;
    }
  >();
  #memo: { src: readonly string[]; set: ReadonlySet<string> } | null = null;

  /** `words`: the user's dictionary, read from settings. */
  constructor(words: () => readonly string[]) {
    this.#words = words;
  }

  /** The user's own words, lower-cased (from settings). */
  get userWords(): ReadonlySet<string> {
    const src = this.#words();
    if (this.#memo?.src !== src)
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- an immutable value rebuilt when settings change
      this.#memo = { src, set: new Set(src.map((w) => w.toLowerCase())) };
    return this.#memo.set;
  }

  #lang(language: string): Language | null {
    const code = dictionaryFor(language);
    if (!code) return null;
    let l = this.#langs.get(code);
    if (!l) {
      // Vite bundles the worker from this exact form.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      const worker = new Worker(new URL('./spell-worker.ts', import.meta.url), { type: 'module' });
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- caches, not state
      l = { worker, state: 'loading', verdicts: new Map(), asked: new Set(), suggestions: new Map(), gen: 0 };
      const lang = l;
      worker.onmessage = (e: MessageEvent<SpellReply>): void => this.#reply(lang, e.data);
      worker.onerror = (): void => {
        lang.state = 'failed';
      };
      this.#langs.set(code, l);
      this.#post(l, { type: 'load', ...DICTIONARY_URLS[code] });
    }
    return l;
  }

  #post(l: Language, m: SpellRequest): void {
    l.worker.postMessage(m);
  }

  #reply(l: Language, m: SpellReply): void {
    if (m.type === 'ready') l.state = 'ready';
    else if (m.type === 'failed') l.state = 'failed';
    else if (m.type === 'checked') {
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain value of this call
      const unknown = new Set(m.unknown);
      for (const w of m.words) l.verdicts.set(w, !unknown.has(w));
      l.gen++;
    } else if (m.type === 'suggested') l.suggestions.set(m.word, rankSuggestions(m.word, m.list).slice(0, 5));
    this.revision++;
  }

  /** Spelling findings of a track (none while its dictionary loads; words join as they're judged). */
  check(track: Track): SpellingFinding[] {
    void this.revision;
    const l = this.#lang(track.language);
    if (!l || l.state !== 'ready') return [];
    const ask: string[] = [];
    const user = this.userWords;
    // Words not judged yet count as known until the worker answers (which bumps `revision`).
    const known = (w: string): boolean => {
      if (user.has(w.toLowerCase())) return true;
      const key = w.replace(/’/g, "'");
      const v = l.verdicts.get(key);
      if (v === undefined && !l.asked.has(key)) {
        l.asked.add(key);
        ask.push(key);
      }
      return v !== false;
    };
    const out: SpellingFinding[] = [];
    const userKey = user.size;
    track.cues.forEach((cue, i) => {
      // Splitting and judging a cue happens once per cue object; a cue waiting on the worker for a
      // word is judged again when answers arrive (`gen`), the others stay as they are.
      let e = this.#cache.get(cue);
      if (!e || e.language !== track.language) {
        e = {
          language: track.language,
          words: checkableWords(cue.text, track.language),
          findings: [],
          gen: -1,
          userKey: -1,
          pending: true,
        };
        this.#cache.set(cue, e);
      }
      if (e.userKey !== userKey || (e.pending && e.gen !== l.gen)) {
        const before = ask.length;
        let waiting = false;
        e.findings = findingsForWords(cue.id, i, e.words, (w) => {
          const r = known(w);
          if (!l.verdicts.has(w.replace(/’/g, "'")) && !user.has(w.toLowerCase())) waiting = true;
          return r;
        });
        e.pending = waiting || ask.length > before;
        e.gen = l.gen;
        e.userKey = userKey;
      }
      for (const f of e.findings) out.push(f.cueIndex === i ? f : { ...f, cueIndex: i });
    });
    if (ask.length > 0) this.#post(l, { type: 'check', words: ask });
    return out;
  }

  /** Suggestions for a word (empty until the worker answers; the answer re-renders). */
  suggest(language: string, word: string): string[] {
    void this.revision;
    const l = this.#lang(language);
    if (!l || l.state !== 'ready') return [];
    const s = l.suggestions.get(word);
    if (s === undefined) {
      l.suggestions.set(word, 'asked');
      this.#post(l, { type: 'suggest', word });
      return [];
    }
    return s === 'asked' ? [] : s;
  }
}
