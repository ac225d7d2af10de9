import type { ConversionNote, Track } from './model.ts';
import type { CaptionFormat } from './read.ts';
import { writeSrt } from './srt-write.ts';
import { writeVtt } from './vtt-write.ts';

export type { ConversionNote } from './model.ts';

/** Serialises a track; `notes` says what the format could not represent. */
export function writeCaptions(
  track: Track,
  format: CaptionFormat,
): { text: string; notes: ConversionNote[] } {
  return format === 'srt' ? writeSrt(track) : writeVtt(track);
}
