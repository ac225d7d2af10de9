// What the timeline needs from the open video, fetched from main as it becomes available: the
// probe (duration, frame rate), waveform peaks streamed while ffmpeg decodes, thumbnails and shot
// changes. Each is a job; opening another video cancels the previous one's jobs.
import type { FrameRate } from '../../../shared/captions/time.ts';
import { cueline } from '../lib/cueline-api.ts';
import { PeaksBuilder, type TimelinePeaks } from '../timeline/peaks.ts';
import type { JobsStore } from './jobs.svelte.ts';

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
  #jobs: string[] = [];
  #builder: PeaksBuilder | null = null;
  #waveformJob: string | null = null;
  readonly #jobStore: JobsStore;

  constructor(jobStore: JobsStore) {
    this.#jobStore = jobStore;
    cueline.on('job:progress', (e) => {
      if (e.jobId !== this.#waveformJob || !this.#builder) return;
      const c = e.progress as {
        sampleRate: number;
        samplesPerBucket: number;
        startBucket: number;
        min: number[];
        max: number[];
        decodedMs: number;
        totalMs: number;
        done: boolean;
      };
      this.peaks = this.#builder.add({ ...c, min: Int16Array.from(c.min), max: Int16Array.from(c.max) });
    });
    cueline.on('job:done', (e) => {
      if (!this.#jobs.includes(e.jobId)) return;
      const r = e.result as Record<string, unknown>;
      if (e.channel === 'media:thumbnails' && Array.isArray(r['thumbnails']))
        this.thumbnails = (r['thumbnails'] as { timeMs: number; dataUrl: string }[]).map((t) => ({
          timeMs: t.timeMs,
          url: t.dataUrl,
        }));
      else if (e.channel === 'media:shotChanges' && Array.isArray(r['cutsMs']))
        this.shotChangesMs = r['cutsMs'] as number[];
      else if (e.channel === 'media:waveform' && this.#builder) this.peaks = this.#builder.snapshot();
    });
  }

  /** Starts the work for a newly opened video (and cancels the last video's). */
  async load(fileId: string): Promise<void> {
    for (const j of this.#jobs) void cueline.jobs.cancel({ jobId: j });
    this.#jobs = [];
    this.peaks = null;
    this.thumbnails = null;
    this.shotChangesMs = [];
    this.#builder = new PeaksBuilder();
    const probe = await cueline.media.probe({ id: fileId });
    if (probe.ok) {
      this.durationMs = probe.value.durationMs;
      if (probe.value.video) this.frameRate = probe.value.video.fps;
    }
    const wave = await cueline.media.waveform({ id: fileId });
    if (wave.ok) {
      this.#waveformJob = wave.value.jobId;
      this.#jobs.push(wave.value.jobId);
      this.#jobStore.track(wave.value.jobId, 'Reading the audio waveform');
    }
    const thumbs = await cueline.media.thumbnails({ id: fileId, count: 60, height: 48 });
    if (thumbs.ok) {
      this.#jobs.push(thumbs.value.jobId);
      this.#jobStore.track(thumbs.value.jobId, 'Making thumbnails');
    }
    const shots = await cueline.media.shotChanges({ id: fileId });
    if (shots.ok) {
      this.#jobs.push(shots.value.jobId);
      this.#jobStore.track(shots.value.jobId, 'Finding shot changes');
    }
  }
}
