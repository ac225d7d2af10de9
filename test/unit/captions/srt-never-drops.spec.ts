// "Never silently drop a cue": on any input, every line holding "-->" becomes a cue or an error
// naming that line, and cues come from nowhere else.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSrt } from '../../../shared/captions/srt-read.ts';
import { formatSrtTimestamp } from '../../../shared/captions/time.ts';

const ms = fc.integer({ min: 0, max: 7_200_000 });
const lineArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(ms, ms)
      .map(([a, b]) => `${formatSrtTimestamp(Math.min(a, b))} --> ${formatSrtTimestamp(Math.max(a, b))}`),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(ms, ms).map(([a, b]) => `${formatSrtTimestamp(a)} --> ${formatSrtTimestamp(b)}`),
  },
  { weight: 3, arbitrary: fc.nat({ max: 500 }).map(String) },
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z<>/ ?!.,0-9é]{1,30}$/) },
  { weight: 4, arbitrary: fc.constantFrom('', ' ', '\t') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '00:00:01,000 -> 00:00:02,000',
      'a --> b',
      '00:00:01,000 --> soon',
      '1:2:3 --> 4:5:6',
      '-->',
    ),
  },
);

describe('the SRT reader never drops a cue silently', () => {
  it('every "-->" line is a cue or an error on that line', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const r = parseSrt(lines.join(eol));
        const arrowLines = new Set(lines.flatMap((l, i) => (l.includes('-->') ? [i + 1] : [])));
        const arrowErrors = new Set(r.errors.filter((e) => arrowLines.has(e.line)).map((e) => e.line));
        expect(r.moreErrors).toBe(0);
        expect(r.cues.length).toBe(arrowLines.size - arrowErrors.size);
        for (const c of r.cues) expect(c.end).toBeGreaterThanOrEqual(c.start);
      }),
      { numRuns: 1000 },
    );
  });
});
