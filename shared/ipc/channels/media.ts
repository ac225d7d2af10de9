import { z } from 'zod';
import { call } from '../define.ts';
import { fileId } from '../common.ts';

export const mediaChannels = {
  /** A URL the <video> element can stream (with Range) for a video the user opened. */
  'media:url': call(z.object({ id: fileId }), z.object({ url: z.string() })),
};
