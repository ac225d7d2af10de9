import { z } from 'zod';
import { call } from '../define.ts';

export const jobsChannels = {
  /** Cancels a running job (its AbortSignal fires); false when it already ended or isn't known. */
  'jobs:cancel': call(z.object({ jobId: z.string().min(1) }), z.object({ cancelled: z.boolean() })),
};
