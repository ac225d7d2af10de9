// Messages between the page and the spelling worker (spell-worker.ts).
export type SpellRequest =
  | { type: 'load'; lang: string; aff: string; dic: string }
  | { type: 'check'; lang: string; words: string[] }
  | { type: 'suggest'; lang: string; word: string };

export type SpellResponse =
  | { type: 'loaded'; lang: string; ok: boolean }
  | { type: 'checked'; lang: string; words: string[]; wrong: string[] }
  | { type: 'suggested'; lang: string; word: string; suggestions: string[] };
