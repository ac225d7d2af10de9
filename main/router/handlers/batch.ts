// The batch view's channels over the batch sessions (services/batch/batch-session.ts: the same
// planner, runner and journals `cueline batch` uses). A run is a job: `jobs:cancel` cancels it,
// `batch:control` pauses and resumes it.
import { isAbsolute, relative, resolve } from 'node:path';
import { CuelineError } from '../../../shared/errors.ts';
import type { BatchProgress } from '../../../shared/ipc/channels/batch.ts';
import type { Channels } from '../../../shared/ipc/contract.ts';
import {
  BatchSessions,
  planMessage,
  planSource,
  type BatchJob,
  type SourcePaths,
} from '../../services/batch/batch-session.ts';
import { kindOfName } from '../../services/batch/scan.ts';
import { makeReadyCopy } from '../../services/media/ready-copy.ts';
import { publishingOf, type RouterDeps } from '../deps.ts';
import type { Handlers, InvokeContext, JobContext } from '../types.ts';

const batchJob = (job: JobContext<BatchProgress>, ctx: InvokeContext): BatchJob => ({
  jobId: job.jobId,
  signal: job.signal,
  progress: (p) => job.progress(p),
  sinkId: ctx.sink.id,
});

type BatchHandlers = Pick<
  Handlers<Channels>,
  | 'batch:plan'
  | 'batch:run'
  | 'batch:control'
  | 'batch:unfinished'
  | 'batch:continue'
  | 'batch:fixVideo'
  | 'batch:export'
>;

interface SourceRequest extends Omit<SourcePaths, 'folder' | 'manifest'> {
  folder?: string | undefined;
  manifest?: string | undefined;
}

export function batchHandlers(deps: RouterDeps): BatchHandlers {
  let sessions: BatchSessions | null = null;
  const sessionsOf = (): BatchSessions => (sessions ??= new BatchSessions(publishingOf(deps)));
  /** Renderer file ids → paths; the plan's base is the folder, else the manifest's own folder. */
  const sourceOf = (req: SourceRequest) => {
    const { files } = deps.workspace;
    return planSource({
      ...req,
      folder: req.folder ? files.resolve(req.folder, 'folder').path : undefined,
      manifest: req.manifest ? files.resolve(req.manifest, 'manifest').path : undefined,
    });
  };

  return {
    'batch:plan': async (req) => {
      const s = sessionsOf();
      const plan = await s.plan(sourceOf(req), {
        category: req.category,
        api: req.api,
        ...(req.corrections ? { corrections: req.corrections } : {}),
      });
      return planMessage(plan, await s.rowFacts(plan, req.account));
    },

    'batch:run': async (req, job, ctx) => {
      const s = sessionsOf();
      const corrections = req.corrections ?? {};
      const plan = await s.plan(
        sourceOf(req),
        { category: req.category, api: req.api, corrections },
        job.signal,
      );
      const options = {
        concurrency: req.concurrency,
        category: req.category,
        api: req.api,
        postTemplate: req.postTemplate,
        noPost: req.postTemplate === null,
      };
      return s.run({ plan, options, account: req.account, corrections }, batchJob(job, ctx));
    },

    'batch:control': ({ jobId, action }) => sessionsOf().control(jobId, action),

    'batch:unfinished': async () => (deps.publishing ? sessionsOf().unfinished() : []),

    'batch:continue': (req, job, ctx) => sessionsOf().continue(req, batchJob(job, ctx)),

    // The renderer names the video as the plan did (relative to the base); only a video inside the
    // base is transcoded, and the copy goes beside it, where the next plan finds it.
    'batch:fixVideo': async (req, job) => {
      const root = sourceOf(req).folder;
      const path = resolve(root, req.video);
      const rel = relative(root, path);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || kindOfName(path) !== 'video')
        throw new CuelineError('input.invalid', `${req.video} is not a video in the batch folder.`, {
          field: 'video',
        });
      const out = await makeReadyCopy(path, {
        category: req.category,
        signal: job.signal,
        onFraction: (fraction) => job.progress({ fraction }),
      });
      return { readyCopy: relative(root, out).split('\\').join('/') };
    },

    'batch:export': ({ batchId, format }) => sessionsOf().export(batchId, format),
  };
}
