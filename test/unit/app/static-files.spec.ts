import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInside, serveStatic } from '../../../main/app/protocol/static-files.ts';

describe('resolveInside', () => {
  const root = join(sep, 'srv', 'out', 'renderer');
  it('keeps paths inside the root', () => {
    expect(resolveInside(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveInside(root, '/assets/a.js')).toBe(join(root, 'assets', 'a.js'));
    expect(resolveInside(root, '/assets/../index.html')).toBe(join(root, 'index.html'));
  });

  it('refuses escapes, including a sibling that shares the prefix', () => {
    for (const p of [
      '/../main/index.js',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/../renderer-evil/x.js',
      '/assets/%2e%2e%2f%2e%2e%2fsecret',
      '/a%00b',
      '/%E0%A4%A',
    ])
      expect(resolveInside(root, p), p).toBeNull();
  });
});

describe('serveStatic', () => {
  let root = '';
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-static-'));
    root = join(dir, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<h1>x</h1>');
    await writeFile(join(root, 'assets', 'a.js'), '1');
    await writeFile(join(dir, 'secret.txt'), 'no');
  });
  afterAll(() => rm(join(root, '..'), { recursive: true, force: true }));

  it('serves files with the CSP header and nosniff', async () => {
    const r = await serveStatic(root, '/', "default-src 'self'");
    expect(r.status).toBe(200);
    expect(r.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'self'",
      'x-content-type-options': 'nosniff',
    });
    expect((await serveStatic(root, '/assets/a.js', '')).headers['content-type']).toMatch(/javascript/);
  });

  it('answers 403 outside the root and 404 for what is missing', async () => {
    expect((await serveStatic(root, '/../secret.txt', '')).status).toBe(403);
    expect((await serveStatic(root, '/nope.js', '')).status).toBe(404);
    expect((await serveStatic(root, '/assets', '')).status).toBe(404);
  });
});
