// Inputs that crashed or stalled the readers, the rules table and the edits (issue 15): stack
// overflows from spreading big arrays or a backtracking regex, and quadratic id searches. Stalls are
// caught by counting the operations, not by timing (timings live in `npm run bench -- captions`).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCaptions } from '../../../shared/captions/read.ts';
import { parseSrt } from '../../../shared/captions/srt-read.ts';
import { writeCaptions } from '../../../shared/captions/write.ts';
import { ITEMS_PER_BATCH } from '../../../shared/captions/chunked-text.ts';
import { applyEdit, mergeCues } from '../../../shared/captions/edits.ts';
import type { Cue, Track } from '../../../shared/captions/model.ts';
import type { Finding } from '../../../shared/captions/rules.ts';
import { findingsTable } from '../../../main/cli/commands/check.ts';

const BIG = 200_000;

function track(n: number): Track {
  const cues: Cue[] = [];
  for (let i = 0; i < n; i++) cues.push({ id: String(i + 1), start: i * 10, end: i * 10 + 5_000, text: 'x' });
  return { language: 'en', label: '', cues };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('no stack overflow on big inputs', () => {
  it('the check table lays out 200,000 findings', () => {
    const findings: Finding[] = Array.from({ length: BIG }, (_, i) => ({
      rule: 'overlap',
      severity: 'error',
      cueIndex: i,
      message: 'overlaps the next cue',
    }));
    const lines = findingsTable(findings, (i) => i * 10);
    expect(lines).toHaveLength(BIG + 1);
    expect(lines[BIG]).toMatch(/^200000 +00:33:19,990 +error +overlap +overlaps the next cue$/);
  });

  it('an SRT timing line with 12 MB of X1/Y1 coordinates is read', () => {
    const coords = ' X1:1'.repeat(2_400_000);
    const r = parseSrt(`1\n00:00:01,000 --> 00:00:02,000${coords}\nHi\n`);
    expect(r.errors).toEqual([]);
    expect(r.cues.map((c) => c.text)).toEqual(['Hi']);
    expect(r.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/coordinates/));
  });

  it('merging and replacing 200,000 cues', () => {
    const t = track(BIG);
    const merged = mergeCues(
      t,
      t.cues.map((c) => c.id),
    ).track;
    expect(merged.cues).toEqual([
      { id: '1', start: 0, end: (BIG - 1) * 10 + 5_000, text: 'x'.repeat(BIG).split('').join('\n') },
    ]);
    const replaced = applyEdit(merged, { kind: 'replaceCues', index: 0, count: 1, cues: t.cues }).track;
    expect(replaced.cues).toHaveLength(BIG);
  });
});

describe('linear, not quadratic', () => {
  it.each(['srt', 'vtt'] as const)(
    'the %s writer builds its text in chunks of about 64K characters, not one rope of every cue kept to the end',
    (format) => {
      // A rope of 200,000 cues outlives the young generation: the scavenger copies every piece,
      // and a 20 MB write cost twice as much per MB as a 5 MB one (npm run bench -- captions).
      const t = track(BIG);
      const join = vi.spyOn(Array.prototype, 'join');
      const { text } = writeCaptions(t, format);
      const joins = (join.mock.contexts as unknown[][]).filter(
        (a) => a.length > 1 && a.every((p) => typeof p === 'string'),
      ) as string[][];
      // The whole text is one join of chunks of 64K characters and at most one more batch of cues
      // (each cue is under 60 characters here), the last one shorter.
      const most = 65_536 + ITEMS_PER_BATCH * 60;
      const chunks = joins.find((a) => a.join('') === text) ?? [];
      expect(chunks.length).toBeGreaterThanOrEqual(Math.floor(text.length / most));
      for (const c of chunks.slice(0, -1)) {
        expect(c.length).toBeGreaterThanOrEqual(65_536);
        expect(c.length).toBeLessThan(most);
      }
      expect(text.split('\n\n').length - 1).toBe(BIG + (format === 'vtt' ? 1 : 0));
    },
  );

  it('WebVTT ids: M cues with ids M+1…2M, then M cues without one', () => {
    const m = 2_000;
    const blocks: string[] = [];
    for (let i = 0; i < m; i++) blocks.push(`${m + i + 1}\n00:00:01.000 --> 00:00:02.000\na`);
    for (let i = 0; i < m; i++) blocks.push(`00:00:01.000 --> 00:00:02.000\nb`);
    const text = `WEBVTT\n\n${blocks.join('\n\n')}\n`;
    const has = vi.spyOn(Set.prototype, 'has');
    const { track: t } = parseCaptions(text, { fileName: 'x.en.vtt' });
    // Each generated id is searched from where the last search stopped: about 2M lookups, not M²/2.
    expect(has.mock.calls.length).toBeLessThan(20 * m);
    const ids = t.cues.map((c) => c.id);
    expect(new Set(ids).size).toBe(2 * m);
    expect(ids.slice(m, m + 2)).toEqual([String(2 * m + 1), String(2 * m + 2)]);
  });

  it.each([
    [
      'reorder (the undo of sort)',
      (t: Track) => ({ kind: 'reorder' as const, ids: t.cues.map((c) => c.id).reverse() }),
    ],
    [
      'shift of every cue by id',
      (t: Track) => ({ kind: 'shift' as const, ids: t.cues.map((c) => c.id), deltaMs: 5 }),
    ],
    ['delete of every cue', (t: Track) => ({ kind: 'delete' as const, ids: t.cues.map((c) => c.id) })],
    [
      'retime of every cue',
      (t: Track) => ({ kind: 'retime' as const, times: t.cues.map((c) => ({ id: c.id, start: 1, end: 2 })) }),
    ],
  ])('edits find many ids with one pass: %s', (_name, edit) => {
    const t = track(2_000);
    const findIndex = vi.spyOn(Array.prototype, 'findIndex');
    applyEdit(t, edit(t));
    expect(findIndex.mock.calls.length).toBeLessThan(10);
  });
});
