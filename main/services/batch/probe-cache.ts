// One ffprobe per video per batch: the planner probes every video to check it, and each item's
// publish checks it again before uploading. Keyed by path, size and mtime, so a file changed
// between the two (a transcode in place) is probed again.
import { stat } from 'node:fs/promises';
import type { MediaInfo } from '../../../shared/media/media-info.ts';
import type { Probe } from '../publish/inputs.ts';

export function cachedProbe(probe: Probe): Probe {
  const cache = new Map<string, Promise<MediaInfo>>();
  return async (file, opts) => {
    const s = await stat(file);
    const key = `${file}\0${s.size}\0${s.mtimeMs}`;
    let p = cache.get(key);
    if (!p) {
      p = probe(file, opts);
      cache.set(key, p);
      // A failed probe (cancelled, unreadable) is not remembered.
      p.catch(() => cache.delete(key));
    }
    return p;
  };
}
