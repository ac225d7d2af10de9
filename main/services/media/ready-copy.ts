// Fix: transcode a video into its X-ready copy beside it (`<name>.x.mp4`, named by readyCopyPath),
// where the Publish dialog publishes it and the next batch plan uploads it in the original's place.
import type { MediaCategory } from '../../../shared/media/constraints.ts';
import { readyCopyPath, transcode } from './transcode.ts';

export async function makeReadyCopy(
  video: string,
  o: { category: MediaCategory; signal: AbortSignal; onFraction: (fraction: number) => void },
): Promise<string> {
  const out = readyCopyPath(video);
  await transcode(video, out, {
    category: o.category,
    signal: o.signal,
    onProgress: (p) => o.onFraction(p.fraction),
  });
  return out;
}
