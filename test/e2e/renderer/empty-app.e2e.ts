import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

// Serves the built renderer on loopback (the shell issue replaces this with the full harness).
const root = join(import.meta.dirname, '../../../out/renderer');
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
let server: Server;
let base = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const rel = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^\/+/,
      '',
    );
    const file = rel || 'index.html';
    readFile(join(root, file)).then(
      (body) =>
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

test('the empty window invites a drop', async ({ page }) => {
  await page.goto(base);
  await expect(page.getByRole('heading', { name: 'Cueline' })).toBeVisible();
  await expect(page.getByText(/drop a video/i)).toBeVisible();
});
