// What was published where and when, from the job journals (and what the app noted beside them:
// the video's name, the account), newest first.
import { z } from 'zod';
import { call } from '../define.ts';
import { MEDIA_CATEGORIES } from '../../media/constraints.ts';

export const historyEntry = z.object({
  jobId: z.string(),
  kind: z.enum(['publish', 'attach']),
  status: z.enum(['running', 'completed', 'failed']),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The video's file name when known (published from this app), else null. */
  videoName: z.string().nullable(),
  account: z.string().nullable(),
  category: z.enum(MEDIA_CATEGORIES).nullable(),
  api: z.enum(['v2', 'v1.1']).nullable(),
  videoId: z.string().nullable(),
  languages: z.array(z.object({ languageCode: z.string(), subtitleId: z.string(), associated: z.boolean() })),
  postId: z.string().nullable(),
  postUrl: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type HistoryEntry = z.output<typeof historyEntry>;

export const historyChannels = {
  'history:list': call(
    z.object({ limit: z.number().int().min(1).max(1000).optional() }),
    z.array(historyEntry),
  ),
};

/** One language of a video as X has it now: the latest track associated, by the job that did it. */
export const onXLanguage = z.object({
  languageCode: z.string(),
  /** The display_name sent with the association: how X's player names the track. */
  displayName: z.string(),
  subtitleId: z.string(),
  /** When it was associated (the job's last journal write). */
  at: z.number(),
});

/** A video on X as this computer's journals know it: its captions by language, its post. */
export const onXVideo = z.object({
  videoId: z.string(),
  videoName: z.string().nullable(),
  account: z.string().nullable(),
  category: z.enum(MEDIA_CATEGORIES).nullable(),
  api: z.enum(['v2', 'v1.1']).nullable(),
  languages: z.array(onXLanguage),
  /** Languages removed from X since they were associated (from this app), with when. */
  removed: z.array(z.object({ languageCode: z.string(), at: z.number() })),
  post: z.object({ id: z.string(), url: z.string(), at: z.number() }).nullable(),
  updatedAt: z.number(),
});
export type OnXVideo = z.output<typeof onXVideo>;

export const onXChannels = {
  /** Per video, what is on X now (publish and attach journals merged), newest first. */
  'history:videos': call(
    z.object({ limit: z.number().int().min(1).max(1000).optional() }),
    z.array(onXVideo),
  ),
};
