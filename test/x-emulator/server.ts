// A local X: the v2 and v1.1 media upload, subtitles and post endpoints on 127.0.0.1, with
// OAuth 1.0a / bearer checks, request-schema validation, chunk rules, processing states,
// rate-limit headers, a request log and fault injection. One server answers for both hosts
// (apiBase and uploadBase point at it).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './auth.ts';
import { Faults, type FaultAction } from './faults.ts';
import { v1SubtitlesCreate, v1SubtitlesDelete, v1Upload } from './handlers-v1.ts';
import {
  v2Append,
  v2CreatePost,
  v2Finalize,
  v2Initialize,
  v2Metadata,
  v2Status,
  v2UserPosts,
  v2SubtitlesCreate,
  v2SubtitlesDelete,
  type HandlerInput,
  type HandlerOutput,
} from './handlers-v2.ts';
import {
  HttpError,
  parseMultipart,
  readBody,
  sendEmpty,
  sendJson,
  sendProblem,
  sendV1Error,
  type MultipartPart,
} from './http-util.ts';
import { createOAuthState, oauthRoutes, type OAuthEmulatorState } from './oauth.ts';
import { routeFor, type RouteInfo } from './routes.ts';
import { createState, type EmulatorConfig, type EmulatorState, type RequestLogEntry } from './state.ts';

export interface RouteContext {
  state: EmulatorState;
  url: URL;
  readBody(): Promise<Buffer>;
  sendJson: typeof sendJson;
  sendProblem: typeof sendProblem;
  sendV1Error: typeof sendV1Error;
  HttpError: typeof HttpError;
  /** Adds an entry to the request log. */
  log(route: string, status: number): void;
}

export type ExtraRoute = (req: IncomingMessage, res: ServerResponse, ctx: RouteContext) => Promise<boolean>;

export interface EmulatorOptions {
  port?: number;
  host?: string;
  config?: Partial<EmulatorConfig>;
  extraRoutes?: ExtraRoute[];
  /** Sign-in endpoints' knobs (consent approve/deny, granted scopes, code life). */
  oauth?: Partial<OAuthEmulatorState>;
  now?: () => number;
}

export interface EmulatorCredentials {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessTokenSecret: string;
  /** OAuth 2.0 user token with media.write tweet.read tweet.write users.read offline.access. */
  bearerToken: string;
}

export interface Emulator {
  url: string;
  apiBase: string;
  uploadBase: string;
  credentials: EmulatorCredentials;
  state: EmulatorState;
  faults: Faults;
  /** The sign-in endpoints' state (oauth.ts), mounted after extraRoutes. */
  oauth: OAuthEmulatorState;
  /** Mints another OAuth 2.0 user token with these scopes. */
  mintBearer(scopes: string[], ttlSecs?: number): string;
  /** Mints an app-only bearer token (refused by the media and post endpoints). */
  mintAppToken(): string;
  /** Env lines for the CLI (OAuth 1.0a by default). */
  env(auth?: 'oauth1' | 'oauth2'): Record<string, string>;
  close(): Promise<void>;
}

const MAX_BODY = 32 * 1024 * 1024;

