// Captions that run past the video they are shown with: a cue starting after the video's end is
// never seen (captions opened with the wrong video, or a longer cut); one ending after it is cut
// short. Pure, like the rules in rules.ts, and returned as findings of the same shape.
import type { Track } from './model.ts';
import type { Finding } from './rules.ts';
import { formatVttTimestamp } from './time.ts';

export function beyondVideo(track: Track, videoDurationMs: number): Finding[] {
  if (!(videoDurationMs > 0)) return [];
  const out: Finding[] = [];
  const end = formatVttTimestamp(videoDurationMs);
  track.cues.forEach((cue, cueIndex) => {
    if (cue.start >= videoDurationMs)
      out.push({
        rule: 'after-video',
        severity: 'error',
        cueId: cue.id,
        cueIndex,
        message: `cue ${cueIndex + 1} starts after the video ends (${end})`,
        value: cue.start,
        limit: videoDurationMs,
      });
    else if (cue.end > videoDurationMs)
      out.push({
        rule: 'after-video',
        severity: 'warning',
        cueId: cue.id,
        cueIndex,
        message: `cue ${cueIndex + 1} ends after the video ends (${end})`,
        value: cue.end,
        limit: videoDurationMs,
      });
  });
  return out;
}
