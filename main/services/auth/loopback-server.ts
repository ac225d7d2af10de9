// One-shot HTTP server on 127.0.0.1 that receives the OAuth redirect (RFC 8252 §7.3: a loopback IP
// literal, not "localhost", which X also asks for). It answers exactly one /callback request, then
// closes; a timeout or an abort closes it too, so nothing is left listening.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CuelineError } from '../../../shared/errors.ts';

export interface LoopbackCallback {
  /** The full redirect URL, with `code`/`state` or `error`. */
  url: URL;
  /** Answers the browser tab; call once the sign-in has succeeded or failed. */
  respond(ok: boolean, message: string): void;
}

export interface LoopbackServer {
  readonly port: number;
  readonly redirectUri: string;
  /** Resolves on the first request to the callback path; rejects on timeout or abort. */
  readonly callback: Promise<LoopbackCallback>;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  port: number;
  path?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, status: number, title: string, message: string): void {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family: system-ui, sans-serif; margin: 3rem"><h1>${escapeHtml(title)}</h1>` +
    `<p>${escapeHtml(message)}</p></body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    connection: 'close',
  });
  res.end(html);
}

export async function startLoopbackServer(o: LoopbackOptions): Promise<LoopbackServer> {
  const path = o.path ?? '/callback';
  if (o.signal?.aborted) throw new CuelineError('auth.cancelled', 'Sign-in was cancelled.');
  let settle: { resolve: (c: LoopbackCallback) => void; reject: (e: Error) => void } | undefined;
  const callback = new Promise<LoopbackCallback>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Nobody may be awaiting yet when a timeout fires; the caller still sees it through `callback`.
  callback.catch(() => undefined);
  let answered = false;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (req.method !== 'GET' || url.pathname !== path || answered) {
      page(res, 404, 'Not found', 'Nothing here.');
      return;
    }
    answered = true;
    let done = false;
    settle?.resolve({
      url,
      respond(ok, message) {
        if (done) return;
        done = true;
        page(res, ok ? 200 : 400, ok ? 'Signed in to Cueline' : 'Sign-in failed', message);
      },
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new CuelineError(
              'auth.port_in_use',
              `Port ${o.port} on 127.0.0.1 is in use, so Cueline can't receive X's redirect. Close what uses it, or register another port in your X app (http://127.0.0.1:<port>/callback)`,
              { port: o.port },
              { hint: 'auth.setup', what: 'redirect_port' },
            )
          : err,
      );
    });
    server.listen(o.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      server.close(() => resolve());
      // A browser keeps connections alive; don't let them hold the port.
      server.closeAllConnections();
    });
    return closed;
  };
  const fail = (err: CuelineError): void => {
    settle?.reject(err);
    void close();
  };
  const timer = setTimeout(
    () => fail(new CuelineError('auth.timeout', 'Sign-in timed out: no answer came back from the browser.')),
    o.timeoutMs,
  );
  const onAbort = (): void => fail(new CuelineError('auth.cancelled', 'Sign-in was cancelled.'));
  o.signal?.addEventListener('abort', onAbort, { once: true });

  return { port, redirectUri: `http://127.0.0.1:${port}${path}`, callback, close };
}
