// Caption files: opened by id (from a dialog, a drop or the command line), saved back in place or
// through a Save As dialog. Parsing, encodings and writing are the captions core's.
import { z } from 'zod';
import type { Track } from '../../captions/model.ts';
import { call } from '../define.ts';
import { fileId, fileRef } from '../common.ts';

const ms = z.number().int().nonnegative();
/** A WHATWG encoding label (what decodeCaptionBytes reports). */
const encodingName = z.string().min(1).max(40);

export const cueSchema = z.object({
  id: z.string(),
  start: ms,
  end: ms,
  text: z.string(),
  settings: z.string().exactOptional(),
});

export const trackSchema = z.object({
  language: z.string(),
  label: z.string(),
  cues: z.array(cueSchema),
  vtt: z
    .object({
      header: z.string(),
      blocks: z.array(
        z.object({
          kind: z.enum(['NOTE', 'STYLE', 'REGION']),
          text: z.string(),
          afterCueId: z.string().nullable(),
        }),
      ),
      cueIds: z.boolean(),
    })
    .exactOptional(),
});
// The schema must describe the captions core's Track exactly (a compile error here means they drifted).
const _sameTrack: z.ZodType<Track> = trackSchema;
void _sameTrack;

export const captionFormat = z.enum(['srt', 'vtt']);

const conversionNote = z.object({
  kind: z.enum(['settings-dropped', 'blocks-dropped', 'text-changed', 'ids-dropped']),
  message: z.string(),
  count: z.number().int(),
});

export const openedCaptions = z.object({
  fileId,
  name: z.string(),
  track: trackSchema,
  format: captionFormat,
  encoding: z.object({ name: z.string(), confidence: z.number(), pinned: z.boolean() }),
  warnings: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type OpenedCaptions = z.output<typeof openedCaptions>;

export const captionsChannels = {
  /** Reads and parses a subtitle file; `encoding` re-opens it in the encoding the user picked. */
  'captions:open': call(z.object({ fileId, encoding: encodingName.optional() }), openedCaptions),
  /** Writes the track back to its file (format from the extension unless given; UTF-8 unless an encoding is given). */
  'captions:save': call(
    z.object({
      fileId,
      track: trackSchema,
      format: captionFormat.optional(),
      encoding: encodingName.optional(),
    }),
    z.object({ notes: z.array(conversionNote) }),
  ),
  /** Save As dialog, then writes there; null when the user cancels. */
  'captions:saveAs': call(
    z.object({
      track: trackSchema,
      /** The format to write unless the chosen file name ends in .srt or .vtt. */
      format: captionFormat,
      encoding: encodingName.optional(),
      // A base name only: where it goes is the user's choice in the native dialog.
      suggestedName: z
        .string()
        .min(1)
        .max(255)
        .regex(/^[^/\\]+$/, 'must be a file name without folders'),
    }),
    z.object({ file: fileRef, format: captionFormat, notes: z.array(conversionNote) }).nullable(),
  ),
};
