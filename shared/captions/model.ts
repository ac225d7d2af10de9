// The caption model shared by the app, the CLI and the renderer. Times are integer milliseconds:
// floats of seconds drift in round trips.

export interface Cue {
  /** Stable identity for selection and undo. SRT files get positional ids ("1", "2", …). */
  id: string;
  start: number;
  end: number;
  /** Lines joined with "\n"; markup such as `<i>` is kept as text. */
  text: string;
  /** WebVTT cue settings as written after the end time (`align:start line:0`), kept for round trip. */
  settings?: string;
}

/** A WebVTT block that is not a cue, kept so a VTT file survives a round trip. */
export interface VttBlock {
  kind: 'NOTE' | 'STYLE' | 'REGION';
  /** The whole block, first line included (`NOTE this is a comment`), lines joined with "\n". */
  text: string;
  /** Id of the cue this block follows; null when it comes before the first cue. */
  afterCueId: string | null;
}

export interface VttExtras {
  /** Text after `WEBVTT` on the signature line plus any header lines (`Kind: captions`), joined with "\n". */
  header: string;
  blocks: VttBlock[];
  /** Whether cue identifiers are written; false when the source file had none (ids were generated). */
  cueIds: boolean;
}

export interface Track {
  /** BCP 47 tag, e.g. `en`, `pt-BR`; empty when unknown. */
  language: string;
  label: string;
  cues: Cue[];
  vtt?: VttExtras;
}

/** Something a format cannot represent, reported when writing (e.g. VTT positioning to SRT). */
export interface ConversionNote {
  kind: 'settings-dropped' | 'blocks-dropped' | 'text-changed' | 'ids-dropped';
  message: string;
  /** How many cues/blocks it affects. */
  count: number;
}

/** A problem the parser recovered from without changing meaning (reported, never fatal). */
export interface ParseWarning {
  line: number;
  message: string;
}

/** An id not used by any cue of the track: one more than the largest numeric id, else `cue-N`. */
export function newCueId(track: Track, taken: ReadonlySet<string> = new Set()): string {
  let max = 0;
  const used = new Set<string>(taken);
  for (const c of track.cues) {
    used.add(c.id);
    const n = Number(c.id);
    if (Number.isSafeInteger(n) && n > max) max = n;
  }
  let next = max + 1;
  while (used.has(String(next))) next++;
  return String(next);
}
