// OS notifications for long jobs that end while the user is elsewhere. The app passes a Notifier
// (Electron's Notification, shown only when the window that started the job is not focused).
import { toAppError } from '../../../shared/errors.ts';

/** Tells the user a long job ended while the window was not focused (an OS notification in the app). */
export interface Notifier {
  notifyIfUnfocused(sinkId: string, n: { title: string; body: string }): void;
}

export interface NotifyOptions {
  notifier?: Notifier | undefined;
  /** Jobs shorter than this end without a notification (default 10 s). */
  notifyAfterMs?: number | undefined;
}

/** Runs `fn`, notifying when it took long and the window isn't focused. */
export async function withNotification<T>(
  o: NotifyOptions,
  sinkId: string,
  what: string,
  fn: () => Promise<T>,
  describe: (v: T) => string,
): Promise<T> {
  const t0 = Date.now();
  const long = (): boolean => Date.now() - t0 >= (o.notifyAfterMs ?? 10_000);
  try {
    const v = await fn();
    if (long()) o.notifier?.notifyIfUnfocused(sinkId, { title: `${what} finished`, body: describe(v) });
    return v;
  } catch (err) {
    const e = toAppError(err);
    if (long() && e.code !== 'job.cancelled')
      o.notifier?.notifyIfUnfocused(sinkId, { title: `${what} failed`, body: e.message });
    throw err;
  }
}
