import type { Channels } from '../../../shared/ipc/contract.ts';
import { mediaToolsInfo } from '../../services/media/binaries.ts';
import type { RouterDeps } from '../deps.ts';
import type { Handlers } from '../types.ts';

export function appHandlers(deps: RouterDeps): Pick<Handlers<Channels>, 'app:info'> {
  return { 'app:info': async () => ({ ...deps.appInfo, media: await mediaToolsInfo() }) };
}
