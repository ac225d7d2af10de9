// Language and format from caption file names: `clip.en.srt`, `clip.pt-BR.vtt`, `clip.eng.forced.srt`.
import { quote } from './quote.ts';

// ISO 639-2 codes people put in file names, mapped to the BCP 47 tag (which prefers ISO 639-1).
// Other three-letter segments are not trusted: `my.cut.srt` or `clip.new.srt` are not languages.
const THREE_LETTER: Record<string, string> = {
  eng: 'en',
  spa: 'es',
  fra: 'fr',
  fre: 'fr',
  deu: 'de',
  ger: 'de',
  ita: 'it',
  por: 'pt',
  jpn: 'ja',
  zho: 'zh',
  chi: 'zh',
  kor: 'ko',
  rus: 'ru',
  ara: 'ar',
  hin: 'hi',
  nld: 'nl',
  dut: 'nl',
  swe: 'sv',
  nor: 'no',
  nob: 'nb',
  dan: 'da',
  fin: 'fi',
  pol: 'pl',
  tur: 'tr',
  ell: 'el',
  gre: 'el',
  heb: 'he',
  tha: 'th',
  vie: 'vi',
  ind: 'id',
  msa: 'ms',
  may: 'ms',
  ukr: 'uk',
  ces: 'cs',
  cze: 'cs',
  ron: 'ro',
  rum: 'ro',
  hun: 'hu',
  cat: 'ca',
  fil: 'fil',
  tgl: 'tl',
  ben: 'bn',
  urd: 'ur',
  fas: 'fa',
  per: 'fa',
  tam: 'ta',
  tel: 'te',
  bul: 'bg',
  hrv: 'hr',
  srp: 'sr',
  slk: 'sk',
  slo: 'sk',
  slv: 'sl',
  est: 'et',
  lav: 'lv',
  lit: 'lt',
  isl: 'is',
  ice: 'is',
  yue: 'yue',
  cmn: 'zh',
};

// Markers that follow the language in media-server naming (`clip.en.forced.srt`).
const FLAGS = new Set(['forced', 'sdh', 'cc', 'default', 'full', 'sub', 'subs']);

const TAG_RE = /^([a-z]{2,3})((?:[-_][a-z0-9]{2,8})*)$/i;

let names: Intl.DisplayNames | null = null;
function knownLanguage(code: string): boolean {
  names ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  try {
    return names.of(code) !== undefined;
  } catch {
    return false;
  }
}

/** Canonical BCP 47 tag for `s` (`pt_br` → `pt-BR`, `eng` → `en`), or null when it is not a language. */
export function canonicalLanguage(s: string): string | null {
  const m = TAG_RE.exec(s);
  if (!m?.[1]) return null;
  const primary = m[1].toLowerCase();
  const base = primary.length === 3 ? THREE_LETTER[primary] : primary;
  if (!base || !knownLanguage(base)) return null;
  try {
    return Intl.getCanonicalLocales(base + (m[2] ?? '').replaceAll('_', '-'))[0] ?? null;
  } catch {
    return null;
  }
}

function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}

/** `clip.en.srt` → `en`, `clip.pt-BR.vtt` → `pt-BR`, `clip.srt` → null. */
export function languageFromFileName(name: string): string | null {
  const segments = baseName(name).split('.');
  segments.pop(); // extension
  for (let i = segments.length - 1; i >= 1; i--) {
    const seg = segments[i] ?? '';
    if (FLAGS.has(seg.toLowerCase())) continue;
    return canonicalLanguage(seg);
  }
  return null;
}

/** English name for a tag, for a default track label (`pt-BR` → `Portuguese (Brazil)`). */
export function languageLabel(tag: string): string {
  if (!tag) return '';
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * A language the user typed (`--language`, `--lang`): a well-formed BCP 47 tag whose language ICU
 * knows, canonicalised; null otherwise. One rule for every command: `sp` and `english` are refused
 * here as X refuses them at publishing.
 */
export function parseLanguageTag(s: string): string | null {
  const fromName = canonicalLanguage(s);
  if (fromName) return fromName;
  try {
    const tag = Intl.getCanonicalLocales(s.trim().replaceAll('_', '-'))[0];
    return tag && knownLanguage(new Intl.Locale(tag).language) ? tag : null;
  } catch {
    return null;
  }
}

/** Why `s` is not a language parseLanguageTag takes, for `--language` errors. */
export function languageTagProblem(s: string): string {
  const hint = /^sp$/i.test(s.trim())
    ? '; Spanish is "es"'
    : /^[a-z]{4,}$/i.test(s.trim())
      ? '; give its code, e.g. en for English'
      : '';
  return `${quote(s)} is not a known BCP 47 language tag (e.g. en, es, pt-BR${hint})`;
}
