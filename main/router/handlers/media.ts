import { readFile } from 'node:fs/promises';
import type { Channels } from '../../../shared/ipc/contract.ts';
import { probe } from '../../services/media/probe.ts';
import { shotChanges } from '../../services/media/shot-changes.ts';
import { thumbnails } from '../../services/media/thumbnails.ts';
import { waveform } from '../../services/media/waveform.ts';
import type { RouterDeps } from '../deps.ts';
import type { Handlers } from '../types.ts';

type MediaHandlers = Pick<
  Handlers<Channels>,
  'media:url' | 'media:probe' | 'media:waveform' | 'media:thumbnails' | 'media:shotChanges'
>;

export function mediaHandlers(deps: RouterDeps): MediaHandlers {
  const { files } = deps.workspace;
  const cacheDir = deps.workspace.paths.cache;
  return {
    'media:url': ({ id }) => {
      files.resolve(id, 'video');
      return { url: deps.mediaUrl(id) };
    },
    'media:probe': async ({ id }) => {
      const { file: _path, ...info } = await probe(files.resolve(id, 'video').path);
      return info;
    },
    'media:waveform': async ({ id }, job) => {
      const w = await waveform(files.resolve(id, 'video').path, {
        cacheDir,
        signal: job.signal,
        onPeaks: (c) => job.progress({ ...c, min: Array.from(c.min), max: Array.from(c.max) }),
      });
      return {
        sampleRate: w.sampleRate,
        durationMs: w.durationMs,
        hasAudio: w.hasAudio,
        fromCache: w.fromCache,
      };
    },
    'media:thumbnails': async ({ id, count, height }, job) => {
      const list = await thumbnails(files.resolve(id, 'video').path, {
        count,
        height,
        cacheDir,
        signal: job.signal,
      });
      const out: { timeMs: number; dataUrl: string }[] = [];
      for (const t of list)
        out.push({
          timeMs: t.timeMs,
          dataUrl: `data:image/jpeg;base64,${(await readFile(t.file)).toString('base64')}`,
        });
      return { thumbnails: out };
    },
    'media:shotChanges': async ({ id, threshold }, job) => {
      const cutsMs = await shotChanges(files.resolve(id, 'video').path, {
        cacheDir,
        signal: job.signal,
        ...(threshold === undefined ? {} : { threshold }),
      });
      return { cutsMs };
    },
  };
}
