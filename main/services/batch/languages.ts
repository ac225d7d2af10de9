// The language part of a subtitle file name in a batch folder: BCP 47 tags (`pt-BR`, `pt_br`),
// ISO 639-2 codes (`eng`, via the captions core) and the English names people type (`english`,
// `brazilian`). `sp` is not Spanish (x-api.md): it stays unknown and the report says so.
import { canonicalLanguage, parseLanguageTag } from '../../../shared/captions/file-name.ts';

const NAMES: Record<string, string> = {
  english: 'en',
  spanish: 'es',
  espanol: 'es',
  español: 'es',
  castellano: 'es',
  french: 'fr',
  francais: 'fr',
  français: 'fr',
  german: 'de',
  deutsch: 'de',
  portuguese: 'pt',
  portugues: 'pt',
  português: 'pt',
  brazilian: 'pt-BR',
  italian: 'it',
  italiano: 'it',
  japanese: 'ja',
  chinese: 'zh',
  korean: 'ko',
  russian: 'ru',
  arabic: 'ar',
  hindi: 'hi',
  dutch: 'nl',
  polish: 'pl',
  turkish: 'tr',
  swedish: 'sv',
  ukrainian: 'uk',
};

/** Markers that follow the language in media-server naming (`clip.en.forced.srt`). */
export const NAME_FLAGS = new Set(['forced', 'sdh', 'cc', 'default', 'full', 'sub', 'subs']);

/** A canonical BCP 47 tag for one file-name segment, or null when it names no language. */
export function languageFromSegment(segment: string): string | null {
  const s = segment.trim();
  if (!s) return null;
  const named = NAMES[s.toLowerCase()];
  if (named) return named;
  return canonicalLanguage(s);
}

/** A language the user typed (`--lang`, a manifest cell, the app's table): a tag or a name. */
export function languageFromUser(value: string): string | null {
  return languageFromSegment(value) ?? parseLanguageTag(value.trim());
}
