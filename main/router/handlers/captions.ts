import { basename, extname } from 'node:path';
import { formatFromFileName } from '../../../shared/captions/read.ts';
import { CuelineError, toAppError } from '../../../shared/errors.ts';
import type { Channels } from '../../../shared/ipc/contract.ts';
import { readCaptionFile, writeCaptionFile } from '../../services/captions/caption-file.ts';
import type { RouterDeps } from '../deps.ts';
import type { Handlers } from '../types.ts';

type CaptionsHandlers = Pick<Handlers<Channels>, 'captions:open' | 'captions:save' | 'captions:saveAs'>;

/** Errors from the captions core name the full path; the renderer only ever sees the file's name. */
async function withoutPath<T>(path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const e = toAppError(err);
    const scrub = (s: string): string => s.split(path).join(basename(path));
    const details =
      e.details === undefined ? undefined : (JSON.parse(scrub(JSON.stringify(e.details))) as unknown);
    throw new CuelineError(e.code, scrub(e.message), details);
  }
}

export function captionsHandlers(deps: RouterDeps): CaptionsHandlers {
  const { files, recent } = deps.workspace;
  return {
    'captions:open': async ({ fileId, encoding }) => {
      const file = files.resolve(fileId, 'subtitles');
      const r = await withoutPath(file.path, () => readCaptionFile(file.path, encoding ? { encoding } : {}));
      // Each cue's file line is for located messages in main; the window never needs it (10,000
      // numbers on every open of a 10,000-cue file).
      const { timingLines: _lines, ...opened } = r;
      return { fileId, name: file.name, ...opened };
    },
    'captions:save': async ({ fileId, track, format, encoding }) => {
      const file = files.resolve(fileId, 'subtitles');
      return withoutPath(file.path, () =>
        writeCaptionFile(file.path, track, format, encoding ? { encoding } : {}),
      );
    },
    'captions:saveAs': async ({ track, format, encoding, suggestedName }) => {
      // "talk.fr" has an extension in path terms but not a caption one: add the format's.
      const ext = extname(suggestedName).toLowerCase();
      const wanted = ext === '.srt' || ext === '.vtt' ? suggestedName : `${suggestedName}.${format}`;
      const path = await deps.dialogs.saveSubtitles(wanted);
      if (path === null) return null;
      // The extension the user typed in the dialog wins over the suggested format.
      const written = formatFromFileName(path) ?? format;
      const { notes } = await withoutPath(path, () =>
        writeCaptionFile(path, track, written, encoding ? { encoding } : {}),
      );
      const file = await files.register(path, 'subtitles');
      await recent.add(files.resolve(file.id).path, 'subtitles');
      return { file, format: written, notes };
    },
  };
}
