import type { Channels } from '../../../shared/ipc/contract.ts';
import { checkToolPath } from '../../services/media/binaries.ts';
import type { RouterDeps } from '../deps.ts';
import type { Handlers } from '../types.ts';

type WorkspaceHandlers = Pick<
  Handlers<Channels>,
  | 'autosave:write'
  | 'autosave:list'
  | 'autosave:read'
  | 'autosave:discard'
  | 'settings:get'
  | 'settings:set'
  | 'recent:list'
>;

export function workspaceHandlers(deps: RouterDeps): WorkspaceHandlers {
  const { autosave, settings, recent } = deps.workspace;
  return {
    'autosave:write': ({ docId, title, document }) => autosave.write(docId, title, document),
    'autosave:list': () => autosave.list(),
    'autosave:read': ({ docId }) => autosave.read(docId),
    'autosave:discard': async ({ docId }) => ({ discarded: await autosave.discard(docId) }),
    'settings:get': () => settings.get(),
    'settings:set': async (patch) => {
      // A tool path is checked before it is kept (empty clears it: the bundled build or PATH).
      if (patch.ffmpegPath) await checkToolPath('ffmpeg', patch.ffmpegPath);
      if (patch.ffprobePath) await checkToolPath('ffprobe', patch.ffprobePath);
      return settings.set(patch);
    },
    'recent:list': () => recent.list(),
  };
}
