import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { multipartBody } from '../../../main/services/x/multipart.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cueline-multipart-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('multipart body from a file', () => {
  it('writes the exact bytes between the form parts, in chunks', async () => {
    const path = join(dir, 'a.bin');
    const data = Buffer.alloc(700 * 1024, 7);
    data[0] = 1;
    data[data.length - 1] = 9;
    writeFileSync(path, data);
    const body = multipartBody([['segment_index', '3']], {
      name: 'media',
      source: { path, start: 0, end: data.length },
    });
    const parts: Buffer[] = [];
    await body.writeTo(async (c) => {
      parts.push(Buffer.from(c));
    });
    const all = Buffer.concat(parts);
    expect(all.length).toBe(body.length);
    expect(all.includes(data)).toBe(true);
    expect(all.toString('latin1')).toContain('name="segment_index"\r\n\r\n3\r\n');
  });

  it('a write that fails while the next chunk is read (a dropped request) rejects once, never unhandled', async () => {
    const path = join(dir, 'b.bin');
    writeFileSync(path, Buffer.alloc(1024 * 1024, 1));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const body = multipartBody([], { name: 'media', source: { path, start: 0, end: 1024 * 1024 } });
      let calls = 0;
      // The preamble goes through; the first file chunk's write fails at once, as a destroyed request's does.
      const write = (): Promise<void> =>
        ++calls === 1 ? Promise.resolve() : Promise.reject(new Error('request closed'));
      await expect(body.writeTo(write)).rejects.toThrow('request closed');
      await nextTurn();
      await nextTurn();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
