// Builds each language's nspell off the main thread: building a Hunspell dictionary takes
// 0.3 s (English) to 9 s (French) of CPU, which on the page's thread froze the editor when a
// track in that language opened. Checks and suggestions run here too; the page keeps answers.
import nspell from 'nspell';
import type { SpellRequest, SpellResponse } from './spell-protocol.ts';

type NSpell = ReturnType<typeof nspell>;
const spellers = new Map<string, NSpell>();

const reply = (r: SpellResponse): void => postMessage(r);

onmessage = (e: MessageEvent<SpellRequest>): void => {
  const m = e.data;
  if (m.type === 'load') {
    try {
      spellers.set(m.lang, nspell(m.aff, m.dic));
      reply({ type: 'loaded', lang: m.lang, ok: true });
    } catch {
      reply({ type: 'loaded', lang: m.lang, ok: false });
    }
    return;
  }
  const s = spellers.get(m.lang);
  if (!s) return;
  if (m.type === 'check')
    reply({ type: 'checked', lang: m.lang, wrong: m.words.filter((w) => !s.correct(w)), words: m.words });
  else reply({ type: 'suggested', lang: m.lang, word: m.word, suggestions: s.suggest(m.word) });
};
