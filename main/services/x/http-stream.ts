// Streamed uploads over node:http(s) rather than fetch: each body chunk is written only after the
// previous one reached the kernel (the write callback), so the uploader's two read buffers can be
// reused safely and memory stays flat for any file size. Keep-alive agents reuse connections.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { StreamBody } from './multipart.ts';

const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 4 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 4 });

export async function streamedRequest(
  href: string,
  method: string,
  headers: Record<string, string>,
  body: StreamBody,
  signal: AbortSignal,
): Promise<{ res: { status: number; headers: Headers }; text: string }> {
  const url = new URL(href);
  const secure = url.protocol === 'https:';
  const request = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    const req = request(url, { method, headers, agent: secure ? httpsAgent : httpAgent, signal });
    req.on('error', (err) => fail(new TypeError('fetch failed', { cause: err })));
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (err) => fail(new TypeError('fetch failed', { cause: err })));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          if (Array.isArray(v)) for (const x of v) h.append(k, x);
          else if (v !== undefined) h.set(k, v);
        }
        resolve({
          res: { status: res.statusCode ?? 0, headers: h },
          text: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    const write = (chunk: Uint8Array): Promise<void> =>
      new Promise((ok, ko) => {
        if (req.destroyed) return ko(new Error('request closed'));
        req.write(chunk, (err) => (err ? ko(err) : ok()));
      });
    body.writeTo(write).then(
      () => req.end(),
      (err: unknown) => {
        req.destroy(err instanceof Error ? err : new Error(String(err)));
        fail(err);
      },
    );
  });
}
