// The packaged app ships ffmpeg/ffprobe for its platform in resources/ffmpeg (electron-builder
// extraResources, prepared by scripts/ffmpeg-bundle.ts); the media services try them after the
// user's setting and CUELINE_FFMPEG / CUELINE_FFPROBE, before PATH.
import { join } from 'node:path';

export function bundledMediaDir(resourcesPath: string): string {
  return join(resourcesPath, 'ffmpeg');
}
