// The publishing engine's events and results as the app's contract words them. The orchestrator's
// labels name files by path; the renderer sees base names only.
import type { PublishProgress, PublishResultMessage } from '../../../shared/ipc/channels/publish.ts';
import { postUrl } from '../../../shared/x/media-id.ts';
import type { PublishEvent, PublishResult } from './publish.ts';

/** A label with every path in it cut to its base name. */
export function withoutDirs(label: string): string {
  return label.replace(/(?:[A-Za-z]:)?(?:[\\/][^\s\\/]+)+[\\/]([^\s\\/]+)/g, '$1');
}

export function progressMessage(e: PublishEvent): PublishProgress {
  const p = progressWithPaths(e);
  return { ...p, label: withoutDirs(p.label) };
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
  };
}
