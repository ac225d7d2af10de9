// A Speller whose dictionary lives in the spelling worker. Answers are kept per word; a word not
// asked about yet counts as correct until the worker answers (the checks then run again through
// `onAnswer`), so the page never waits for the dictionary.
import type { Speller } from '../../../shared/captions/spelling.ts';
import type { Verdicts } from './cue-spelling-cache.ts';
import type { SpellRequest, SpellResponse } from './spell-protocol.ts';

export interface SpellPort {
  post(m: SpellRequest): void;
}

export class WorkerSpeller implements Speller, Verdicts {
  readonly #lang: string;
  readonly #port: SpellPort;
  readonly #known = new Map<string, boolean>();
  readonly #suggestions = new Map<string, string[]>();
  readonly #asked = new Set<string>();
  #pending: string[] = [];
  /** Bumped whenever verdicts arrive. */
  generation = 0;

  constructor(lang: string, port: SpellPort) {
    this.#lang = lang;
    this.#port = port;
  }

  correct(word: string): boolean {
    return this.verdict(word) !== false;
  }

  /** The worker's verdict on `word`; undefined (and the worker asked) until it answers. */
  verdict(word: string): boolean | undefined {
    const known = this.#known.get(word);
    if (known !== undefined) return known;
    if (!this.#asked.has(word)) {
      this.#asked.add(word);
      // One message per burst of checks, not one per word.
      if (this.#pending.length === 0) queueMicrotask(() => this.#flush());
      this.#pending.push(word);
    }
    return undefined;
  }

  suggest(word: string): string[] {
    const s = this.#suggestions.get(word);
    if (s) return s;
    if (!this.#asked.has(`\0${word}`)) {
      this.#asked.add(`\0${word}`);
      this.#port.post({ type: 'suggest', lang: this.#lang, word });
    }
    return [];
  }

  /** Takes the worker's answer; true when it changed what the checks would find. */
  answer(r: SpellResponse): boolean {
    if (r.type === 'checked') {
      const wrong = new Set(r.wrong);
      for (const w of r.words) this.#known.set(w, !wrong.has(w));
      this.generation++;
      return wrong.size > 0;
    }
    if (r.type === 'suggested') {
      this.#suggestions.set(r.word, r.suggestions);
      return true;
    }
    return false;
  }

  #flush(): void {
    const words = this.#pending;
    this.#pending = [];
    if (words.length > 0) this.#port.post({ type: 'check', lang: this.#lang, words });
  }
}
