// BCP 47 inside the app, X's form at the edge: subtitles `language_code` must match ^[A-Z]{2}$
// (an upper-case ISO 639-1 code), so `pt-BR` → `PT`. Tags without a two-letter language (e.g.
// `fil`, `yue`) or unknown to ICU (the seed page's `sp`) can't be sent: say so clearly.
import { CuelineError } from '../errors.ts';

export interface ApiLanguage {
  /** The BCP 47 tag as canonicalised (`pt-BR`). */
  tag: string;
  /** X's language_code (`PT`). */
  code: string;
  /** Name shown in X's caption menu. */
  displayName: string;
}

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.trim().replaceAll('_', '-'))[0] ?? null;
  } catch {
    return null;
  }
}

/** X's two-letter upper-case code for a BCP 47 tag. Throws `lang.unsupported` when there is none. */
export function toApiLanguageCode(tag: string): string {
  const c = canonical(tag);
  if (!c)
    throw new CuelineError('lang.invalid', `"${tag}" is not a BCP 47 language tag (e.g. en, es, pt-BR).`, {
      tag,
    });
  const language = new Intl.Locale(c).language;
  if (!/^[a-z]{2}$/.test(language))
    throw new CuelineError(
      'lang.unsupported',
      `"${tag}" has no two-letter ISO 639-1 code, and X's subtitles API only takes those (language_code ^[A-Z]{2}$).`,
      { tag },
    );
  const known = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(language);
  if (!known)
    throw new CuelineError(
      'lang.invalid',
      `"${tag}" is not a known language code${language === 'sp' ? ' (Spanish is "es")' : ''}.`,
      { tag },
    );
  return language.toUpperCase();
}

/** The language's name in itself (`Español`, `Português (Brasil)`), as viewers look for it. */
export function displayNameFor(tag: string): string {
  const c = canonical(tag) ?? tag;
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([c], { type: 'language', fallback: 'none' }).of(c);
  } catch {
    name = undefined;
  }
  if (!name) {
    try {
      name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' }).of(c);
    } catch {
      name = c;
    }
  }
  const n = name ?? c;
  return n.charAt(0).toLocaleUpperCase(c) + n.slice(1);
}

export function toApiLanguage(tag: string, displayName?: string): ApiLanguage {
  const code = toApiLanguageCode(tag);
  return { tag: canonical(tag) ?? tag, code, displayName: displayName?.trim() || displayNameFor(tag) };
}
