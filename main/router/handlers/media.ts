import type { Channels } from '../../../shared/ipc/contract.ts';
import type { RouterDeps } from '../deps.ts';
import type { Handlers } from '../types.ts';

export function mediaHandlers(deps: RouterDeps): Pick<Handlers<Channels>, 'media:url'> {
  return {
    'media:url': ({ id }) => {
      deps.workspace.files.resolve(id, 'video');
      return { url: deps.mediaUrl(id) };
    },
  };
}
