// What the app is and runs on (Help → About): its version, the platform, and which ffmpeg/ffprobe
// it uses. Read from main once per window; it doesn't change while the app runs.
import type { AppInfo } from '../../../shared/ipc/channels/app.ts';
import { cueline } from '../lib/cueline-api.ts';

let read: Promise<AppInfo | { error: string }> | null = null;

export function appInfo(): Promise<AppInfo | { error: string }> {
  read ??= cueline.app.info().then((r) => {
    if (r.ok) return r.value;
    read = null; // ask again next time
    return { error: r.error.message };
  });
  return read;
}
