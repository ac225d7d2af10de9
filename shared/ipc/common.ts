// Schemas several areas share.
import { z } from 'zod';
import { ERROR_CODES } from '../errors.ts';

/** Opaque ids minted in main (never paths): the renderer can only name what main handed it. */
export const fileId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be an id handed out by the app (letters, digits, - or _)');

/** `manifest`: a batch manifest (CSV or JSON); like a folder, it opens the batch view. */
export const fileKind = z.enum(['video', 'subtitles', 'folder', 'manifest']);
export type FileKind = z.output<typeof fileKind>;

/** A file the user opened, as the renderer sees it: an id and a display name, no path. */
export const fileRef = z.object({
  id: fileId,
  kind: fileKind,
  /** The file's base name, for display. */
  name: z.string(),
  /** Bytes; 0 for folders. */
  size: z.number().int().nonnegative(),
});
export type FileRef = z.output<typeof fileRef>;

/** Ids the renderer makes up itself (autosave documents): safe as file names. */
export const docId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _');

/** An error code (shared/errors.ts): the renderer acts on these, so they are checked on the wire too. */
export const errorCode = z.enum(ERROR_CODES);
