// The app's publish jobs over the engine: tracks written as content-addressed SRT files, progress
// and results as the contract words them, a history note beside each job, an OS notification when
// a long job ends while the window is elsewhere. The router's publish handlers call these.
import type {
  PublishProgress,
  PublishResultMessage,
  PublishTrack,
} from '../../../shared/ipc/channels/publish.ts';
import { withNotification } from '../jobs/notify.ts';
import type { XClient } from '../x/client.ts';
import type { MediaCategory } from '../../../shared/media/constraints.ts';
import type { ApiDialect } from '../x/dialects.ts';
import { HistoryNotes } from './history-store.ts';
import type { SubtitleInput } from './inputs.ts';
import { progressMessage, renamed, resultMessage } from './messages.ts';
import { CuelineError } from '../../../shared/errors.ts';
import { basename } from 'node:path';
import { detach, type PublishDeps, type PublishResult } from './publish.ts';
import { journalDirOf, type PublishingDeps } from './publishing.ts';
import { replaceLanguage } from './replace-language.ts';
import { writeTrackFile } from './track-files.ts';

/** Where a job reports: its cancel signal, its progress, the window to notify. */
export interface AppJob {
  signal: AbortSignal;
  progress(p: PublishProgress): void;
  sinkId: string;
}

export interface AppTarget {
  account?: string | undefined;
  category: MediaCategory;
  api: ApiDialect;
}

export class AppPublishing {
  readonly #p: PublishingDeps;
  readonly notes: HistoryNotes;

  constructor(p: PublishingDeps) {
    this.#p = p;
    this.notes = new HistoryNotes(p.userData);
  }

  #deps(
    client: XClient,
    job: AppJob,
    account: string | undefined,
    names: ReadonlyMap<string, string>,
  ): PublishDeps {
    return {
      client,
      // Part of the job's identity: media ids are per user.
      ...(account ? { account } : {}),
      journalDir: journalDirOf(this.#p),
      probe: this.#p.probe,
      signal: job.signal,
      onEvent: (e) => job.progress(progressMessage(e, names)),
    };
  }

  #note(jobId: string, req: AppTarget, videoName: string | null): Promise<void> {
    return this.notes.note(jobId, {
      videoName,
      account: req.account ?? null,
      category: req.category,
      api: req.api,
    });
  }

  /** Writes the tracks, runs a publish or an attach, notes it for history, notifies when long. */
  async run(
    req: AppTarget & { tracks: readonly PublishTrack[] },
    job: AppJob,
    o: {
      what: string;
      videoName: string | null;
      work: (subtitles: SubtitleInput[], deps: PublishDeps) => Promise<PublishResult>;
      describe: (r: PublishResultMessage) => string;
    },
  ): Promise<PublishResultMessage> {
    const subtitles = await Promise.all(req.tracks.map((t) => writeTrackFile(this.#p.userData, t)));
    const names = trackNames(subtitles);
    const client = await this.#p.client(req.account);
    return withNotification(
      this.#p,
      job.sinkId,
      o.what,
      () =>
        inTrackNames(names, async () => {
          const r = await o.work(subtitles, this.#deps(client, job, req.account, names));
          await this.#note(r.jobId, req, o.videoName);
          return resultMessage(r);
        }),
      o.describe,
    );
  }

  /** Replaces one language of a video on X with the given track. */
  async replace(
    req: AppTarget & { mediaId: string; track: PublishTrack },
    job: AppJob,
  ): Promise<PublishResultMessage> {
    const track = { ...(await writeTrackFile(this.#p.userData, req.track)), language: req.track.language };
    const names = trackNames([track]);
    const client = await this.#p.client(req.account);
    const r = await inTrackNames(names, () =>
      replaceLanguage(
        { videoId: req.mediaId, track, category: req.category, api: req.api },
        { ...this.#deps(client, job, req.account, names), notes: this.notes },
      ),
    );
    await this.#note(r.jobId, req, null);
    return resultMessage(r);
  }

  /** Removes one language's captions from a video on X. */
  async removeLanguage(
    req: AppTarget & { mediaId: string; language: string },
  ): Promise<{ mediaId: string; languageCode: string }> {
    const client = await this.#p.client(req.account);
    const r = await detach(
      { videoId: req.mediaId, language: req.language, category: req.category, api: req.api },
      { client },
    );
    await this.notes.markRemoved(r.video.id, r.languageCode, Date.now());
    return { mediaId: r.video.id, languageCode: r.languageCode };
  }
}

/**
 * The SRT files the app wrote for the tracks, by what the user knows them as ("French captions"):
 * a temp path in a step or an error means nothing to them.
 */
function trackNames(files: readonly SubtitleInput[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const f of files) {
    const name = `${f.displayName?.trim() || f.language || 'The'} captions`;
    names.set(f.path, name);
    names.set(basename(f.path), name);
  }
  return names;
}

/** Runs `work`; an error it throws names the tracks instead of the files written for them. */
async function inTrackNames<T>(names: ReadonlyMap<string, string>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof CuelineError)) throw err;
    const d = err.details;
    const details =
      d && typeof d === 'object' && 'path' in d && typeof d.path === 'string'
        ? { ...d, path: renamed(d.path, names) }
        : d;
    const e = new CuelineError(err.code, renamed(err.message, names), details, err.remedy);
    e.stack = err.stack ?? '';
    throw e;
  }
}
