// Temporary files written beside a target and renamed over it at the end (`.clip.x.mp4.<pid>-<hex>
// .part.mp4`, `.clip.en.srt.<pid>-<hex>.tmp`). A cancel or an error removes its own; `kill -9` or a
// power cut can't, so the next write to the same target sweeps those whose process is gone: nothing
// half-written stays in the user's folder.
import { randomBytes } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Files named before the pid was part of the name are swept once nothing has written them for this long. */
const UNOWNED_IDLE_MS = 10 * 60_000;

/** A fresh hidden temporary name beside `target`, owned by this process. */
export function partPath(target: string, suffix: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}${suffix}`,
  );
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return err !== null && typeof err === 'object' && 'code' in err && err.code === 'EPERM';
  }
}

/**
 * Removes the temporary files of earlier writes to `target` whose process has died (or, for names
 * without a pid, that nobody has written for 10 minutes). Returns the names removed.
 */
export async function sweepStaleParts(target: string, suffix: string): Promise<string[]> {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(suffix)) continue;
    const middle = name.slice(prefix.length, name.length - suffix.length);
    const owned = /^(\d+)-[0-9a-f]+$/.exec(middle);
    let stale = false;
    if (owned) stale = Number(owned[1]) !== process.pid && !processAlive(Number(owned[1]));
    else if (/^[0-9a-f]+$/.test(middle)) {
      const st = await stat(join(dir, name)).catch(() => null);
      stale = st !== null && Date.now() - st.mtimeMs > UNOWNED_IDLE_MS;
    }
    if (!stale) continue;
    await rm(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
