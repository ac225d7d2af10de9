// What the app is and runs on (Help → About): its version, the platform, and which ffmpeg/ffprobe
// it uses. Read from main once per window; only the ffmpeg/ffprobe setting changes it.
import type { AppInfo } from '../../../shared/ipc/channels/app.ts';
import type { IpcError, Result } from '../lib/cueline-api.ts';
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

export interface MediaToolPaths {
  ffmpegPath: string;
  ffprobePath: string;
}

/** The ffmpeg/ffprobe setting as stored ('' when unset). */
export async function mediaToolPaths(): Promise<MediaToolPaths> {
  const r = await cueline.settings.get();
  return {
    ffmpegPath: r.ok ? (r.value.ffmpegPath ?? '') : '',
    ffprobePath: r.ok ? (r.value.ffprobePath ?? '') : '',
  };
}

/**
 * Keeps the ffmpeg/ffprobe setting (main checks each path first; '' clears it) and answers the app
 * info read again, with the tools now chosen; or main's refusal.
 */
export async function saveMediaToolPaths(
  paths: MediaToolPaths,
): Promise<{ ok: true; info: AppInfo | { error: string } } | { ok: false; error: IpcError }> {
  const r: Result<unknown> = await cueline.settings.set(paths);
  if (!r.ok) return { ok: false, error: r.error };
  read = null;
  return { ok: true, info: await appInfo() };
}
