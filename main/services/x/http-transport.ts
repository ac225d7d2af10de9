// Every request to X goes out here, over node:http(s): JSON and form requests, and uploads streamed
// from the file (each body chunk is written only after the previous one reached the kernel, so the
// uploader's two read buffers can be reused safely and memory stays flat for any file size).
// One HTTP stack: with fetch beside it for the small requests, the CLI also loaded undici, whose
// WebAssembly HTTP parser V8 recompiled in the middle of a 1 GiB upload (a ~15 MB spike in the
// process's peak memory). Keep-alive agents reuse connections.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { StreamBody } from './multipart.ts';

const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 4 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 4 });

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * Sends one request and reads the whole answer as text. `body`: none, a string (sent as UTF-8 with
 * its length), or a streamed body. Fails as fetch does: with the signal's reason once it is aborted,
 * else a TypeError('fetch failed') whose cause is the network error (ECONNREFUSED, ECONNRESET…).
 */
export function send(
  href: string,
  method: string,
  headers: Record<string, string>,
  body: StreamBody | string | undefined,
  signal?: AbortSignal,
): Promise<HttpAnswer> {
  const url = new URL(href);
  const secure = url.protocol === 'https:';
  const request = secure ? httpsRequest : httpRequest;
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : undefined;
  const allHeaders = bytes !== undefined ? { ...headers, 'content-length': String(bytes.length) } : headers;
  return new Promise((resolve, reject) => {
    let settled = false;
    // `network`: the connection failed (wrapped as fetch wraps it); else the body's own error
    // (a file that shrank while it was read) goes up as it is.
    const fail = (err: unknown, network = true): void => {
      if (settled) return;
      settled = true;
      if (signal?.aborted) reject(signal.reason);
      else if (network) reject(new TypeError('fetch failed', { cause: err }));
      else reject(err instanceof Error ? err : new Error(String(err)));
    };
    if (signal?.aborted) return fail(signal.reason);
    const req = request(url, {
      method,
      headers: allHeaders,
      agent: secure ? httpsAgent : httpAgent,
      ...(signal ? { signal } : {}),
    });
    req.on('error', fail);
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', fail);
      res.on('close', () => {
        if (!res.complete) fail(new Error('the connection closed before the answer was complete'));
      });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          if (Array.isArray(v)) for (const x of v) h.append(k, x);
          else if (v !== undefined) h.set(k, v);
        }
        resolve({ status: res.statusCode ?? 0, headers: h, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    if (typeof body !== 'object') {
      req.end(bytes);
      return;
    }
    const write = (chunk: Uint8Array): Promise<void> =>
      new Promise((ok, ko) => {
        if (req.destroyed) return ko(new Error('request closed'));
        req.write(chunk, (err) => (err ? ko(err) : ok()));
      });
    body.writeTo(write).then(
      () => req.end(),
      (err: unknown) => {
        fail(err, false);
        req.destroy(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
