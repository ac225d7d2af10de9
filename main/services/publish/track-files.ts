// Tracks from the app arrive as cues and are written as UTF-8 SRT under
// <userData>/publish-inputs/<sha256>.srt — named by content and never rewritten, so the same track
// keeps the same file identity and a retry resumes the same job.
import { createHash } from 'node:crypto';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeCaptions } from '../../../shared/captions/write.ts';
import type { PublishTrack } from '../../../shared/ipc/channels/publish.ts';
import { ensurePrivateDir } from '../store/json-store.ts';
import type { SubtitleInput } from './inputs.ts';

export async function writeTrackFile(userData: string, t: PublishTrack): Promise<SubtitleInput> {
  const text = writeCaptions({ language: t.language, label: t.displayName ?? '', cues: t.cues }, 'srt').text;
  const hash = createHash('sha256').update(text).digest('hex');
  const dir = join(userData, 'publish-inputs');
  const path = join(dir, `${hash}.srt`);
  await ensurePrivateDir(dir);
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists) await writeFile(path, text, { mode: 0o600 });
  return { path, language: t.language, ...(t.displayName ? { displayName: t.displayName } : {}) };
}
