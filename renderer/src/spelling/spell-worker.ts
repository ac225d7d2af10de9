// One language's Hunspell dictionary in a worker: building nspell takes from half a second
// (English) to ~9 s (French) and must not freeze the editor. The page asks which words are unknown
// and for suggestions; answers come back by message.
import nspell from 'nspell';

export type SpellRequest =
  | { type: 'load'; aff: string; dic: string }
  | { type: 'check'; words: string[] }
  | { type: 'suggest'; word: string };

export type SpellReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'checked'; words: string[]; unknown: string[] }
  | { type: 'suggested'; word: string; list: string[] };

interface WorkerScope {
  onmessage: ((e: MessageEvent<SpellRequest>) => void) | null;
  postMessage(m: SpellReply): void;
}
const scope = self as unknown as WorkerScope;
let speller: ReturnType<typeof nspell> | null = null;

scope.onmessage = (e): void => {
  const m = e.data;
  if (m.type === 'load') {
    void Promise.all([fetch(m.aff), fetch(m.dic)].map(async (r) => (await r).text()))
      .then(([aff, dic]) => {
        speller = nspell(aff ?? '', dic ?? '');
        scope.postMessage({ type: 'ready' });
      })
      .catch((err: unknown) => scope.postMessage({ type: 'failed', message: String(err) }));
  } else if (m.type === 'check' && speller) {
    const s = speller;
    scope.postMessage({ type: 'checked', words: m.words, unknown: m.words.filter((w) => !s.correct(w)) });
  } else if (m.type === 'suggest' && speller) {
    scope.postMessage({ type: 'suggested', word: m.word, list: speller.suggest(m.word) });
  }
};
