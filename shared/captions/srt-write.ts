// SRT writer: cues renumbered 1…n, `HH:MM:SS,mmm`, LF line ends, a blank line after each cue.
// Refuses (CuelineError `subtitle.time`, naming the cue) times it could not read back.
import type { ConversionNote, Track } from './model.ts';
import { assertWritableTimes, formatSrtHead } from './time.ts';
import { representableText, writableAsIs } from './text-lines.ts';
import { toSrtText } from './markup.ts';
import { ChunkedText } from './chunked-text.ts';

export function writeSrt(track: Track): { text: string; notes: ConversionNote[] } {
  const notes: ConversionNote[] = [];
  let settings = 0;
  let changed = 0;
  let tagsLost = 0;
  const out = new ChunkedText();
  const cues = track.cues;
  // What ends the cue before the next head (formatSrtHead): none before the first.
  let breaks: 0 | 1 | 2 = 0;
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i];
    if (!cue) continue;
    if (cue.settings) settings++;
    assertWritableTimes(cue.start, cue.end, i);
    let text = cue.text;
    // Most cues hold nothing to translate or clean: one scan, no allocation.
    if (!writableAsIs(text, 'srt')) {
      // Tags go first: dropping one can leave a blank line or join "--" and ">" into "-->".
      const { text: plain, lost } = toSrtText(text);
      if (lost) tagsLost++;
      text = representableText(plain);
      if (text !== plain) changed++;
    }
    // One piece for the number, the timing and what ended the cue before; the text as it is.
    out.add(formatSrtHead(i + 1, cue.start, cue.end, breaks));
    if (text !== '') out.add(text);
    breaks = text === '' ? 1 : 2;
  }
  if (breaks > 0) out.add(breaks === 2 ? '\n\n' : '\n');
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
