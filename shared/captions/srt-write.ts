// SRT writer: cues renumbered 1…n, `HH:MM:SS,mmm`, LF line ends, a blank line after each cue.
// Refuses (CuelineError `subtitle.time`, naming the cue) times it could not read back.
import type { ConversionNote, Track } from './model.ts';
import { assertWritableTimes, formatSrtHead } from './time.ts';
import { representableText, writableAsIs } from './text-lines.ts';
import { toSrtText } from './markup.ts';
import { ChunkedText } from './chunked-text.ts';

/** What writing the cues found, for the notes; `breaks` ends the cue before the next (formatSrtHead). */
interface Tally {
  settings: number;
  changed: number;
  tagsLost: number;
  breaks: 0 | 1 | 2;
}
/**
 * Each write's tally is a copy of this one, and so shares its hidden class (V8's map), which lives as
 * long as this does. A new object literal per write had a map of its own, collected with it at the
 * next full garbage collection; V8 then dropped writeCues's optimized code, which checks that map,
 * and compiled it again on the next write.
 */
const NO_TALLY: Readonly<Tally> = { settings: 0, changed: 0, tagsLost: 0, breaks: 0 };

/** Cues from…to-1 as SRT, after the cue before them (`t.breaks`); the last cue's blank line too. */
function writeCues(cues: Track['cues'], from: number, to: number, t: Tally): string {
  let out = '';
  let breaks = t.breaks;
  for (let i = from; i < to; i++) {
    const cue = cues[i];
    if (!cue) continue;
    if (cue.settings) t.settings++;
    assertWritableTimes(cue.start, cue.end, i);
    let text = cue.text;
    // Most cues hold nothing to translate or clean: one scan, no allocation.
    if (!writableAsIs(text, 'srt')) {
      // Tags go first: dropping one can leave a blank line or join "--" and ">" into "-->".
      const { text: plain, lost } = toSrtText(text);
      if (lost) t.tagsLost++;
      text = representableText(plain);
      if (text !== plain) t.changed++;
    }
    // One piece for the number, the timing and what ended the cue before; the text as it is.
    out += formatSrtHead(i + 1, cue.start, cue.end, breaks);
    if (text !== '') out += text;
    breaks = text === '' ? 1 : 2;
  }
  t.breaks = breaks;
  if (to === cues.length && breaks > 0) out += breaks === 2 ? '\n\n' : '\n';
  return out;
}

export function writeSrt(track: Track): { text: string; notes: ConversionNote[] } {
  const notes: ConversionNote[] = [];
  const cues = track.cues;
  const t: Tally = { ...NO_TALLY };
  const out = new ChunkedText();
  out.addBatches(cues.length, (from, to) => writeCues(cues, from, to, t));
  const { settings, changed, tagsLost } = t;
  if (settings > 0)
    notes.push({
      kind: 'settings-dropped',
      count: settings,
      message: `${settings} cue(s) lose their WebVTT positioning/alignment settings (SRT has none)`,
    });
  const blocks = track.vtt?.blocks.length ?? 0;
  if (blocks > 0)
    notes.push({
      kind: 'blocks-dropped',
      count: blocks,
      message: `${blocks} WebVTT NOTE/STYLE/REGION block(s) dropped (SRT has no comments or styles)`,
    });
  if (track.vtt?.cueIds && cues.some((c, i) => c.id !== String(i + 1)))
    notes.push({
      kind: 'ids-dropped',
      count: cues.length,
      message: 'WebVTT cue identifiers replaced by SRT sequence numbers',
    });
  if (tagsLost > 0)
    notes.push({
      kind: 'text-changed',
      count: tagsLost,
      message: `${tagsLost} cue(s) lose WebVTT-only markup (<v>, <c>, <lang>, <ruby>, classes, timestamps)`,
    });
  if (changed > 0)
    notes.push({
      kind: 'text-changed',
      count: changed,
      message: `${changed} cue(s) had blank lines, trailing spaces or timing-like lines that SRT cannot hold; cleaned`,
    });
  return { text: out.text(), notes };
}
