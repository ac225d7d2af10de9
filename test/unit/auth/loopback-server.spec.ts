import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startLoopbackServer } from '../../../main/services/auth/loopback-server.ts';

const canListen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

describe('loopback redirect server', () => {
  it('hands over the first /callback request, answers the tab, then refuses more', async () => {
    const server = await startLoopbackServer({ port: 0, timeoutMs: 60_000 });
    expect(server.redirectUri).toBe(`http://127.0.0.1:${server.port}/callback`);
    const stray = await fetch(`http://127.0.0.1:${server.port}/favicon.ico`);
    expect(stray.status).toBe(404);
    const browser = fetch(`${server.redirectUri}?code=abc&state=xyz`);
    const cb = await server.callback;
    expect(cb.url.searchParams.get('code')).toBe('abc');
    cb.respond(true, 'You can close this tab & go back.');
    const page = await browser;
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('You can close this tab &#38; go back.');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const again = await fetch(`${server.redirectUri}?code=second`);
    expect(again.status).toBe(404);
    await server.close();
    expect(await canListen(server.port)).toBe(true);
  });

  it('times out, and the port is free again afterwards', async () => {
    const server = await startLoopbackServer({ port: 0, timeoutMs: 20 });
    await expect(server.callback).rejects.toMatchObject({ code: 'auth.timeout' });
    await server.close();
    expect(await canListen(server.port)).toBe(true);
  });

  it('stops on abort with auth.cancelled', async () => {
    const ac = new AbortController();
    const server = await startLoopbackServer({ port: 0, timeoutMs: 60_000, signal: ac.signal });
    ac.abort();
    await expect(server.callback).rejects.toMatchObject({ code: 'auth.cancelled' });
    await server.close();
    expect(await canListen(server.port)).toBe(true);
  });

  it('explains a busy registered port', async () => {
    const first = await startLoopbackServer({ port: 0, timeoutMs: 60_000 });
    await expect(startLoopbackServer({ port: first.port, timeoutMs: 60_000 })).rejects.toMatchObject({
      code: 'auth.port_in_use',
    });
    await first.close();
  });
});
