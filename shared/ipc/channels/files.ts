// Opening files: the renderer never sends a path. Main shows the dialog (or receives the drop's
// paths from the preload, which only sees real dropped files) and hands back opaque ids.
import { z } from 'zod';
import { call, noPayload } from '../define.ts';
import { fileRef } from '../common.ts';

export const droppedFiles = z.object({
  accepted: z.array(fileRef),
  rejected: z.array(z.object({ name: z.string(), reason: z.string() })),
});
export type DroppedFiles = z.output<typeof droppedFiles>;

export const filesChannels = {
  /** Native open dialog for one video; null when the user cancels. */
  'files:openVideo': call(noPayload, fileRef.nullable()),
  /** Native open dialog for subtitle files (several at once); [] when cancelled. */
  'files:openSubtitles': call(noPayload, z.array(fileRef)),
  /** Native folder dialog (batch); null when cancelled. */
  'files:openFolder': call(noPayload, fileRef.nullable()),
  /** Native open dialog for a batch manifest (CSV or JSON); null when cancelled. */
  'files:openManifest': call(noPayload, fileRef.nullable()),
  /**
   * Files dropped on the window. The preload turns the renderer's File objects into paths with
   * webUtils.getPathForFile (only real drops have one); main checks each path before minting an id.
   */
  'files:dropped': call(z.object({ paths: z.array(z.string().min(1)).min(1).max(500) }), droppedFiles),
};
