// The files a batch folder holds: videos by X's accepted extensions, subtitles by .srt/.vtt.
// Hidden files and folders are skipped (editors' temp files, .DS_Store, our own .tmp files).
import { readdir } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { CuelineError } from '../../../shared/errors.ts';
import { VIDEO_MEDIA_TYPES } from '../../../shared/x/limits.ts';

export interface ScannedFile {
  path: string;
  /** Relative to the root, with forward slashes. */
  file: string;
  kind: 'video' | 'subtitle';
}

export const SUBTITLE_EXTENSIONS = new Set(['srt', 'vtt']);

export function kindOfName(name: string): 'video' | 'subtitle' | null {
  const ext = extname(name).slice(1).toLowerCase();
  if (SUBTITLE_EXTENSIONS.has(ext)) return 'subtitle';
  if (VIDEO_MEDIA_TYPES[ext]) return 'video';
  return null;
}

export async function scanFolder(root: string, recursive: boolean): Promise<ScannedFile[]> {
  const out: ScannedFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      const code = err && typeof err === 'object' && 'code' in err ? String(err.code) : '';
      if (dir === root)
        throw new CuelineError(
          code === 'ENOTDIR' ? 'input.not_a_folder' : 'input.not_found',
          code === 'ENOTDIR' ? `${root}: not a folder` : `${root}: no such folder`,
          { path: root },
        );
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (recursive) await walk(path);
        continue;
      }
      if (!e.isFile()) continue;
      const kind = kindOfName(e.name);
      if (kind) out.push({ path, file: relative(root, path).split('\\').join('/'), kind });
    }
  };
  await walk(root);
  return out;
}
