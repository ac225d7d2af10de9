// The Publish dialog's channels over the publishing engine (services/publish/app-publishing.ts):
// the same orchestrator and journals as `cueline publish`, so a retry from the dialog skips
// finished steps.
import type { PublishProgress } from '../../../shared/ipc/channels/publish.ts';
import type { Channels } from '../../../shared/ipc/contract.ts';
import { makeReadyCopy } from '../../services/media/ready-copy.ts';
import { AppPublishing, type AppJob } from '../../services/publish/app-publishing.ts';
import { preflight } from '../../services/publish/preflight.ts';
import { PublishDrafts } from '../../services/publish/drafts.ts';
import { attach, publish } from '../../services/publish/publish.ts';
import { publishingOf, type RouterDeps } from '../deps.ts';
import type { Handlers, InvokeContext, JobContext } from '../types.ts';

type PublishHandlers = Pick<
  Handlers<Channels>,
  | 'publish:preflight'
  | 'publish:start'
  | 'publish:attach'
  | 'publish:replace'
  | 'publish:removeLanguage'
  | 'publish:fixVideo'
  | 'publish:getDraft'
  | 'publish:saveDraft'
>;

const appJob = (job: JobContext<PublishProgress>, ctx: InvokeContext): AppJob => ({
  signal: job.signal,
  progress: (p) => job.progress(p),
  sinkId: ctx.sink.id,
});

export function publishHandlers(deps: RouterDeps): PublishHandlers {
  const app = (): AppPublishing => new AppPublishing(publishingOf(deps));
  // Drafts are the workspace's (no X needed): one store per router, so saves queue in order.
  const drafts = new PublishDrafts(deps.workspace.paths.userData);
  return {
    'publish:getDraft': ({ video }) => drafts.get(deps.workspace.files.resolve(video, 'video').path),
    'publish:saveDraft': ({ video, draft }) =>
      drafts.save(deps.workspace.files.resolve(video, 'video').path, draft),

    'publish:preflight': async ({ video, category, tracks, post }) => {
      const p = publishingOf(deps);
      const videoPath = video ? deps.workspace.files.resolve(video, 'video').path : null;
      return preflight({ videoPath, category, tracks, post }, p);
    },

    'publish:start': (req, job, ctx) => {
      const file = deps.workspace.files.resolve(req.video, 'video');
      return app().run(req, appJob(job, ctx), {
        what: 'Publishing',
        videoName: file.name,
        work: (subtitles, sd) =>
          publish(
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
            sd,
          ),
        describe: (r) =>
          r.postUrl ? `${file.name} is on X: ${r.postUrl}` : `${file.name}: captions associated.`,
      });
    },

    'publish:attach': (req, job, ctx) =>
      app().run(req, appJob(job, ctx), {
        what: 'Attaching captions',
        videoName: null,
        work: (subtitles, sd) =>
          attach({ videoId: req.mediaId, subtitles, category: req.category, api: req.api }, sd),
        describe: () => `Captions attached to media ${req.mediaId}.`,
      }),

    'publish:replace': (req, job, ctx) => app().replace(req, appJob(job, ctx)),

    'publish:fixVideo': async ({ video, category }, job) => {
      const file = deps.workspace.files.resolve(video, 'video');
      const out = await makeReadyCopy(file.path, {
        category,
        signal: job.signal,
        onFraction: (fraction) => job.progress({ fraction }),
      });
      return deps.workspace.files.register(out, 'video');
    },

    'publish:removeLanguage': (req) => app().removeLanguage(req),
  };
}
