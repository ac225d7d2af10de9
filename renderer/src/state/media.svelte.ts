// What the timeline needs from the open video, fetched from main as it becomes available: the
// probe (duration, frame rate), waveform peaks streamed while ffmpeg decodes, thumbnails and shot
// changes. Each is a job; opening another video cancels the previous one's jobs.
import type { FrameRate } from '../../../shared/captions/time.ts';
import { cueline } from '../lib/cueline-api.ts';
import { PeaksBuilder, type TimelinePeaks } from '../timeline/peaks.ts';
import { runJob, type RunningJob } from './run-job.ts';

export interface Thumbnail {
  timeMs: number;
  url: string;
}

export class MediaStore {
  peaks: TimelinePeaks | null = $state.raw(null);
  thumbnails: readonly Thumbnail[] | null = $state.raw(null);
  shotChangesMs: readonly number[] = $state.raw([]);
  durationMs = $state(0);
  frameRate: FrameRate | null = $state.raw(null);
  #jobs: RunningJob[] = [];

  /** Starts the work for a newly opened video (and cancels the last video's). */
  async load(fileId: string): Promise<void> {
    for (const j of this.#jobs) {
      j.stopWatching();
      void j.cancel();
    }
    this.#jobs = [];
    this.peaks = null;
    this.thumbnails = null;
    this.shotChangesMs = [];
    const builder = new PeaksBuilder();
    const probe = await cueline.media.probe({ id: fileId });
    if (probe.ok) {
      this.durationMs = probe.value.durationMs;
      if (probe.value.video) this.frameRate = probe.value.video.fps;
    }
    // One after the other, the waveform first: it is what the timeline shows first.
    const starts = [
      () =>
        runJob(
          'media:waveform',
          { id: fileId },
          {
            progress: (c) =>
              (this.peaks = builder.add({ ...c, min: Int16Array.from(c.min), max: Int16Array.from(c.max) })),
            done: () => (this.peaks = builder.snapshot()),
          },
        ),
      () =>
        runJob(
          'media:thumbnails',
          { id: fileId, count: 60, height: 48 },
          {
            done: (r) => (this.thumbnails = r.thumbnails.map((t) => ({ timeMs: t.timeMs, url: t.dataUrl }))),
          },
        ),
      () => runJob('media:shotChanges', { id: fileId }, { done: (r) => (this.shotChangesMs = r.cutsMs) }),
    ];
    for (const start of starts) {
      const r = await start();
      if (r.ok) this.#jobs.push(r.value);
    }
  }
}
