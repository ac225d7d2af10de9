// The Publish dialog's channels over the publishing engine: the same orchestrator and journals as
// `cueline publish`, so a retry from the dialog skips finished steps. Tracks arrive as cues and are
// written as UTF-8 SRT under <userData>/publish-inputs/<sha256>.srt — named by content and never
// rewritten, so the same track keeps the same file identity and a retry resumes the same job.
import { createHash } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CuelineError, toAppError } from '../../../shared/errors.ts';
import { writeCaptions } from '../../../shared/captions/write.ts';
import type { Channels } from '../../../shared/ipc/contract.ts';
import type {
  PublishProgress,
  PublishResultMessage,
  PublishTrack,
} from '../../../shared/ipc/channels/publish.ts';
import { checkConstraints } from '../../../shared/media/constraints.ts';
import { postTextProblem, postWeightedLength } from '../../../shared/x/post-text.ts';
import { toApiLanguage } from '../../../shared/x/languages.ts';
import { JournalStore } from '../../services/jobs/journal.ts';
import { readyCopyPath, transcode } from '../../services/media/transcode.ts';
import { prepareSubtitle, type Probe, type SubtitleInput } from '../../services/publish/inputs.ts';
import {
  attach,
  detach,
  publish,
  type PublishEvent,
  type PublishResult,
} from '../../services/publish/publish.ts';
import { xBases } from '../../services/x/api-base.ts';
import { XClient } from '../../services/x/client.ts';
import { RateLimiter } from '../../services/x/rate-limiter.ts';
import type { RequestSigner } from '../../services/x/signer.ts';
import type { RouterDeps } from '../deps.ts';
import type { Handlers, JobContext } from '../types.ts';
import { HistoryNotes } from './history.ts';

/** Tells the user a long job ended while the window was not focused (an OS notification in the app). */
export interface Notifier {
  notifyIfUnfocused(sinkId: string, n: { title: string; body: string }): void;
}

export interface PublishingDeps {
  /** An X client for an account (the default when undefined), sharing the app's rate limiter. */
  client(account: string | undefined): Promise<XClient>;
  /** <userData>: journals in jobs/, track files in publish-inputs/, history notes in history/. */
  userData: string;
  probe: Probe;
  notifier?: Notifier;
  /** Jobs shorter than this end without a notification (default 10 s). */
  notifyAfterMs?: number;
}

export function journalDirOf(p: PublishingDeps): string {
  return JournalStore.dirFor(p.userData);
}

export function publishingOf(deps: RouterDeps): PublishingDeps {
  if (!deps.publishing)
    throw new CuelineError('publish.unavailable', 'Publishing is not set up in this window.');
  return deps.publishing;
}

/** Runs `fn`, notifying when it took long and the window isn't focused. */
export async function withNotification<T>(
  p: PublishingDeps,
  sinkId: string,
  what: string,
  fn: () => Promise<T>,
  describe: (v: T) => string,
): Promise<T> {
  const t0 = Date.now();
  const long = (): boolean => Date.now() - t0 >= (p.notifyAfterMs ?? 10_000);
  try {
    const v = await fn();
    if (long()) p.notifier?.notifyIfUnfocused(sinkId, { title: `${what} finished`, body: describe(v) });
    return v;
  } catch (err) {
    const e = toAppError(err);
    if (long() && e.code !== 'job.cancelled')
      p.notifier?.notifyIfUnfocused(sinkId, { title: `${what} failed`, body: e.message });
    throw err;
  }
}

async function trackFile(p: PublishingDeps, t: PublishTrack): Promise<SubtitleInput> {
  const text = writeCaptions({ language: t.language, label: t.displayName ?? '', cues: t.cues }, 'srt').text;
  const hash = createHash('sha256').update(text).digest('hex');
  const dir = join(p.userData, 'publish-inputs');
  const path = join(dir, `${hash}.srt`);
  await mkdir(dir, { recursive: true });
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists) await writeFile(path, text, { mode: 0o600 });
  return { path, language: t.language, ...(t.displayName ? { displayName: t.displayName } : {}) };
}

