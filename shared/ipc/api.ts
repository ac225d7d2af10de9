// The type of `window.cueline`, derived from the contract: `cueline.<area>.<verb>(request)` for each
// `area:verb` channel, and `cueline.on(event, cb)` returning an unsubscribe function.
import type { z } from 'zod';
import type { CallDef, ChannelMap, EventMap, JobDef, JobStarted } from './define.ts';
import type { Channels, Events } from './contract.ts';
import type { Result } from './result.ts';

type AreaOf<K> = K extends `${infer A}:${string}` ? A : never;
type VerbOf<K> = K extends `${string}:${infer V}` ? V : never;

type Method<Req, Res> = [Req] extends [undefined]
  ? () => Promise<Result<Res>>
  : (request: Req) => Promise<Result<Res>>;

export type ReplyOf<D> =
  D extends CallDef<z.ZodType, infer S> ? z.output<S> : D extends JobDef ? JobStarted : never;

type ApiMethod<K, D> = K extends 'files:dropped'
  ? (files: readonly File[]) => Promise<Result<ReplyOf<D>>>
  : D extends CallDef<infer Q, z.ZodType>
    ? Method<z.input<Q>, ReplyOf<D>>
    : D extends JobDef<infer Q>
      ? Method<z.input<Q>, JobStarted>
      : never;

export type BridgeApi<C extends ChannelMap, E extends EventMap> = {
  readonly [A in AreaOf<keyof C>]: {
    readonly [K in Extract<keyof C, `${A}:${string}`> as VerbOf<K>]: ApiMethod<K, C[K]>;
  };
} & {
  on<K extends keyof E>(event: K, listener: (payload: z.output<E[K]>) => void): () => void;
};

export type CuelineApi = BridgeApi<Channels, Events>;

/** Job channels of the contract, and what their progress / done events carry. */
export type JobChannel = { [K in keyof Channels]: Channels[K] extends JobDef ? K : never }[keyof Channels];
export type JobProgressOf<K extends keyof Channels> =
  Channels[K] extends JobDef<z.ZodType, infer P> ? z.output<P> : never;
export type JobResultOf<K extends keyof Channels> =
  Channels[K] extends JobDef<z.ZodType, z.ZodType, infer R> ? z.output<R> : never;
export type RequestOf<K extends keyof Channels> = z.input<Channels[K]['request']>;
export type ResponseOf<K extends keyof Channels> = ReplyOf<Channels[K]>;
