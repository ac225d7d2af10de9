import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { CuelineError } from '../../../shared/errors.ts';
import type { ParseErrorDetails } from '../../../shared/captions/read.ts';
import { parseCaptions } from '../../../shared/captions/read.ts';
import { writeCaptions } from '../../../shared/captions/write.ts';
import { fromVttText, toVttText } from '../../../shared/captions/markup.ts';
import { ITEMS_PER_BATCH } from '../../../shared/captions/chunked-text.ts';
import { formatVttTimestamp } from '../../../shared/captions/time.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/captions/${name}`, import.meta.url), 'utf8');

describe('WebVTT reader', () => {
  const { track, format } = parseCaptions(fixture('clip.fr.vtt'), { fileName: 'clip.fr.vtt' });

  it('reads ids, times, settings and decodes character references', () => {
    expect(format).toBe('vtt');
    expect(track.language).toBe('fr');
    expect(track.cues).toEqual([
      {
        id: 'intro',
        start: 1000,
        end: 3000,
        text: '<v Anne>Bonjour à tous & bienvenue.</v>',
        settings: 'align:start line:85%',
      },
      {
        id: 'q1',
        start: 3500,
        end: 6000,
        text: '<c.loud>Première question\u00a0:</c>\npourquoi <i>maintenant</i> ?',
        settings: 'position:20% size:60%',
      },
      { id: 'q2', start: 6500, end: 9000, text: "C'est l'été — enfin." },
    ]);
  });

  it('keeps the header and NOTE/STYLE/REGION blocks where they were', () => {
    expect(track.vtt).toEqual({
      header: ' - Interview\nKind: captions',
      cueIds: true,
      blocks: [
        { kind: 'STYLE', text: 'STYLE\n::cue(.loud) { color: yellow }', afterCueId: null },
        { kind: 'REGION', text: 'REGION\nid:bottom width:80% lines:3', afterCueId: null },
        { kind: 'NOTE', text: 'NOTE Translated by A. Martin', afterCueId: null },
        { kind: 'NOTE', text: 'NOTE checked 2026-05-01', afterCueId: 'q1' },
      ],
    });
  });

  it('writes the fixture back byte for byte', () => {
    const { text, notes } = writeCaptions(track, 'vtt');
    expect(notes).toEqual([]);
    expect(text).toBe(fixture('clip.fr.vtt').replace('&nbsp;', '\u00a0') + '\n');
  });

  it('takes the language from a Language: header when the file name has none', () => {
    const r = parseCaptions('WEBVTT\nLanguage: pt-br\n\n00:01.000 --> 00:02.000\nOlá\n', {
      fileName: 'clip.vtt',
    });
    expect(r.track.language).toBe('pt-BR');
    expect(r.track.vtt?.cueIds).toBe(false);
    expect(r.track.cues[0]?.id).toBe('1');
  });

  it('keeps file order when cues are out of order (the rules report it)', () => {
    const text = 'WEBVTT\n\n00:05.000 --> 00:06.000\nB\n\n00:01.000 --> 00:02.000\nA\n';
    const r = parseCaptions(text, { fileName: 'x.vtt' });
    expect(r.track.cues.map((c) => c.text)).toEqual(['B', 'A']);
    // The strict reader (cueline check) passes on webvtt-parser's warning.
    const strict = parseCaptions(text, { fileName: 'x.vtt', strict: true });
    expect(strict.track.cues.map((c) => c.text)).toEqual(['B', 'A']);
    expect(strict.warnings[0]?.message).toMatch(/Start timestamp is not greater/);
  });

  it('strict: reports webvtt-parser errors with their line numbers; the first names the file', () => {
    let err: unknown;
    try {
      parseCaptions(fixture('malformed.vtt'), { fileName: 'malformed.vtt', strict: true });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CuelineError);
    const e = err as CuelineError;
    expect(e.code).toBe('subtitle.parse');
    expect(e.message).toMatch(
      /^malformed\.vtt:6: Cue identifier cannot be standalone\. \(and 1 more error\)$/,
    );
    expect((e.details as ParseErrorDetails).errors.map((x) => x.line)).toEqual([6, 8]);
  });

  it('the fast reader finds the same errors, at the same lines, in its own words', () => {
    let err: unknown;
    try {
      parseCaptions(fixture('malformed.vtt'), { fileName: 'malformed.vtt' });
    } catch (e) {
      err = e;
    }
    expect((err as CuelineError).message).toMatch(/^malformed\.vtt:6: text outside a cue: "lonely-id"/);
    expect((err as CuelineError).details).toMatchObject({
      errors: [
        { line: 6, message: expect.stringMatching(/text outside a cue/) },
        { line: 8, message: expect.stringMatching(/^invalid timing line "00:00:03,000 --> 00:00:04\.000"/) },
      ],
    });
  });

  it('refuses a file without the WEBVTT signature', () => {
    expect(() => parseCaptions('00:01.000 --> 00:02.000\nA\n', { fileName: 'a.vtt', strict: true })).toThrow(
      /^a\.vtt:1: No valid signature/,
    );
    expect(() => parseCaptions('00:01.000 --> 00:02.000\nA\n', { fileName: 'a.vtt' })).toThrow(
      /^a\.vtt:1: the first line must be "WEBVTT", found "00:01\.000 --> 00:02\.000"/,
    );
  });

  it('refuses end before start like the SRT reader', () => {
    expect(() => parseCaptions('WEBVTT\n\n00:05.000 --> 00:04.000\nA\n', { fileName: 'a.vtt' })).toThrow(
      'a.vtt:3: end time 00:00:04.000 is before start 00:00:05.000',
    );
  });
});

