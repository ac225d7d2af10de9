// "On X": per video, what the journals say is on X now (history:videos), and the actions on one
// language — replace its captions with an open track (the same language, always), remove it, or
// add a language. The view reads it and calls these methods; only this store talks to main.
import type { OnXVideo } from '../../../shared/ipc/channels/history.ts';
import type { MediaCategory } from '../../../shared/media/constraints.ts';
import type { PublishTrack } from '../../../shared/ipc/channels/publish.ts';
import { cueline } from '../lib/cueline-api.ts';
import { appErrorText } from '../lib/remedy-text.ts';
import { runJob, type JobHandlers } from '../state/run-job.ts';

/** Where the actions go: the video's own category and dialect, the chosen account. */
export interface OnXTarget {
  category: MediaCategory;
  account: string | undefined;
}

export class OnXStore {
  videos = $state<OnXVideo[]>([]);
  loaded = $state(false);
  /** The action under way: `<videoId>:<language code>` or `<videoId>:add`. */
  busy = $state<string | null>(null);
  message = $state<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async load(): Promise<void> {
    const r = await cueline.history.videos({});
    if (r.ok) this.videos = r.value;
    else this.message = { kind: 'error', text: appErrorText(r.error) };
    this.loaded = true;
  }

  #target(v: OnXVideo, t: OnXTarget) {
    return {
      category: v.category ?? t.category,
      api: v.api ?? ('v2' as const),
      ...(t.account ? { account: t.account } : {}),
    };
  }

  /** Runs a job to its end: resolves once it is done or failed (the list is read again either way). */
  #job(
    start: (h: JobHandlers<'publish:replace' | 'publish:attach'>) => ReturnType<typeof runJob>,
    done: string,
  ): Promise<void> {
    return new Promise((resolve) => {
      const end = async (m: { kind: 'ok' | 'error'; text: string }): Promise<void> => {
        await this.load();
        this.message = m;
        this.busy = null;
        resolve();
      };
      void start({
        done: () => void end({ kind: 'ok', text: done }),
        failed: (e) => void end({ kind: 'error', text: appErrorText(e) }),
      }).then((r) => {
        if (!r.ok) void end({ kind: 'error', text: appErrorText(r.error) });
      });
    });
  }

  /** Replaces one language's captions; the track goes out under that language, never another. */
  replace(v: OnXVideo, languageCode: string, track: PublishTrack, t: OnXTarget): Promise<void> {
    const lang = v.languages.find((l) => l.languageCode === languageCode);
    this.busy = `${v.videoId}:${languageCode}`;
    this.message = null;
    return this.#job(
      (h) =>
        runJob(
          'publish:replace',
          {
            mediaId: v.videoId,
            track: { ...track, ...(lang ? { displayName: lang.displayName } : {}) },
            ...this.#target(v, t),
          },
          h,
        ),
      `Replaced the ${lang?.displayName ?? languageCode} (${languageCode}) captions of ${nameOf(v)}.`,
    );
  }

  async remove(v: OnXVideo, languageCode: string, t: OnXTarget): Promise<void> {
    const lang = v.languages.find((l) => l.languageCode === languageCode);
    this.busy = `${v.videoId}:${languageCode}`;
    this.message = null;
    const r = await cueline.publish.removeLanguage({
      mediaId: v.videoId,
      language: languageCode.toLowerCase(),
      ...this.#target(v, t),
    });
    await this.load();
    this.busy = null;
    this.message = r.ok
      ? {
          kind: 'ok',
          text: `Removed the ${lang?.displayName ?? languageCode} (${languageCode}) captions from ${nameOf(v)}.`,
        }
      : { kind: 'error', text: appErrorText(r.error) };
  }

  add(v: OnXVideo, track: PublishTrack, t: OnXTarget): Promise<void> {
    this.busy = `${v.videoId}:add`;
    this.message = null;
    return this.#job(
      (h) => runJob('publish:attach', { mediaId: v.videoId, tracks: [track], ...this.#target(v, t) }, h),
      `Added ${track.displayName ?? track.language} to ${nameOf(v)}.`,
    );
  }
}

/** How the view names a video: its file name, else its media id. */
export function nameOf(v: OnXVideo): string {
  return v.videoName ?? `media ${v.videoId}`;
}
