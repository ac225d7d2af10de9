// The Publish dialog's channels over the publishing engine: the same orchestrator and journals as
// `cueline publish`, so a retry from the dialog skips finished steps. Tracks arrive as cues and are
// written as content-addressed SRT files (services/publish/track-files.ts).
import type { PublishProgress } from '../../../shared/ipc/channels/publish.ts';
import type { Channels } from '../../../shared/ipc/contract.ts';
import { withNotification } from '../../services/jobs/notify.ts';
import { makeReadyCopy } from '../../services/media/ready-copy.ts';
import { HistoryNotes, type HistoryNote } from '../../services/publish/history-store.ts';
import { progressMessage, resultMessage } from '../../services/publish/messages.ts';
import { preflight } from '../../services/publish/preflight.ts';
import { attach, detach, publish, type PublishDeps } from '../../services/publish/publish.ts';
import { replaceLanguage } from '../../services/publish/replace-language.ts';
import { journalDirOf, type PublishingDeps } from '../../services/publish/publishing.ts';
import { writeTrackFile } from '../../services/publish/track-files.ts';
import type { XClient } from '../../services/x/client.ts';
import { publishingOf, type RouterDeps } from '../deps.ts';
import type { Handlers, JobContext } from '../types.ts';

function serviceDeps(p: PublishingDeps, client: XClient, job: JobContext<PublishProgress>): PublishDeps {
  return {
    client,
    journalDir: journalDirOf(p),
    probe: p.probe,
    signal: job.signal,
    onEvent: (e) => job.progress(progressMessage(e)),
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
  const target = (
    req: { account?: string | undefined } & Pick<HistoryNote, 'category' | 'api'>,
    videoName: string | null,
  ): HistoryNote => ({
    videoName,
    account: req.account ?? null,
    category: req.category,
    api: req.api,
  });
  return {
    'publish:preflight': async ({ video, category, tracks, post }) => {
      const p = publishingOf(deps);
      const videoPath = video ? deps.workspace.files.resolve(video, 'video').path : null;
      return preflight({ videoPath, category, tracks, post }, p);
    },

    'publish:start': async (req, job, ctx) => {
      const p = publishingOf(deps);
      const file = deps.workspace.files.resolve(req.video, 'video');
      const subtitles = await Promise.all(req.tracks.map((t) => writeTrackFile(p.userData, t)));
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
          await notes().note(r.jobId, target(req, file.name));
          return resultMessage(r);
        },
        (r) => (r.postUrl ? `${file.name} is on X: ${r.postUrl}` : `${file.name}: captions associated.`),
      );
    },

    'publish:attach': async (req, job, ctx) => {
      const p = publishingOf(deps);
      const subtitles = await Promise.all(req.tracks.map((t) => writeTrackFile(p.userData, t)));
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
          await notes().note(r.jobId, target(req, null));
          return resultMessage(r);
        },
        () => `Captions attached to media ${req.mediaId}.`,
      );
    },

    'publish:replace': async (req, job) => {
      const p = publishingOf(deps);
      const track = { ...(await writeTrackFile(p.userData, req.track)), language: req.track.language };
      const client = await p.client(req.account);
      const r = await replaceLanguage(
        { videoId: req.mediaId, track, category: req.category, api: req.api },
        { ...serviceDeps(p, client, job), notes: notes() },
      );
      await notes().note(r.jobId, target(req, null));
      return resultMessage(r);
    },

    'publish:fixVideo': async ({ video, category }, job) => {
      const file = deps.workspace.files.resolve(video, 'video');
      const out = await makeReadyCopy(file.path, {
        category,
        signal: job.signal,
        onFraction: (fraction) => job.progress({ fraction }),
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
