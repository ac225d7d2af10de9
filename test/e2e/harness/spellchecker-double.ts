// Electron's session spellchecker as the router sees it (SpellCheckerPort), recording what it is
// told. `available` defaults to the codes Electron's Hunspell offers on Linux and Windows.
import type { SpellCheckerPort } from '../../../main/services/spelling/spellchecker-languages.ts';

export const ELECTRON_LINUX_LANGUAGES = [
  'af',
  'bg',
  'ca',
  'cs',
  'cy',
  'da',
  'de',
  'el',
  'en-AU',
  'en-CA',
  'en-GB',
  'en-GB-oxendict',
  'en-US',
  'es',
  'es-419',
  'es-AR',
  'es-ES',
  'es-MX',
  'es-US',
  'et',
  'fa',
  'fo',
  'fr',
  'he',
  'hi',
  'hr',
  'hu',
  'hy',
  'id',
  'it',
  'ko',
  'lt',
  'lv',
  'nb',
  'nl',
  'pl',
  'pt-BR',
  'pt-PT',
  'ro',
  'ru',
  'sh',
  'sk',
  'sl',
  'sq',
  'sr',
  'sv',
  'ta',
  'tg',
  'tr',
  'uk',
  'vi',
] as const;

export class SpellCheckerDouble implements SpellCheckerPort {
  /** Every setLanguages call's list, in order. */
  readonly languages: string[][] = [];
  /** Every setEnabled call, in order. */
  readonly enabled: boolean[] = [];
  readonly #available: readonly string[];

  constructor(available: readonly string[] = ELECTRON_LINUX_LANGUAGES) {
    this.#available = available;
  }
  available(): readonly string[] {
    return this.#available;
  }
  setLanguages(languages: readonly string[]): void {
    this.languages.push([...languages]);
  }
  setEnabled(enabled: boolean): void {
    this.enabled.push(enabled);
  }
}
