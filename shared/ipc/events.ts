// Events main pushes to a window. Job events name the job id and its channel so a listener can
// pick the jobs it started.
import { z } from 'zod';
import { COMMAND_IDS } from '../commands.ts';
import { errorCode, fileRef } from './common.ts';
import { remedySchema } from '../remedy.ts';

/** A menu item the renderer runs: any command of the shared table. */
export const menuCommand = z.enum(COMMAND_IDS);
export type MenuCommand = z.output<typeof menuCommand>;

export const events = {
  'job:progress': z.object({ jobId: z.string(), channel: z.string(), progress: z.unknown() }),
  'job:done': z.object({ jobId: z.string(), channel: z.string(), result: z.unknown() }),
  'job:failed': z.object({
    jobId: z.string(),
    channel: z.string(),
    error: z.object({
      code: errorCode,
      message: z.string(),
      details: z.unknown().exactOptional(),
      remedy: remedySchema.exactOptional(),
    }),
  }),
  /** Files opened outside the renderer: menu, command line, a second launch, the OS. */
  'files:opened': z.object({
    source: z.enum(['menu', 'argv', 'second-instance', 'os']),
    files: z.array(fileRef),
  }),
  /** A menu item the renderer handles (save, undo, zoom, theme…). */
  'menu:command': z.object({ command: menuCommand }),
};
