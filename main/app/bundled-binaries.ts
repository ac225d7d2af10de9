// The packaged app ships ffmpeg/ffprobe for its platform in resources/ffmpeg (electron-builder
// extraResources); the media services pick them up through CUELINE_FFMPEG / CUELINE_FFPROBE.
import { join } from 'node:path';

export function bundledMediaBinaries(
  resourcesPath: string,
  platform: NodeJS.Platform,
): { ffmpeg: string; ffprobe: string } {
  const exe = platform === 'win32' ? '.exe' : '';
  return {
    ffmpeg: join(resourcesPath, 'ffmpeg', `ffmpeg${exe}`),
    ffprobe: join(resourcesPath, 'ffmpeg', `ffprobe${exe}`),
  };
}
