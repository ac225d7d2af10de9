import { z } from 'zod';
import { call, noPayload } from '../define.ts';

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  versions: z.object({ node: z.string(), electron: z.string().nullable(), chrome: z.string().nullable() }),
  /** The ffmpeg and ffprobe the media features run, or why none is usable. */
  media: z
    .object({
      tools: z.array(
        z.object({
          tool: z.enum(['ffmpeg', 'ffprobe']),
          version: z.string(),
          source: z.enum(['setting', 'env', 'bundled', 'path']),
          path: z.string(),
        }),
      ),
      problem: z.string().nullable(),
    })
    .optional(),
});
export type AppInfo = z.output<typeof appInfo>;

export const appChannels = {
  'app:info': call(noPayload, appInfo),
};
