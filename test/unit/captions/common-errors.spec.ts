import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../shared/captions/edits.ts';
import { applyFixesEdit, fixText, proposeFixes } from '../../../shared/captions/common-errors.ts';
import { PRESETS } from '../../../shared/captions/rules.ts';
import { englishTrack } from '../../support/tracks.ts';

const rules = PRESETS['netflix-adult'];

describe('fix common errors', () => {
  it('fixes double spaces, spaces before punctuation, edge spaces and unbalanced tags', () => {
    expect(fixText(' The  mayor said , hello ! ', 'en', rules)).toEqual({
      text: 'The mayor said, hello!',
      kinds: ['edge-space', 'double-space', 'space-before-punctuation'],
    });
    expect(fixText('<i>Open and never closed', 'en', rules).text).toBe('<i>Open and never closed</i>');
    expect(fixText('Closed</i> from nowhere', 'en', rules).text).toBe('Closed from nowhere');
    // French keeps its space before ! ? ; :
    expect(fixText('Bonjour !', 'fr', rules).text).toBe('Bonjour !');
  });

  it('rebalances a long line at a word boundary when the text fits in two lines', () => {
    const long = 'The council will meet again on Tuesday to vote on the budget';
    const { text, kinds } = fixText(long, 'en', rules);
    expect(kinds).toEqual(['long-line']);
    const lines = text.split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(42);
    expect(lines.join(' ')).toBe(long);
  });

  it('proposes a gap fix per cue and applies accepted proposals as one batch', () => {
    const track = englishTrack(
      { id: 'a', start: 0, end: 1990, text: 'Teh  cat' },
      { id: 'b', start: 2000, end: 3000, text: 'Fine.' },
    );
    const fixes = proposeFixes(track, { rules, minGapMs: 84 });
    expect(fixes.map((f) => f.key)).toEqual(['a:text', 'a:gap']);
    const edit = applyFixesEdit(fixes);
    if (!edit) throw new Error('no edit');
    expect(edit.kind).toBe('batch');
    const t = applyEdit(track, edit).track;
    expect(t.cues[0]).toMatchObject({ text: 'Teh cat', end: 1916 });
  });
});