/** The orchestrator's labels name files by path; the renderer sees base names only. */
export function withoutDirs(label: string): string {
  return label.replace(/(?:[A-Za-z]:)?(?:[\\/][^\s\\/]+)+[\\/]([^\s\\/]+)/g, '$1');
}

function progressOf(e: PublishEvent): PublishProgress {
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

function resultOf(r: PublishResult): PublishResultMessage {
  return {
    jobId: r.jobId,
    videoId: r.video.id,
    subtitles: r.subtitles.map((s) => ({
      languageCode: s.language_code,
      displayName: s.display_name,
      id: s.id,
    })),
    postId: r.post?.id ?? null,
    postUrl: r.post ? `https://x.com/i/status/${r.post.id}` : null,
    resumed: r.resumed,
  };
}

function serviceDeps(p: PublishingDeps, client: XClient, job: JobContext<PublishProgress>) {
  return {
    client,
    journalDir: journalDirOf(p),
    probe: p.probe,
    signal: job.signal,
    onEvent: (e: PublishEvent) => job.progress(progressOf(e)),
  };
}

type PublishHandlers = Pick<
  Handlers<Channels>,
  | 'publish:preflight'
  | 'publish:start'
  | 'publish:attach'
  | 'publish:replace'
  | 'publish:removeLanguage'
  | 'publish:fixVideo'
>;

export function publishHandlers(deps: RouterDeps): PublishHandlers {
  const notes = (): HistoryNotes => new HistoryNotes(publishingOf(deps).userData);
  return {
    'publish:preflight': async ({ video, category, tracks, post }) => {
      const p = publishingOf(deps);
      let violations: Array<{
        code: string;
        severity: 'error' | 'warning';
        message: string;
        fix: string;
      }> | null = null;
      if (video) {
        const info = await p.probe(deps.workspace.files.resolve(video, 'video').path, {});
        const r = checkConstraints(info, { category });
        violations = [...r.violations, ...r.warnings].map((v) => ({
          code: v.rule,
          severity: v.severity,
          message: v.message,
          fix: v.fix,
        }));
      }
      const seen = new Map<string, string>();
      const out = [];
      for (const t of tracks) {
        const problems: string[] = [];
        let languageCode: string | null = null;
        let displayName = t.displayName ?? t.language;
        try {
          const api = toApiLanguage(t.language, t.displayName);
          languageCode = api.code;
          displayName = api.displayName;
          const other = seen.get(api.code);
          if (other)
            problems.push(
              `${other} and ${t.language} both map to ${api.code}; X keeps one track per language.`,
            );
          seen.set(api.code, t.language);
        } catch (err) {
          problems.push(toAppError(err).message);
        }
        if (t.cues.length === 0) problems.push('The track has no cues.');
        else if (languageCode) {
          try {
            await prepareSubtitle(await trackFile(p, t), {});
          } catch (err) {
            problems.push(toAppError(err).message.replace(/^[^:]*\.srt: /, ''));
          }
        }
        out.push({ language: t.language, languageCode, displayName, problems });
      }
      const postInfo =
        post === null ? null : { length: postWeightedLength(post), problem: postTextProblem(post) };
      const ok =
        (violations ?? []).every((v) => v.severity !== 'error') &&
        out.every((t) => t.problems.length === 0) &&
        (postInfo?.problem ?? null) === null &&
        (tracks.length > 0 || post !== null);
      return { ok, video: violations ? { violations } : null, tracks: out, post: postInfo };
    },

    'publish:start': async (req, job, ctx) => {
      const p = publishingOf(deps);
      const file = deps.workspace.files.resolve(req.video, 'video');
      const subtitles = await Promise.all(req.tracks.map((t) => trackFile(p, t)));
      const client = await p.client(req.account);
      return withNotification(
        p,
        ctx.sink.id,
        'Publishing',
        async () => {
          const r = await publish(
            {
              video: file.path,
              subtitles,
              category: req.category,
              api: req.api,
              post: req.post,
              ...(req.force ? { force: true } : {}),
              ...(req.altText !== undefined ? { altText: req.altText } : {}),
              ...(req.title !== undefined ? { title: req.title } : {}),
              ...(req.description !== undefined ? { description: req.description } : {}),
            },
            { ...serviceDeps(p, client, job), ...(req.account ? { account: req.account } : {}) },
          );
          await notes().note(r.jobId, {
            videoName: file.name,
            account: req.account ?? null,
            category: req.category,
            api: req.api,
          });
          return resultOf(r);
        },
        (r) => (r.postUrl ? `${file.name} is on X: ${r.postUrl}` : `${file.name}: captions associated.`),
      );
    },

    'publish:attach': async (req, job, ctx) => {
      const p = publishingOf(deps);
      const subtitles = await Promise.all(req.tracks.map((t) => trackFile(p, t)));
      const client = await p.client(req.account);
      return withNotification(
        p,
        ctx.sink.id,
        'Attaching captions',
        async () => {
          const r = await attach(
            { videoId: req.mediaId, subtitles, category: req.category, api: req.api },
            serviceDeps(p, client, job),
          );
          await notes().note(r.jobId, {
            videoName: null,
            account: req.account ?? null,
            category: req.category,
            api: req.api,
          });
          return resultOf(r);
        },
        () => `Captions attached to media ${req.mediaId}.`,
      );
    },

    'publish:replace': async (req, job) => {
      const p = publishingOf(deps);
      const input = await trackFile(p, req.track);
      const client = await p.client(req.account);
      job.progress({
        step: 'associate',
        label: `Removing the current ${req.track.language} captions`,
        upload: null,
      });
      try {
        await detach(
          { videoId: req.mediaId, language: req.track.language, category: req.category, api: req.api },
          { client, signal: job.signal },
        );
      } catch (err) {
        // Nothing to remove is fine: the new track is added either way.
        if (!(err instanceof CuelineError && err.code === 'x.not_found')) throw err;
      }
      await notes().markRemoved(req.mediaId, toApiLanguage(req.track.language).code, Date.now());
      const r = await attach(
        { videoId: req.mediaId, subtitles: [input], category: req.category, api: req.api, fresh: true },
        serviceDeps(p, client, job),
      );
      await notes().note(r.jobId, {
        videoName: null,
        account: req.account ?? null,
        category: req.category,
        api: req.api,
      });
      return resultOf(r);
    },

    'publish:fixVideo': async ({ video, category }, job) => {
      const file = deps.workspace.files.resolve(video, 'video');
      const out = readyCopyPath(file.path);
      await transcode(file.path, out, {
        category,
        signal: job.signal,
        onProgress: (p) => job.progress({ fraction: p.fraction }),
      });
      return deps.workspace.files.register(out, 'video');
    },

    'publish:removeLanguage': async (req) => {
      const p = publishingOf(deps);
      const client = await p.client(req.account);
      const r = await detach(
        { videoId: req.mediaId, language: req.language, category: req.category, api: req.api },
        { client },
      );
      await notes().markRemoved(r.video.id, r.language_code, Date.now());
      return { mediaId: r.video.id, languageCode: r.language_code };
    },
  };
}

/**
 * The app's publishing: accounts from the keychain (AuthService), one RateLimiter for every client
 * so the dialog, history actions and batches share X's windows; CUELINE_X_API_BASE /
 * CUELINE_X_UPLOAD_BASE point it at the emulator (development, the Playwright harness).
 */
export function defaultPublishing(o: {
  userData: string;
  env?: NodeJS.ProcessEnv;
  auth: {
    signerFor(ref?: string): Promise<RequestSigner>;
  };
  probe: Probe;
  notifier?: Notifier;
  limiter?: RateLimiter;
}): PublishingDeps {
  const env = o.env ?? process.env;
  const limiter = o.limiter ?? new RateLimiter();
  return {
    userData: o.userData,
    probe: o.probe,
    ...(o.notifier ? { notifier: o.notifier } : {}),
    client: async (account) =>
      new XClient({
        signer: await o.auth.signerFor(account),
        fetch: limiter.fetchFor(account ?? 'default'),
        ...xBases(env),
      }),
  };
}
