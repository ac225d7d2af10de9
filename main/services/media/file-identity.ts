// Cache key for derived data (peaks, thumbnails, shot changes): size + mtime + SHA-1 of the
// first and last 64 KiB. Hashing whole multi-GB videos would cost more than the work cached;
// size+mtime alone miss a file replaced by a copy with a preserved mtime.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { CuelineError } from '../../../shared/errors.ts';

const EDGE = 64 * 1024;

export interface FileIdentity {
  key: string;
  size: number;
  mtimeMs: number;
}

export async function fileIdentity(file: string): Promise<FileIdentity> {
  let fh;
  try {
    fh = await open(file, 'r');
  } catch {
    throw new CuelineError('media.not_found', `${file}: no such file`, { file });
  }
  try {
    const st = await fh.stat();
    const h = createHash('sha1');
    h.update(`${st.size}:${Math.round(st.mtimeMs)}:`);
    const head = Buffer.alloc(Math.min(EDGE, st.size));
    await fh.read(head, 0, head.length, 0);
    h.update(head);
    if (st.size > EDGE) {
      const tailLen = Math.min(EDGE, st.size - EDGE);
      const tail = Buffer.alloc(tailLen);
      await fh.read(tail, 0, tailLen, st.size - tailLen);
      h.update(tail);
    }
    return { key: h.digest('hex'), size: st.size, mtimeMs: st.mtimeMs };
  } finally {
    await fh.close();
  }
}