const secret = (n = 24): string => randomBytes(n).toString('base64url');

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const state = createState(opts.config, opts.now);
  const faults = new Faults();
  const oauth = createOAuthState(opts.oauth);
  const routes = [...(opts.extraRoutes ?? []), oauthRoutes(oauth)];
  const userId = '1500000000000000001';
  state.users.set(userId, { id: userId, username: 'cueline_test' });
  const credentials: EmulatorCredentials = {
    consumerKey: secret(12),
    consumerSecret: secret(),
    accessToken: `${userId}-${secret(16)}`,
    accessTokenSecret: secret(),
    bearerToken: secret(32),
  };
  state.consumers.set(credentials.consumerKey, credentials.consumerSecret);
  state.oauth1Tokens.set(credentials.accessToken, {
    secret: credentials.accessTokenSecret,
    userId,
    consumerKey: credentials.consumerKey,
  });
  const mintBearer = (scopes: string[], ttlSecs = 7200): string => {
    const t = secret(32);
    state.oauth2Tokens.set(t, { userId, scopes, expiresAt: state.now() + ttlSecs * 1000 });
    return t;
  };
  state.oauth2Tokens.set(credentials.bearerToken, {
    userId,
    scopes: ['media.write', 'tweet.read', 'tweet.write', 'users.read', 'offline.access'],
    expiresAt: state.now() + 2 * 3600 * 1000,
  });

  const log = (e: Omit<RequestLogEntry, 'at'> & { at?: number }): void => {
    state.requests.push({ at: e.at ?? state.now(), ...e });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { title: 'Internal Error', detail: String(err), status: 500 });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = state.now();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://emulator');
    const contentType = req.headers['content-type'] ?? '';
    let bodyPromise: Promise<Buffer> | null = null;
    const lazyBody = (): Promise<Buffer> => (bodyPromise ??= readBody(req, MAX_BODY));
    const baseOf = (bytes: number): Omit<RequestLogEntry, 'route' | 'status' | 'auth'> => ({
      at,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      contentType: contentType || undefined,
      bodyBytes: bytes,
    });
    for (const route of routes) {
      const ctx: RouteContext = {
        state,
        url,
        readBody: lazyBody,
        sendJson,
        sendProblem,
        sendV1Error,
        HttpError,
        log: (name, status) => log({ ...baseOf(0), route: name, status, auth: 'none' }),
      };
      if (await route(req, res, ctx)) return;
    }
    let body: Buffer;
    try {
      body = await lazyBody();
    } catch (err) {
      if (err instanceof HttpError) return sendProblem(res, err);
      throw err;
    }
    if (process.env['EMULATOR_TIMING'])
      process.stderr.write(`body ${body.length} after ${state.now() - at} ms\n`);
    const base = baseOf(body.length);
    let form: URLSearchParams | null = null;
    let parts: MultipartPart[] | null = null;
    const v1 = url.pathname.startsWith('/1.1/');
    const fail = (err: HttpError, route: string, auth: RequestLogEntry['auth'] = 'none'): void => {
      log({ ...base, route, status: err.status, auth });
      if (v1) sendV1Error(res, err);
      else sendProblem(res, err);
    };
    try {
      if (/^application\/x-www-form-urlencoded/i.test(contentType))
        form = new URLSearchParams(body.toString('utf8'));
      if (/^multipart\/form-data/i.test(contentType)) parts = parseMultipart(body, contentType);
    } catch (err) {
      if (err instanceof HttpError) return fail(err, 'malformed');
      throw err;
    }
    const formCommand =
      form?.get('command') ?? parts?.find((p) => p.name === 'command')?.data.toString('utf8');
    const route = routeFor(method, url.pathname, url.searchParams, formCommand ?? undefined);
    if (!route)
      return fail(
        new HttpError(404, 'Not Found Error', `No route for ${method} ${url.pathname}.`, 34),
        'unknown',
      );

    state.onRequestStart?.(route.name);
    let failWith: HandlerInput['failWith'];
    let dropAfter = false;
    const segmentField =
      parts?.find((p) => p.name === 'segment_index')?.data.toString('utf8') ??
      form?.get('segment_index') ??
      undefined;
    const segmentIndex =
      segmentField !== undefined && /^\d+$/.test(segmentField.trim()) ? Number(segmentField) : undefined;
    for (const action of faults.take(route.name, segmentIndex)) {
      const done = await applyFault(action, route, res, req);
      if (done !== null) {
        log({ ...base, route: route.name, status: done, auth: 'none' });
        return;
      }
      if (action.kind === 'processing_failure') failWith = action.error;
      if (action.kind === 'drop_after') dropAfter = true;
    }

    let auth: { method: 'oauth1' | 'oauth2'; userId: string };
    try {
      auth = authenticate(state, req, body, { scopes: route.scopes, oauth1Only: route.dialect === 'v1.1' });
    } catch (err) {
      if (err instanceof HttpError) return fail(err, route.name, 'invalid');
      throw err;
    }
    const limited = rateLimit(route, auth.userId, res);
    if (limited) return fail(limited, route.name, auth.method);

    const input: HandlerInput = {
      state,
      userId: auth.userId,
      contentType,
      body,
      query: url.searchParams,
      form,
      parts,
      ...(route.id !== undefined ? { id: route.id } : {}),
      ...(failWith ? { failWith } : {}),
    };
    let out: HandlerOutput;
    try {
      out = dispatch(route, input, method);
    } catch (err) {
      if (err instanceof HttpError) return fail(err, route.name, auth.method);
      throw err;
    }
    log({
      ...base,
      route: route.name,
      status: dropAfter ? 0 : out.status,
      auth: auth.method,
      ...(out.segmentIndex !== undefined ? { segmentIndex: out.segmentIndex } : {}),
      ...(out.segmentBytes !== undefined ? { segmentBytes: out.segmentBytes } : {}),
      ...(out.mediaId !== undefined ? { mediaId: out.mediaId } : {}),
    });
    if (dropAfter) {
      req.socket.destroy();
      return;
    }
    if (out.empty) sendEmpty(res, out.status);
    else sendJson(res, out.status, out.json, out.raw);
  }

  function dispatch(route: RouteInfo, input: HandlerInput, method: string): HandlerOutput {
    switch (route.name) {
      case 'v2.initialize':
        return v2Initialize(input);
      case 'v2.append':
        return v2Append(input);
      case 'v2.finalize':
        return v2Finalize(input);
      case 'v2.status':
        return v2Status(input);
      case 'v2.subtitles.create':
        return v2SubtitlesCreate(input);
      case 'v2.subtitles.delete':
        return v2SubtitlesDelete(input);
      case 'v2.tweets.create':
        return v2CreatePost(input);
      case 'v2.metadata':
        return v2Metadata(input);
      case 'v2.users.tweets':
        return v2UserPosts(input);
      case 'v1.subtitles.create':
        return v1SubtitlesCreate(input);
      case 'v1.subtitles.delete':
        return v1SubtitlesDelete(input);
      case 'v2.upload':
        throw new HttpError(
          400,
          'Invalid Request',
          'One-shot upload is not emulated; use the chunked endpoints.',
          324,
        );
      default:
        if (route.dialect === 'v1.1') return v1Upload(input, method);
        throw new HttpError(404, 'Not Found Error', `No route ${route.name}.`, 34);
    }
  }

  /** Applies a fault; returns the logged status when the fault answered (0 = connection dropped). */
  async function applyFault(
    action: FaultAction,
    route: RouteInfo,
    res: ServerResponse,
    req: IncomingMessage,
  ): Promise<number | null> {
    const v1 = route.dialect === 'v1.1';
    switch (action.kind) {
      case 'latency':
        await new Promise((r) => setTimeout(r, action.ms));
        return null;
      case 'hold':
        await action.until.catch(() => undefined);
        return null;
      case 'drop':
        req.socket.destroy();
        return 0;
      case 'status': {
        const err = new HttpError(
          action.status,
          action.status >= 500 ? 'Service Unavailable' : 'Error',
          action.detail ?? (action.status === 503 ? 'Service Unavailable' : `Injected ${action.status}`),
          action.status >= 500 ? 131 : 0,
        );
        if (action.empty) sendEmpty(res, action.status);
        else if (action.body !== undefined) sendJson(res, action.status, action.body);
        else if (v1) sendV1Error(res, err);
        else sendProblem(res, err);
        return action.status;
      }
      case 'rate_limit': {
        const reset = Math.floor(state.now() / 1000) + action.resetInSecs;
        res.setHeader('x-rate-limit-limit', String(state.config.rateLimits[route.bucket] ?? 0));
        res.setHeader('x-rate-limit-remaining', '0');
        res.setHeader('x-rate-limit-reset', String(reset));
        const err = new HttpError(429, 'Too Many Requests', 'Too Many Requests', 88);
        if (v1) sendV1Error(res, err);
        else sendProblem(res, err);
        return 429;
      }
      default:
        return null;
    }
  }

  function rateLimit(route: RouteInfo, user: string, res: ServerResponse): HttpError | null {
    const limit = state.config.rateLimits[route.bucket];
    if (limit === undefined) return null;
    const key = `${user}:${route.bucket}`;
    const nowSecs = Math.floor(state.now() / 1000);
    let b = state.rate.get(key);
    if (!b || b.reset <= nowSecs) {
      b = { remaining: limit, reset: nowSecs + state.config.rateWindowSecs };
      state.rate.set(key, b);
    }
    res.setHeader('x-rate-limit-limit', String(limit));
    res.setHeader('x-rate-limit-reset', String(b.reset));
    if (b.remaining <= 0) {
      res.setHeader('x-rate-limit-remaining', '0');
      return new HttpError(429, 'Too Many Requests', 'Too Many Requests', 88);
    }
    b.remaining--;
    res.setHeader('x-rate-limit-remaining', String(b.remaining));
    return null;
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const addr = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${addr.port}`;
  return {
    url,
    apiBase: url,
    uploadBase: url,
    credentials,
    state,
    faults,
    oauth,
    mintBearer,
    mintAppToken: () => {
      const t = secret(32);
      state.appTokens.add(t);
      return t;
    },
    env: (auth = 'oauth1') => ({
      CUELINE_X_API_BASE: url,
      CUELINE_X_UPLOAD_BASE: url,
      ...(auth === 'oauth1'
        ? {
            X_CONSUMER_KEY: credentials.consumerKey,
            X_CONSUMER_SECRET: credentials.consumerSecret,
            X_ACCESS_TOKEN: credentials.accessToken,
            X_ACCESS_TOKEN_SECRET: credentials.accessTokenSecret,
          }
        : { X_OAUTH2_ACCESS_TOKEN: credentials.bearerToken }),
    }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
