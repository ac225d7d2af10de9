// The building blocks of the IPC contract. A channel is either a call (request → response) or a
// job (request → job id, then `job:progress` / `job:done` / `job:failed` events to the window
// that started it). Schemas are zod so main parses every payload from `unknown`.
import { z } from 'zod';

export type ChannelName = `${string}:${string}`;

export interface CallDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly kind: 'call';
  readonly request: Req;
  readonly response: Res;
}

export interface JobDef<
  Req extends z.ZodType = z.ZodType,
  Progress extends z.ZodType = z.ZodType,
  Res extends z.ZodType = z.ZodType,
> {
  readonly kind: 'job';
  readonly request: Req;
  /** What one `job:progress` event carries for this job. */
  readonly progress: Progress;
  /** What `job:done` carries. */
  readonly result: Res;
  /**
   * Progress is throttled (~10 Hz). By default the latest value wins; jobs whose progress is a
   * stream of pieces (waveform peaks) merge the pending piece with the next instead of dropping it.
   */
  readonly mergeProgress?: (pending: z.output<Progress>, next: z.output<Progress>) => z.output<Progress>;
}

export type ChannelDef = CallDef | JobDef;
export type ChannelMap = Record<ChannelName, ChannelDef>;
export type EventMap = Record<ChannelName, z.ZodType>;

export function call<Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
): CallDef<Req, Res> {
  return { kind: 'call', request, response };
}

export function job<Req extends z.ZodType, Progress extends z.ZodType, Res extends z.ZodType>(def: {
  request: Req;
  progress: Progress;
  result: Res;
  mergeProgress?: (pending: z.output<Progress>, next: z.output<Progress>) => z.output<Progress>;
}): JobDef<Req, Progress, Res> {
  return { kind: 'job', ...def };
}

/** A request with no payload: the renderer calls the method with no argument. */
export const noPayload = z.undefined();

/** What a job channel replies with straight away. */
export const jobStarted = z.object({ jobId: z.string() });
export type JobStarted = z.output<typeof jobStarted>;
