// Where the renderer finds each Hunspell dictionary: Vite copies the npm packages' .aff/.dic files
// into the build as assets (new URL(…, import.meta.url)), and the renderer fetches them from its
// own origin when a track in that language is first checked.
import type { DictionaryLanguage } from '../../../shared/captions/spelling.ts';

export const DICTIONARY_URLS: Record<DictionaryLanguage, { aff: string; dic: string }> = {
  en: {
    aff: new URL('../../../node_modules/dictionary-en/index.aff', import.meta.url).href,
    dic: new URL('../../../node_modules/dictionary-en/index.dic', import.meta.url).href,
  },
  es: {
    aff: new URL('../../../node_modules/dictionary-es/index.aff', import.meta.url).href,
    dic: new URL('../../../node_modules/dictionary-es/index.dic', import.meta.url).href,
  },
  fr: {
    aff: new URL('../../../node_modules/dictionary-fr/index.aff', import.meta.url).href,
    dic: new URL('../../../node_modules/dictionary-fr/index.dic', import.meta.url).href,
  },
  de: {
    aff: new URL('../../../node_modules/dictionary-de/index.aff', import.meta.url).href,
    dic: new URL('../../../node_modules/dictionary-de/index.dic', import.meta.url).href,
  },
  pt: {
    aff: new URL('../../../node_modules/dictionary-pt/index.aff', import.meta.url).href,
    dic: new URL('../../../node_modules/dictionary-pt/index.dic', import.meta.url).href,
  },
};
