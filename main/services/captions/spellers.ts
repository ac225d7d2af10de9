// Hunspell dictionaries for Node (the CLI, and the app's CLI mode): the same npm dictionary-*
// packages the renderer fetches, read through their own entry points (each reads its .aff/.dic
// beside itself), and nspell over them. They are runtime dependencies, left out of the CLI bundle,
// so each resolves its files from its installed folder.
import nspell from 'nspell';
import type { DictionaryLanguage, Speller } from '../../../shared/captions/spelling.ts';
import { dictionaryFor } from '../../../shared/captions/spelling.ts';

interface Dictionary {
  aff: Uint8Array;
  dic: Uint8Array;
}

const LOADERS: Record<DictionaryLanguage, () => Promise<{ default: Dictionary }>> = {
  en: () => import('dictionary-en'),
  es: () => import('dictionary-es'),
  fr: () => import('dictionary-fr'),
  de: () => import('dictionary-de'),
  pt: () => import('dictionary-pt'),
};

/** The speller for a BCP 47 language, or null when Cueline ships no dictionary for it. */
export async function spellerFor(language: string): Promise<Speller | null> {
  const lang = dictionaryFor(language);
  if (!lang) return null;
  const { default: d } = await LOADERS[lang]();
  // nspell reads Node Buffers (it calls toString on them); the packages hand over Buffers.
  return nspell(Buffer.from(d.aff), Buffer.from(d.dic));
}
