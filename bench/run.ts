// `npm run bench`: every `bench/*.bench.ts` in name order, or those named on the command line
// (`npm run bench -- captions`). Each prints its figures beside the baseline its issue names.
import { readdirSync } from 'node:fs';

const here = new URL('.', import.meta.url);
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
for (const file of files) {
  process.stdout.write(`\n### ${file.replace(/\.bench\.ts$/, '')}\n`);
  const mod: unknown = await import(new URL(file, here).href);
  if (mod && typeof mod === 'object' && 'run' in mod && typeof mod.run === 'function') await mod.run();
}
