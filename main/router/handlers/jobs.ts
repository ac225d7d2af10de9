import type { Channels } from '../../../shared/ipc/contract.ts';
import type { RouterDeps } from '../deps.ts';
import type { Handlers } from '../types.ts';

export function jobsHandlers(deps: RouterDeps): Pick<Handlers<Channels>, 'jobs:cancel'> {
  // A window may cancel only the jobs it started.
  return { 'jobs:cancel': ({ jobId }, ctx) => ({ cancelled: deps.jobs.cancel(jobId, ctx.sink.id) }) };
}
