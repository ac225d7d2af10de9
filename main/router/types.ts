import type { z } from 'zod';
import type { CallDef, ChannelMap, JobDef } from '../../shared/ipc/define.ts';

/** Where a window's events go: a webContents in the app, a Playwright page in tests. */
export interface EventSink {
  readonly id: string;
  send(event: string, payload: unknown): void;
  isClosed(): boolean;
}

export interface InvokeContext {
  sink: EventSink;
}

export interface JobContext<P> {
  readonly jobId: string;
  /** Fires on `jobs:cancel` or when the window closes; pass it down to fetch and ffmpeg. */
  readonly signal: AbortSignal;
  /** Reports progress; throttled to ~10 Hz on the way to the window. */
  progress(value: P): void;
}

export type CallHandler<D extends CallDef> = (
  request: z.output<D['request']>,
  ctx: InvokeContext,
) => Promise<z.input<D['response']>> | z.input<D['response']>;

export type JobHandler<D extends JobDef> = (
  request: z.output<D['request']>,
  job: JobContext<z.output<D['progress']>>,
  ctx: InvokeContext,
) => Promise<z.input<D['result']>>;

/** One handler per channel of the contract; the type checker lists any that are missing. */
export type Handlers<C extends ChannelMap> = {
  [K in keyof C]: C[K] extends JobDef ? JobHandler<C[K]> : C[K] extends CallDef ? CallHandler<C[K]> : never;
};

export interface RouterLogEntry {
  level: 'warn' | 'error';
  channel: string;
  code: string;
  message: string;
}
