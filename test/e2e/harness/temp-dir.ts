// Temporary `cueline-*` folders for Playwright tests that share them across tests in a worker (a
// generated video, a seed folder): removed when the worker process exits, so a run leaves nothing
// in the temp directory. (The vitest suites use test/support/temp-dir.ts, tied to their hooks.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
let hooked = false;

export function workerTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const d of made) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}
