import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange, serveFileRange } from '../../../main/services/workspace/media-range.ts';

describe('parseRange', () => {
  it('reads the three forms of a byte range', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseRange('bytes=500-', 1000)).toEqual({ kind: 'partial', start: 500, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ kind: 'partial', start: 0, end: 999 });
  });

  it('is unsatisfiable past the end, and for an empty suffix', () => {
    expect(parseRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=2000-3000', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('serves the whole file for what it does not handle', () => {
    for (const h of [undefined, null, '', 'bytes=0-1,5-6', 'items=0-5', 'bytes=5-1', 'bytes=-', 'bytes=a-b'])
      expect(parseRange(h, 1000), String(h)).toEqual({ kind: 'full' });
  });

  it('always yields a range inside the file', () => {
    fc.assert(
      fc.property(
        fc.nat(1e9),
        fc.option(fc.nat(2e9), { nil: undefined }),
        fc.option(fc.nat(2e9), { nil: undefined }),
        (size, a, b) => {
          const r = parseRange(`bytes=${a ?? ''}-${b ?? ''}`, size);
          if (r.kind === 'partial') {
            expect(r.start).toBeGreaterThanOrEqual(0);
            expect(r.end).toBeLessThan(size);
            expect(r.start).toBeLessThanOrEqual(r.end);
          }
        },
      ),
    );
  });
});

describe('serveFileRange', () => {
  let dir = '';
  let file = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cueline-range-'));
    file = join(dir, 'v.mp4');
    await writeFile(file, '0123456789');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('answers 206 with Content-Range and exactly the bytes asked for', async () => {
    const r = await serveFileRange(file, 'bytes=2-5');
    expect(r.status).toBe(206);
    expect(r.headers).toMatchObject({
      'content-range': 'bytes 2-5/10',
      'content-length': '4',
      'accept-ranges': 'bytes',
      'content-type': 'video/mp4',
    });
    expect(await text(r.body!)).toBe('2345');
  });

  it('answers 200 with the whole file without a Range', async () => {
    const r = await serveFileRange(file, undefined);
    expect(r.status).toBe(200);
    expect(r.headers['content-length']).toBe('10');
    expect(await text(r.body!)).toBe('0123456789');
  });

  it('answers 416 with the size past the end, and 404 for a missing file', async () => {
    const r = await serveFileRange(file, 'bytes=10-');
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe('bytes */10');
    expect(r.body).toBeNull();
    expect((await serveFileRange(join(dir, 'gone.mp4'), null)).status).toBe(404);
  });
});
