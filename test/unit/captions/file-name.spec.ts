import { describe, expect, it } from 'vitest';
import { languageFromFileName, languageLabel, parseLanguageTag } from '../../../shared/captions/file-name.ts';
import { formatFromFileName, parseCaptions } from '../../../shared/captions/read.ts';

describe('language from file names', () => {
  it.each([
    ['clip.en.srt', 'en'],
    ['clip.pt-BR.vtt', 'pt-BR'],
    ['clip.pt_br.srt', 'pt-BR'],
    ['clip.zh-hant.srt', 'zh-Hant'],
    ['/videos/launch.fr.srt', 'fr'],
    ['C:\\videos\\launch.de.vtt', 'de'],
    ['clip.eng.srt', 'en'],
    ['clip.ger.srt', 'de'],
    ['clip.iw.srt', 'he'],
    ['clip.es.forced.srt', 'es'],
    ['clip.en.sdh.srt', 'en'],
    ['clip.srt', null],
    ['en.srt', null],
    ['my.cut.srt', null],
    ['clip.new.srt', null],
    ['clip.final.srt', null],
    ['clip.v2.srt', null],
    ['clip.xx.srt', null],
  ])('%s → %s', (name, lang) => {
    expect(languageFromFileName(name)).toBe(lang);
  });

  it('labels and user-typed tags', () => {
    expect(languageLabel('pt-BR')).toBe('Brazilian Portuguese');
    expect(parseLanguageTag('haw')).toBe('haw');
    expect(parseLanguageTag('not a tag')).toBeNull();
    expect(parseLanguageTag('sp')).toBeNull();
    expect(parseLanguageTag('english')).toBeNull();
    expect(parseLanguageTag('es-419')).toBe('es-419');
  });

  it('format from the extension', () => {
    expect(formatFromFileName('a.SRT')).toBe('srt');
    expect(formatFromFileName('a.vtt')).toBe('vtt');
    expect(formatFromFileName('a.txt')).toBeNull();
  });

  it('parseCaptions uses the file name, the option wins, bad tags are refused', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nA\n';
    expect(parseCaptions(text, { fileName: 'a.es.srt' }).track).toMatchObject({
      language: 'es',
      label: 'Spanish',
    });
    expect(
      parseCaptions(text, { fileName: 'a.es.srt', language: 'es-419', label: 'Latino' }).track,
    ).toMatchObject({
      language: 'es-419',
      label: 'Latino',
    });
    expect(() => parseCaptions(text, { fileName: 'a.srt', language: 'not a tag' })).toThrow(
      /not a known BCP 47/,
    );
    // One rule with publish: well-formed but unknown to ICU is refused too.
    expect(() => parseCaptions(text, { fileName: 'a.srt', language: 'sp' })).toThrow(/Spanish is "es"/);
    // No extension: the content decides.
    expect(parseCaptions('WEBVTT\n\n00:01.000 --> 00:02.000\nA\n', { fileName: 'pasted' }).format).toBe(
      'vtt',
    );
  });
});
