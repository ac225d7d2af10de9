import { z } from 'zod';
import { call, noPayload } from '../define.ts';
import { fileRef } from '../common.ts';

export const recentEntry = fileRef.extend({ openedAt: z.iso.datetime() });
export type RecentEntry = z.output<typeof recentEntry>;

export const recentChannels = {
  /** Recently opened files that still exist, newest first, each with a fresh id. */
  'recent:list': call(noPayload, z.array(recentEntry)),
};
