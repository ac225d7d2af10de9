import { describe, expect, it } from 'vitest';
import { displayNameFor, toApiLanguage, toApiLanguageCode } from '../../../shared/x/languages.ts';

describe('language codes for X', () => {
  it('maps BCP 47 tags to upper-case ISO 639-1', () => {
    expect(toApiLanguageCode('en')).toBe('EN');
    expect(toApiLanguageCode('pt-BR')).toBe('PT');
    expect(toApiLanguageCode('zh-Hant-TW')).toBe('ZH');
    expect(toApiLanguageCode('eng')).toBe('EN');
    expect(toApiLanguageCode('iw')).toBe('HE');
  });

  it('refuses tags that cannot map, with a reason', () => {
    expect(() => toApiLanguageCode('sp')).toThrow(/Spanish is "es"/);
    expect(() => toApiLanguageCode('fil')).toThrow(/two-letter/);
    expect(() => toApiLanguageCode('not a tag')).toThrow(/BCP 47/);
  });

  it('names the language in itself unless told', () => {
    expect(displayNameFor('es')).toBe('Español');
    expect(displayNameFor('en')).toBe('English');
    expect(displayNameFor('pt-BR')).toBe('Português (Brasil)');
    expect(toApiLanguage('de', 'German (CC)')).toEqual({ tag: 'de', code: 'DE', displayName: 'German (CC)' });
  });
});
