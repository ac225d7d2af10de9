// WebVTT writer: signature and header, NOTE/STYLE/REGION blocks where they were, cues with their
// identifiers (when the source had them) and settings.
import type { ConversionNote, Track, VttBlock } from './model.ts';
import { assertWritableTimes, formatTiming } from './time.ts';
import { breakArrows, representableText, writableAsIs } from './text-lines.ts';
import { dropSrtOnlyTags, escapeVttText } from './markup.ts';
import { tidySettings } from './vtt-read.ts';
import { ChunkedText } from './chunked-text.ts';

const BLOCK_RE = /^(NOTE|STYLE|REGION)($|[ \t])/;

function blockText(b: VttBlock): string {
  // A block ends at a blank line and may not hold "-->" (the parser would take it for a cue); its
  // first line is its kind alone or followed by a space (`NOTEx` would read as a cue identifier).
  const text = b.text
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== '')
    .map(breakArrows)
    .join('\n');
  if (/^(NOTE|STYLE|REGION)(?:$|[ \t\n])/.exec(text)?.[1] === b.kind) return text;
  return b.kind + ' ' + (text.startsWith(b.kind) ? text.slice(b.kind.length) : text);
}

/**
 * `WEBVTT`, the rest of its line, and the header lines. The header may not contain "-->" nor a blank
 * line (it would end the header early); text on the signature line follows a space.
 */
function signature(header: string): string {
  const [first = '', ...rest] = breakArrows(header).split(/\r\n|\r|\n/);
  let out = 'WEBVTT' + (first === '' || /^[ \t]/.test(first) ? first : ' ' + first);
  for (const l of rest) if (l.trim() !== '') out += '\n' + l;
  return out;
}

function safeId(id: string): string {
  const one = breakArrows(id.replace(/[\r\n]+/g, ' '));
  return BLOCK_RE.test(one) ? '#' + one : one;
}

/** What writing the cues found, for the notes. */
interface Tally {
  changed: number;
  tagsLost: number;
}
/** Each write's tally is a copy of this one, sharing its hidden class: see srt-write.ts's NO_TALLY. */
const NO_TALLY: Readonly<Tally> = { changed: 0, tagsLost: 0 };

/**
 * Cues from…to-1 as WebVTT, with their ids when `writeIds`, each followed by its blank line and the
 * blocks anchored to it (`byAnchor`: NOTE/STYLE/REGION blocks by the id of the cue they follow).
 */
function writeCues(
  cues: Track['cues'],
  from: number,
  to: number,
  writeIds: boolean,
  byAnchor: Map<string | null, VttBlock[]> | null,
  t: Tally,
): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const cue = cues[i];
    if (!cue) continue;
    assertWritableTimes(cue.start, cue.end, i);
    let text = cue.text;
    // Most cues hold nothing to drop, clean or escape: one scan, no allocation.
    if (!writableAsIs(text, 'vtt')) {
      // Tags go first: dropping one can leave a blank line or join "--" and ">" into "-->".
      const { text: plain, lost } = dropSrtOnlyTags(text);
      if (lost) t.tagsLost++;
      const clean = representableText(plain);
      if (clean !== plain) t.changed++;
      text = escapeVttText(clean);
    }
    const tidy = cue.settings ? tidySettings(cue.settings) : '';
    out +=
      (writeIds && cue.id.trim() !== '' ? safeId(cue.id) + '\n' : '') +
      formatTiming(cue.start, cue.end, '.') +
      (tidy ? ' ' + tidy : '') +
      (text === '' ? '\n\n' : '\n' + text + '\n\n');
    if (byAnchor) for (const b of byAnchor.get(cue.id) ?? []) out += blockText(b) + '\n\n';
  }
  return out;
}

export function writeVtt(track: Track): { text: string; notes: ConversionNote[] } {
  const notes: ConversionNote[] = [];
  const vtt = track.vtt;
  const out = new ChunkedText();
  out.add(signature(vtt?.header ?? '') + '\n\n');
  // NOTE/STYLE/REGION blocks by the id of the cue they follow (null: before the first cue).
  const byAnchor = new Map<string | null, VttBlock[]>();
  const blocks = vtt?.blocks ?? [];
  const ids = blocks.length > 0 ? new Set(track.cues.map((c) => c.id)) : null;
  let orphans = 0;
  for (const b of blocks) {
    let anchor = b.afterCueId;
    if (anchor !== null && !ids?.has(anchor)) {
      // Its cue was deleted: keep the block, at the end.
      anchor = track.cues.at(-1)?.id ?? null;
      orphans++;
    }
    const list = byAnchor.get(anchor) ?? [];
    list.push(b);
    byAnchor.set(anchor, list);
  }
  for (const b of byAnchor.get(null) ?? []) out.add(blockText(b) + '\n\n');
  const anchored = byAnchor.size > 0 ? byAnchor : null;
  const writeIds = vtt?.cueIds ?? false;
  const cues = track.cues;
  const t: Tally = { ...NO_TALLY };
  out.addBatches(cues.length, (from, to) => writeCues(cues, from, to, writeIds, anchored, t));
  const { changed, tagsLost } = t;
  if (changed > 0)
    notes.push({
      kind: 'text-changed',
      count: changed,
      message: `${changed} cue(s) had blank lines, trailing spaces or "-->" that WebVTT cannot hold; cleaned`,
    });
  if (tagsLost > 0)
    notes.push({
      kind: 'text-changed',
      count: tagsLost,
      message: `${tagsLost} cue(s) lose <font> tags (WebVTT styles cues with STYLE blocks instead)`,
    });
  if (orphans > 0)
    notes.push({
      kind: 'text-changed',
      count: orphans,
      message: `${orphans} NOTE/STYLE/REGION block(s) whose cue was deleted moved to the end`,
    });
  // Ids, settings and blocks may hold a lone surrogate too (cue text is handled above, with a note).
  const text = out.text();
  return { text: text.isWellFormed() ? text : text.toWellFormed(), notes };
}
