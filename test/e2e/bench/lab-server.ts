// Builds the timeline lab (test/e2e/bench/lab) with vite into test-results/timeline-lab and serves
// it on loopback with the app's CSP, plus /media/<name> with HTTP Range for real videos. The lab is
// never part of the app bundle.
import { join, resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';
import { startLoopbackServer, type LoopbackServer } from '../harness/server.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
export const LAB_OUT = join(ROOT, 'test-results/timeline-lab');

let built: Promise<string> | null = null;

/** Builds the lab once per process. */
export function buildLab(): Promise<string> {
  built ??= (async () => {
    await build({
      root: join(import.meta.dirname, 'lab'),
      base: './',
      logLevel: 'warn',
      configFile: false,
      plugins: [svelte({ configFile: join(ROOT, 'svelte.config.js') })],
      build: { outDir: LAB_OUT, emptyOutDir: true, minify: true },
    });
    return LAB_OUT;
  })();
  return built;
}

export type LabServer = Pick<LoopbackServer, 'origin' | 'mediaUrl' | 'close'>;

/** The lab on loopback; `media` maps the names /media/<name> serves to files on disk. */
export async function startLabServer(media: Record<string, string> = {}): Promise<LabServer> {
  return startLoopbackServer(await buildLab(), (name) =>
    Object.hasOwn(media, name) ? (media[name] ?? null) : null,
  );
}
