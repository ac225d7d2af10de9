import { basename } from 'node:path';
import { toAppError } from '../../../shared/errors.ts';
import type { FileRef } from '../../../shared/ipc/common.ts';
import type { Channels } from '../../../shared/ipc/contract.ts';
import type { RouterDeps } from '../deps.ts';
import type { Handlers } from '../types.ts';

type FilesHandlers = Pick<
  Handlers<Channels>,
  'files:openVideo' | 'files:openSubtitles' | 'files:openFolder' | 'files:openManifest' | 'files:dropped'
>;

export function filesHandlers(deps: RouterDeps): FilesHandlers {
  const { files, recent } = deps.workspace;
  const open = async (path: string, kind: FileRef['kind']): Promise<FileRef> => {
    const ref = await files.register(path, kind);
    await recent.add(files.resolve(ref.id).path, ref.kind);
    return ref;
  };
  return {
    'files:openVideo': async () => {
      const path = await deps.dialogs.openVideo();
      return path === null ? null : open(path, 'video');
    },
    'files:openSubtitles': async () => {
      const paths = await deps.dialogs.openSubtitles();
      return Promise.all(paths.map((p) => open(p, 'subtitles')));
    },
    'files:openFolder': async () => {
      const path = await deps.dialogs.openFolder();
      return path === null ? null : open(path, 'folder');
    },
    // In Open Recent too: opening it again opens the batch view on it.
    'files:openManifest': async () => {
      const path = await deps.dialogs.openManifest();
      return path === null ? null : open(path, 'manifest');
    },
    // Paths come from the preload's webUtils.getPathForFile, i.e. from real drops; each one is still
    // checked (absolute, exists, a kind we open) before it gets an id.
    'files:dropped': async ({ paths }) => {
      const accepted: FileRef[] = [];
      const rejected: { name: string; reason: string }[] = [];
      for (const path of paths) {
        try {
          const ref = await files.register(path);
          await recent.add(files.resolve(ref.id).path, ref.kind);
          accepted.push(ref);
        } catch (err) {
          rejected.push({ name: basename(path), reason: toAppError(err).message });
        }
      }
      return { accepted, rejected };
    },
  };
}
