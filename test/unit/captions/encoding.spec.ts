import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parseCaptions } from '../../../shared/captions/read.ts';
import { readFileSync } from 'node:fs';
import { decodeCaptionBytes } from '../../../shared/captions/encoding.ts';

const srt = (lines: string[]): string =>
  lines.map((t, i) => `${i + 1}\r\n00:00:0${i},000 --> 00:00:0${i},900\r\n${t}\r\n\r\n`).join('');

// Realistic caption text per encoding: detection is statistical, so give it a few lines.
const SAMPLES: [string, string, string[]][] = [
  [
    'windows-1252',
    'windows-1252',
    ['Où êtes-vous allés cet été ?', 'Déjà vu, garçon — ça coûte 5 €.', 'À bientôt, Noël.'],
  ],
  // chardet has no windows-1250 model: its ISO-8859-2 one answers windows-1250 when C1 bytes occur.
  [
    'windows-1250',
    'windows-1250',
    ['Święta Łódź: źródło, gąszcz, śnieg i żółw.', 'Zażółć gęślą jaźń, proszę państwa.'],
  ],
  [
    'iso-8859-2',
    'iso-8859-2',
    ['Dzień dobry, jak się masz?', 'Proszę bardzo, to jest łatwe.', 'Żółć gęślą jaźń.'],
  ],
  [
    'windows-1251',
    'windows-1251',
    ['Привет, как дела у тебя сегодня?', 'Всё хорошо, спасибо большое.', 'До свидания.'],
  ],
  ['shift_jis', 'shift_jis', ['こんにちは、世界。', '今日はいい天気ですね。', 'また明日会いましょう。']],
  ['euc-jp', 'euc-jp', ['こんにちは、世界。', '今日はいい天気ですね。', 'また明日会いましょう。']],
  ['gb18030', 'gb18030', ['你好，世界。今天天气很好。', '我们明天见，再见。', '这是一个中文字幕文件。']],
  ['big5', 'big5', ['你好，世界。今天天氣很好。', '我們明天見，再見。', '這是一個中文字幕檔案。']],
  [
    'euc-kr',
    'euc-kr',
    ['안녕하세요, 세계. 오늘 날씨가 좋네요.', '내일 만나요, 안녕히 가세요.', '한국어 자막 파일입니다.'],
  ],
];

describe('decodeCaptionBytes', () => {
  it('UTF-8 with and without BOM', () => {
    const text = srt(['Grüße, 世界 👍🏽']);
    const plain = decodeCaptionBytes(new TextEncoder().encode(text));
    expect(plain).toEqual({ text, encoding: 'utf-8', confidence: 1, pinned: false });
    const bom = decodeCaptionBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    expect(bom.text).toBe(text); // BOM removed
    expect(bom.encoding).toBe('utf-8');
  });

  it('UTF-16 LE/BE with BOM, and without BOM from the zero-byte pattern', () => {
    const text = srt(['Schöne Straße', 'Ça va ?']);
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const body = iconv.encode(text, enc);
      const bom = enc === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
      const withBom = decodeCaptionBytes(new Uint8Array([...bom, ...body]));
      expect([withBom.encoding, withBom.text]).toEqual([enc, text]);
      const without = decodeCaptionBytes(new Uint8Array(body));
      expect([without.encoding, without.text]).toEqual([enc, text]);
    }
  });

  it('ASCII-only UTF-16 without BOM is UTF-16, not NUL-interleaved UTF-8 (it is valid UTF-8 too)', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nHello\n';
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const r = decodeCaptionBytes(new Uint8Array(iconv.encode(text, enc)));
      expect([r.encoding, r.text]).toEqual([enc, text]);
      expect(parseCaptions(r.text, { fileName: 'x.en.srt' }).track.cues.map((c) => c.text)).toEqual([
        'Hello',
      ]);
    }
  });

  for (const [iconvName, expected, lines] of SAMPLES) {
    it(`detects ${expected}`, () => {
      const text = srt(lines);
      const r = decodeCaptionBytes(new Uint8Array(iconv.encode(text, iconvName)));
      expect(r.encoding).toBe(expected);
      expect(r.text).toBe(text);
      expect(r.pinned).toBe(false);
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    });
  }

  it('the committed legacy fixtures decode to the right text', () => {
    const read = (n: string) =>
      decodeCaptionBytes(
        new Uint8Array(readFileSync(new URL(`../../fixtures/captions/${n}`, import.meta.url))),
      );
    expect(read('legacy-cp1252.fr.srt').text).toContain('Déjà vu, garçon — «ça» coûte 5 €.');
    expect(read('legacy-sjis.ja.srt').text).toContain('今日はいい天気ですね。');
    expect(read('legacy-utf16le.de.srt').text).toContain('Grüße aus München!');
    expect(read('legacy-cp1251.ru.srt').text).toContain('Всё хорошо, спасибо большое.');
  });

  it('a pinned encoding wins over detection', () => {
    const bytes = new Uint8Array(iconv.encode(srt(['Où êtes-vous ?']), 'windows-1252'));
    const pinned = decodeCaptionBytes(bytes, { encoding: 'iso-8859-15' });
    expect(pinned.pinned).toBe(true);
    expect(pinned.encoding).toBe('iso-8859-15');
    expect(pinned.text).toContain('Où êtes-vous ?');
    // Misdetection fix: the user says the bytes are KOI8-R, so they are decoded as KOI8-R.
    expect(decodeCaptionBytes(bytes, { encoding: 'koi8-r' }).text).not.toContain('Où');
  });

  it('refuses invalid bytes for a pinned UTF-8 and unknown encodings', () => {
    const bytes = new Uint8Array(iconv.encode('Où', 'windows-1252'));
    expect(() => decodeCaptionBytes(bytes, { encoding: 'utf-8' })).toThrow(/not valid utf-8/);
    // The advice is data: the CLI says --encoding, the app its own control.
    expect(() => decodeCaptionBytes(bytes, { encoding: 'utf-8' })).toThrow(
      expect.objectContaining({
        remedy: { hint: 'captions.encoding' },
        message: expect.not.stringMatching(/--/),
      }),
    );
    expect(() => decodeCaptionBytes(bytes, { encoding: 'klingon-8' })).toThrow(
      /unknown text encoding "klingon-8"/,
    );
  });

  it('refuses UTF-32 (no TextDecoder for it) with a clear error', () => {
    expect(() => decodeCaptionBytes(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toThrow(
      /UTF-32LE is not supported/,
    );
  });
});