describe('WebVTT reader: one pass by offsets', () => {
  const read = (text: string) => parseCaptions(text, { fileName: 'x.en.vtt' });

  it('does not split the file into an array of lines (it cost ~10× the file in memory)', () => {
    const text = 'WEBVTT\n\n' + '00:01.000 --> 00:02.000\nline one\nline two\n\n'.repeat(50);
    const split = vi.spyOn(String.prototype, 'split');
    try {
      expect(read(text).track.cues).toHaveLength(50);
      const whole = split.mock.contexts.filter((c) => String(c).length >= text.length - 1);
      expect(whole).toEqual([]);
    } finally {
      split.mockRestore();
    }
    // `check` (strict) still hands webvtt-parser the lines it needs.
    expect(parseCaptions(text, { fileName: 'x.en.vtt', strict: true }).track.cues).toHaveLength(50);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads %s line ends the same: text lines trimmed and joined with \\n, blocks too', (_, eol) => {
    const text = [
      '\ufeffWEBVTT - title',
      'Kind: captions',
      '',
      'NOTE one',
      'two',
      '',
      'a',
      '00:01.000 --> 00:02.000   align:start \t line:0',
      'first \t',
      'second\u00a0',
      '',
      '00:03.000 --> 00:04.000',
      'only',
      '00:05.000 --> 00:06.000',
      '',
    ].join(eol);
    const { track } = read(text);
    expect(track.cues).toEqual([
      { id: 'a', start: 1000, end: 2000, text: 'first\nsecond', settings: 'align:start line:0' },
      { id: '2', start: 3000, end: 4000, text: 'only' },
      { id: '3', start: 5000, end: 6000, text: '' },
    ]);
    expect(track.vtt).toEqual({
      header: ' - title\nKind: captions',
      cueIds: true,
      blocks: [{ kind: 'NOTE', text: 'NOTE one\ntwo', afterCueId: null }],
    });
  });

  it('makes duplicate ids unique and names the line of the first duplicate', () => {
    const text =
      'WEBVTT\n\na\n00:01.000 --> 00:02.000\nx\n\n00:03.000 --> 00:04.000\ny\n\n' +
      '2\n00:05.000 --> 00:06.000\nz\n\na\n00:07.000 --> 00:08.000\nw\n';
    const { track, warnings } = read(text);
    expect(track.cues.map((c) => c.id)).toEqual(['a', '2', '2-3', 'a-4']);
    expect(warnings).toEqual([{ line: 10, message: '2 duplicate cue identifier(s) made unique' }]);
  });

  it('names the line of a broken timing, counting every kind of line end', () => {
    const err = (() => {
      try {
        read('WEBVTT\r\n\r\n00:01.000 --> 00:02.000\rtext\n\n00:03,000 --> 00:04.000\nx\n');
      } catch (e) {
        return e as CuelineError;
      }
      throw new Error('accepted');
    })();
    expect(err.message).toMatch(/^x\.en\.vtt:6: invalid timing line "00:03,000 --> 00:04\.000"/);
  });
});

describe('WebVTT writer', () => {
  it('escapes & and stray < but keeps tags; drops <font> with a note', () => {
    const { text, notes } = writeCaptions(
      {
        language: 'en',
        label: '',
        cues: [{ id: '1', start: 0, end: 1000, text: 'Tom & <i>Jerry</i> <3 <font color="red">x</font>' }],
      },
      'vtt',
    );
    expect(text).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nTom &amp; <i>Jerry</i> &lt;3 x\n\n');
    expect(notes).toEqual([expect.objectContaining({ kind: 'text-changed', count: 1 })]);
  });

  it('writes a long file back byte for byte: ids, blocks and empty cues at the edges of its batches', () => {
    // The writer runs ITEMS_PER_BATCH cues per call; blocks follow the cue they were after.
    const edges = new Set([ITEMS_PER_BATCH - 1, ITEMS_PER_BATCH, 2 * ITEMS_PER_BATCH]);
    const parts = ['WEBVTT\n\nNOTE before the first cue\n\n'];
    for (let i = 0; i <= 2 * ITEMS_PER_BATCH; i++) {
      const at = `${formatVttTimestamp(i * 1000)} --> ${formatVttTimestamp(i * 1000 + 900)}`;
      parts.push(
        `c${i}\n${at}${i % 7 === 0 ? ' align:start' : ''}\n${edges.has(i) ? '' : `cue ${i} &amp; more\n`}\n`,
      );
      if (edges.has(i)) parts.push(`NOTE after c${i}\n\n`);
    }
    const file = parts.join('');
    const { track } = parseCaptions(file, { fileName: 'long.en.vtt' });
    expect(track.cues).toHaveLength(2 * ITEMS_PER_BATCH + 1);
    const { text, notes } = writeCaptions(track, 'vtt');
    expect(notes).toEqual([]);
    expect(text).toBe(file);
  });

  it('escaping and decoding are inverse for text without tags', () => {
    for (const s of ['a & b', '1 < 2 > 0', '&amp; literally', '&#38;'])
      expect(fromVttText(toVttText(s).text)).toBe(s);
  });

  it('writes a file webvtt-parser accepts without errors', () => {
    const { track } = parseCaptions(fixture('clip.en.srt'), { fileName: 'clip.en.srt' });
    const { text } = writeCaptions(track, 'vtt');
    const back = parseCaptions(text, { fileName: 'clip.en.vtt' });
    expect(back.warnings).toEqual([]);
    expect(back.track.cues.map((c) => c.text)).toEqual(
      track.cues.map((c) => c.text.replace(/<\/?font[^>]*>/g, '')),
    );
  });
});
