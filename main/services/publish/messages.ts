// The publishing engine's events and results as the app's contract words them. The orchestrator's
// labels name files by path; the renderer sees base names only.
import type { PublishProgress, PublishResultMessage } from '../../../shared/ipc/channels/publish.ts';
import { postUrl } from '../../../shared/x/media-id.ts';
import type { PublishEvent, PublishResult } from './publish.ts';

/** A label with every path in it cut to its base name. */
export function withoutDirs(label: string): string {
  return label.replace(/(?:[A-Za-z]:)?(?:[\\/][^\s\\/]+)+[\\/]([^\s\\/]+)/g, '$1');
}

/**
 * Paths in a text replaced by what the user knows them as: `names` maps a file the app wrote (a
 * track's SRT under publish-inputs) to the track's name; other paths are cut to their base name.
 */
export function named(text: string, names: ReadonlyMap<string, string> = new Map()): string {
  return withoutDirs(renamed(text, names));
}

/** Each of `names`' paths (and a `:line` after it) in a text replaced by its name. */
export function renamed(text: string, names: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [path, name] of names)
    out = out.replace(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?::\\d+)?`, 'g'), name);
  return out;
}

export function progressMessage(e: PublishEvent, names?: ReadonlyMap<string, string>): PublishProgress {
  const p = progressWithPaths(e);
  const place = {
    ...('of' in e && e.of !== undefined ? { of: e.of } : {}),
    ...('language' in e && e.language !== undefined ? { language: e.language } : {}),
    ...(e.type === 'note' && e.resumed && e.resumed.totalBytes > 0
      ? { resumedPercent: Math.floor((e.resumed.fromByte / e.resumed.totalBytes) * 100) }
      : {}),
  };
  return { ...p, ...place, label: named(p.label, names) };
}

function progressWithPaths(e: PublishEvent): PublishProgress {
  if (e.type === 'step') return { step: e.step, label: e.label, upload: null };
  if (e.type === 'skip') return { step: 'skip', label: `${e.label}: ${e.reason}`, upload: null };
  if (e.type === 'note') return { step: 'note', label: `${e.label}: ${e.message}`, upload: null };
  if (e.type === 'retry') return { step: 'retry', label: `${e.label}: retrying (${e.reason})`, upload: null };
  const u = e.progress;
  return {
    step: e.label === 'video' ? 'upload-video' : 'upload-subtitle',
    label: e.label === 'video' ? 'Uploading the video' : `Uploading ${e.label}`,
    upload: {
      phase: u.phase,
      bytesSent: u.bytesSent,
      totalBytes: u.totalBytes,
      bytesPerSecond: u.bytesPerSecond,
      etaSeconds: u.etaSeconds,
      processingPercent: u.processingPercent ?? null,
    },
  };
}

export function resultMessage(r: PublishResult): PublishResultMessage {
  return {
    jobId: r.jobId,
    videoId: r.video.id,
    subtitles: r.subtitles.map((s) => ({
      languageCode: s.languageCode,
      displayName: s.displayName,
      id: s.id,
    })),
    postId: r.post?.id ?? null,
    postUrl: r.post ? postUrl(r.post.id) : null,
    resumed: r.resumed,
    postFound: r.postFound,
  };
}
