// fast-check generators for tracks that both formats can hold.
import fc from 'fast-check';
import type { Cue, Track, VttBlock } from '../../../shared/captions/model.ts';

const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9'’!?,.&<>ñ中文😀-]{1,10}$/u).filter((w) => !w.includes('-->'));
const tagged = fc.tuple(fc.constantFrom('i', 'b', 'u'), word).map(([t, w]) => `<${t}>${w}</${t}>`);
const line = fc
  .array(fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: tagged }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((ws) => ws.join(' '))
  // A lone `<` followed by letters could read as a tag: keep the generator to unambiguous text.
  .filter((l) => !/<(?!\/?[ibu]>)[a-z\d/]/i.test(l) && !l.includes('-->'));
export const cueText = fc.array(line, { minLength: 0, maxLength: 3 }).map((ls) => ls.join('\n'));

const timing = fc.tuple(fc.integer({ min: 0, max: 10 * 3_600_000 }), fc.integer({ min: 0, max: 20_000 }));

function cuesOf(times: [number, number][], texts: string[]): Omit<Cue, 'id'>[] {
  return times.map(([start, dur], i) => ({ start, end: start + dur, text: texts[i] ?? '' }));
}

const timedCues = fc
  .integer({ min: 0, max: 30 })
  .chain((n) =>
    fc.tuple(
      fc.array(timing, { minLength: n, maxLength: n }),
      fc.array(cueText, { minLength: n, maxLength: n }),
    ),
  )
  .map(([times, texts]) => cuesOf(times, texts));

/** A track as SRT can hold it: positional ids, no settings, no WebVTT extras. */
export const srtTrack: fc.Arbitrary<Track> = timedCues.map((cues) => ({
  language: 'en',
  label: 'English',
  cues: cues.map((c, i) => ({ id: String(i + 1), ...c })),
}));

const settings = fc.constantFrom(
  'align:start',
  'line:0',
  'position:10% size:80%',
  'align:end line:-1',
  'vertical:rl',
);
const cueId = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/).filter((s) => !/^(note|style|region)/i.test(s));
const noteText = fc.stringMatching(/^[A-Za-z ,.]{0,20}$/).map((s) => s.trim());

/** A track as WebVTT can hold it: ids (written or positional), settings, header, NOTE blocks. */
export const vttTrack: fc.Arbitrary<Track> = fc
  .tuple(
    timedCues,
    fc.boolean(),
    fc.array(cueId, { minLength: 30, maxLength: 30 }),
    fc.array(fc.option(settings, { nil: undefined }), { minLength: 30, maxLength: 30 }),
    fc.constantFrom('', ' - Title', '\nKind: captions'),
    fc.array(fc.tuple(fc.integer({ min: -1, max: 29 }), noteText), { maxLength: 3 }),
  )
  .map(([base, withIds, ids, sets, header, notes]) => {
    const seen = new Set<string>();
    const cues: Cue[] = base.map((c, i) => {
      let id = withIds ? (ids[i] ?? `c${i}`) : String(i + 1);
      if (seen.has(id)) id = `${id}-${i}`;
      seen.add(id);
      const s = sets[i];
      return s ? { id, ...c, settings: s } : { id, ...c };
    });
    // Blocks in file order: sorted by the cue they follow.
    const blocks: VttBlock[] = notes
      .map(([at, text]) => ({ at: Math.min(at, cues.length - 1), text }))
      .sort((a, b) => a.at - b.at)
      .map(({ at, text }) => ({
        kind: 'NOTE' as const,
        text: text ? `NOTE ${text}` : 'NOTE',
        afterCueId: at < 0 ? null : (cues[at]?.id ?? null),
      }));
    // With no cues there is nothing to tell whether the file had identifiers.
    return {
      language: 'en',
      label: 'English',
      cues,
      vtt: { header, blocks, cueIds: withIds && cues.length > 0 },
    };
  });
