// WebVTT writer: signature and header, NOTE/STYLE/REGION blocks where they were, cues with their
// identifiers (when the source had them) and settings.
import type { ConversionNote, Track, VttBlock } from './model.ts';
import { formatVttTimestamp } from './time.ts';
import { representableText } from './text-lines.ts';
import { toVttText } from './markup.ts';

const BLOCK_RE = /^(NOTE|STYLE|REGION)($|[ \t])/;

function blockText(b: VttBlock): string {
  // A block ends at a blank line and may not hold "-->" (the parser would take it for a cue).
  return b.text
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.replaceAll('-->', '->'))
    .join('\n');
}

function safeId(id: string): string {
  const one = id.replace(/[\r\n]+/g, ' ').replaceAll('-->', '->');
  return BLOCK_RE.test(one) ? '#' + one : one;
}

export function writeVtt(track: Track): { text: string; notes: ConversionNote[] } {
  const notes: ConversionNote[] = [];
  const vtt = track.vtt;
  // The header may not contain "-->" nor a blank line (it would end the header early).
  const header = (vtt?.header ?? '').replace(/\n[ \t]*(?=\n|$)/g, '').replaceAll('-->', '->');
  const parts: string[] = ['WEBVTT' + (header && !/^[ \t\n]/.test(header) ? ' ' + header : header) + '\n\n'];
  const byAnchor = new Map<string | null, VttBlock[]>();
  const ids = new Set(track.cues.map((c) => c.id));
  let orphans = 0;
  for (const b of vtt?.blocks ?? []) {
    let anchor = b.afterCueId;
    if (anchor !== null && !ids.has(anchor)) {
      // Its cue was deleted: keep the block, at the end.
      anchor = track.cues.at(-1)?.id ?? null;
      orphans++;
    }
    const list = byAnchor.get(anchor) ?? [];
    list.push(b);
    byAnchor.set(anchor, list);
  }
  for (const b of byAnchor.get(null) ?? []) parts.push(blockText(b) + '\n\n');
  const writeIds = vtt?.cueIds ?? false;
  let changed = 0;
  let tagsLost = 0;
  for (const cue of track.cues) {
    const clean = representableText(cue.text);
    if (clean !== cue.text) changed++;
    const { text, lost } = toVttText(clean);
    if (lost) tagsLost++;
    const settings = cue.settings ? ' ' + cue.settings.replace(/[\r\n]+/g, ' ').trim() : '';
    parts.push(
      (writeIds && cue.id.trim() !== '' ? safeId(cue.id) + '\n' : '') +
        formatVttTimestamp(cue.start) +
        ' --> ' +
        formatVttTimestamp(cue.end) +
        settings +
        '\n' +
        (text === '' ? '' : text + '\n') +
        '\n',
    );
    for (const b of byAnchor.get(cue.id) ?? []) parts.push(blockText(b) + '\n\n');
  }
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
  return { text: parts.join(''), notes };
}
