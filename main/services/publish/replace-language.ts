// Replacing one language on a video already on X: delete the current track (nothing to delete is
// fine: the new one is added either way), note the removal for history, then upload and associate
// the new track as a fresh job.
import { CuelineError } from '../../../shared/errors.ts';
import type { MediaCategory } from '../../../shared/media/constraints.ts';
import { toApiLanguage } from '../../../shared/x/languages.ts';
import type { ApiDialect } from '../x/dialects.ts';
import type { HistoryNotes } from './history-store.ts';
import type { SubtitleInput } from './inputs.ts';
import { attach, detach, type PublishDeps, type PublishResult } from './publish.ts';

export async function replaceLanguage(
  o: {
    videoId: string;
    track: SubtitleInput & { language: string };
    category: MediaCategory;
    api: ApiDialect;
  },
  deps: PublishDeps & { notes: HistoryNotes },
): Promise<PublishResult> {
  const { videoId, track, category, api } = o;
  deps.onEvent?.({
    type: 'step',
    step: 'associate',
    label: `Removing the current ${track.language} captions`,
  });
  try {
    await detach(
      { videoId, language: track.language, category, api },
      { client: deps.client, ...(deps.signal ? { signal: deps.signal } : {}) },
    );
  } catch (err) {
    if (!(err instanceof CuelineError && err.code === 'x.not_found')) throw err;
  }
  await deps.notes.markRemoved(videoId, toApiLanguage(track.language).code, Date.now());
  return attach({ videoId, subtitles: [track], category, api, fresh: true }, deps);
}
