import { z } from 'zod';
import { call, noPayload } from '../define.ts';

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  versions: z.object({ node: z.string(), electron: z.string().nullable(), chrome: z.string().nullable() }),
});
export type AppInfo = z.output<typeof appInfo>;

export const appChannels = {
  'app:info': call(noPayload, appInfo),
};
