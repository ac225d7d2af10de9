import { extname } from 'node:path';
import type { FileKind } from '../../../shared/ipc/common.ts';

// What <video> in Chromium/Electron can play, and what the caption parsers read.
export const VIDEO_EXTENSIONS = ['.mp4', '.m4v', '.mov', '.webm', '.mkv'];
export const SUBTITLE_EXTENSIONS = ['.srt', '.vtt'];
// Batch manifests (main/services/batch/manifest.ts reads them).
export const MANIFEST_EXTENSIONS = ['.csv', '.json'];

export function kindOfFile(path: string): FileKind | null {
  const ext = extname(path).toLowerCase();
  if (VIDEO_EXTENSIONS.includes(ext)) return 'video';
  if (SUBTITLE_EXTENSIONS.includes(ext)) return 'subtitles';
  if (MANIFEST_EXTENSIONS.includes(ext)) return 'manifest';
  return null;
}
