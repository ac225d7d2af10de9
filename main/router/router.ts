// The main side of the IPC contract, with no transport in it: main/app/ipc.ts binds it to
// ipcMain.handle, the Playwright harness to page.exposeBinding, unit tests call it directly.
import type { z } from 'zod';
import { CuelineError, toAppError } from '../../shared/errors.ts';
import type {
  ChannelDef,
  ChannelMap,
  ChannelName,
  EventMap,
  JobDef,
  CallDef,
} from '../../shared/ipc/define.ts';
import { fail, ok, type Result } from '../../shared/ipc/result.ts';
import { createJobRunner, type JobRunner } from './jobs.ts';
import type { CallHandler, EventSink, Handlers, InvokeContext, JobHandler, RouterLogEntry } from './types.ts';

export interface RouterOptions {
  /** Parse handler replies, job progress and events against their schemas too (dev and tests). */
  validateResponses?: boolean;
  log?: (entry: RouterLogEntry) => void;
  jobs?: JobRunner;
}

export interface Router {
  readonly channels: readonly string[];
  readonly jobs: JobRunner;
  invoke(channel: string, payload: unknown, ctx: InvokeContext): Promise<Result<unknown>>;
  /** Sends a contract event to one window, checking its payload. */
  emit(sink: EventSink, event: string, payload: unknown): void;
}

/** "paths.0: Invalid input: expected string, received number" — names the field that failed. */
export function describeIssues(error: z.ZodError): {
  message: string;
  issues: { path: string; message: string }[];
} {
  const issues = error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(payload)',
    message: i.message,
  }));
  return { message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues };
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export function createRouter<C extends ChannelMap, E extends EventMap>(
  contract: { channels: C; events: E },
  handlers: Handlers<C>,
  options: RouterOptions = {},
): Router {
  const jobs = options.jobs ?? createJobRunner();
  const validate = options.validateResponses ?? false;
  const log =
    options.log ?? ((e: RouterLogEntry): void => console.warn(`[ipc] ${e.channel}: ${e.code} ${e.message}`));

  const checked = (schema: z.ZodType, value: unknown, what: string, channel: string): unknown => {
    if (!validate) return value;
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    const { message, issues } = describeIssues(r.error);
    throw new CuelineError('ipc.invalid_response', `${channel}: the ${what} broke the contract: ${message}`, {
      issues,
    });
  };

  const invoke = async (channel: string, payload: unknown, ctx: InvokeContext): Promise<Result<unknown>> => {
    if (typeof channel !== 'string' || !hasOwn(contract.channels, channel)) {
      const res = fail('ipc.unknown_channel', `No IPC channel named "${String(channel)}".`, { channel });
      log({ level: 'warn', channel: String(channel), code: 'ipc.unknown_channel', message: 'rejected' });
      return res;
    }
    const def: ChannelDef = (contract.channels as ChannelMap)[channel as ChannelName] as ChannelDef;
    const parsed = def.request.safeParse(payload);
    if (!parsed.success) {
      const { message, issues } = describeIssues(parsed.error);
      log({ level: 'warn', channel, code: 'ipc.invalid_payload', message });
      return fail('ipc.invalid_payload', `${channel}: invalid request — ${message}`, { channel, issues });
    }
    const handler = (handlers as Record<string, unknown>)[channel];
    try {
      if (def.kind === 'job') {
        const run = handler as JobHandler<JobDef>;
        const jobId = jobs.start(
          channel,
          def,
          ctx.sink,
          (job) => run(parsed.data, job, ctx),
          validate
            ? {
                progress: (v) => checked(def.progress, v, 'progress', channel),
                result: (v) => checked(def.result, v, 'result', channel),
              }
            : undefined,
        );
        return ok({ jobId });
      }
      const value = await (handler as CallHandler<CallDef>)(parsed.data, ctx);
      return ok(checked(def.response, value, 'reply', channel));
    } catch (err) {
      const error = toAppError(err);
      log({
        level: error.code === 'internal' ? 'error' : 'warn',
        channel,
        code: error.code,
        message: error.message,
      });
      return { ok: false, error };
    }
  };

  const emit = (sink: EventSink, event: string, payload: unknown): void => {
    if (!hasOwn(contract.events, event))
      throw new CuelineError('ipc.unknown_event', `No IPC event named "${event}".`);
    const value = validate
      ? checked(contract.events[event as keyof E] as z.ZodType, payload, 'event', event)
      : payload;
    if (!sink.isClosed()) sink.send(event, value);
  };

  return { channels: Object.keys(contract.channels), jobs, invoke, emit };
}
