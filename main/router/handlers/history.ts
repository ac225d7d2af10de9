// History from the publish journals, newest first (main/services/publish/history-store.ts).
import type { Channels } from '../../../shared/ipc/contract.ts';
import { listHistory, listOnX } from '../../services/publish/history-store.ts';
import type { RouterDeps } from '../deps.ts';
import type { Handlers } from '../types.ts';

export function historyHandlers(
  deps: RouterDeps,
): Pick<Handlers<Channels>, 'history:list' | 'history:videos'> {
  return {
    'history:list': async ({ limit }) => {
      if (!deps.publishing) return [];
      return listHistory(deps.publishing.userData, limit);
    },
    'history:videos': async ({ limit }) => {
      if (!deps.publishing) return [];
      return listOnX(deps.publishing.userData, limit);
    },
  };
}
