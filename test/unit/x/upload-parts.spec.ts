import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multipartBody } from '../../../main/services/x/multipart.ts';
import { chunkSizeFor, MIN_CHUNK } from '../../../main/services/x/uploader.ts';
import { parseMultipart } from '../../x-emulator/http-util.ts';

const MiB = 1024 * 1024;

describe('chunk size', () => {
  it('is max(4 MiB, ceil(size/1000)) and never needs more than 1000 segments', () => {
    expect(chunkSizeFor(10, null)).toBe(MIN_CHUNK);
    expect(chunkSizeFor(8 * 1024 * MiB, null)).toBe(Math.ceil((8 * 1024 * MiB) / 1000));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 * 1024 * MiB }), (size) => {
        const c = chunkSizeFor(size, null);
        return c >= MIN_CHUNK && Math.ceil(size / c) <= 1000;
      }),
    );
  });

  it('caps v1.1 chunks at 5,000,000 bytes and refuses files that would need over 1000', () => {
    expect(chunkSizeFor(5_000_000_000, 5_000_000)).toBe(5_000_000);
    expect(chunkSizeFor(100 * MiB, 5_000_000)).toBe(MIN_CHUNK);
    expect(() => chunkSizeFor(5_000_000_001, 5_000_000)).toThrow(/1000 segments/);
  });
});

describe('multipart body', () => {
  it('streams a byte range of a file that a multipart parser reads back exactly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cueline-mp-'));
    const file = join(dir, 'f.bin');
    const data = Buffer.alloc(3 * MiB + 17);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 255;
    writeFileSync(file, data);
    const body = multipartBody([['segment_index', '3']], {
      name: 'media',
      source: { path: file, start: 1000, end: 1000 + 2 * MiB + 5 },
    });
    const parts: Buffer[] = [];
    await body.writeTo((c) => (parts.push(Buffer.from(c)), Promise.resolve()));
    const all = Buffer.concat(parts);
    expect(all.length).toBe(body.length);
    const parsed = parseMultipart(all, body.contentType);
    expect(parsed.map((p) => p.name)).toEqual(['segment_index', 'media']);
    expect(parsed[0]?.data.toString()).toBe('3');
    expect(parsed[1]?.data.equals(data.subarray(1000, 1000 + 2 * MiB + 5))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
