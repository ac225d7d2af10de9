// The emulator's in-memory world: credentials, media sessions, associations, posts, the request
// log and the knobs tests turn (processing delays, expiry, rate limits).
import { createHash, type Hash } from 'node:crypto';

export interface EmulatorUser {
  id: string;
  username: string;
}

export interface OAuth2Token {
  userId: string;
  scopes: string[];
  /** Epoch ms. */
  expiresAt: number;
}

export interface OAuth1Token {
  secret: string;
  userId: string;
  consumerKey: string;
}

export type ProcessingState = 'pending' | 'in_progress' | 'succeeded' | 'failed';

export interface ProcessingError {
  code: number;
  name: string;
  message: string;
}

export interface MediaSession {
  id: string;
  mediaKey: string;
  userId: string;
  dialect: 'v2' | 'v1.1';
  mediaType: string;
  category: string | undefined;
  totalBytes: number;
  createdAt: number;
  expiresAt: number;
  /** Segments received, by index, with their sizes (bytes are hashed or kept, not both required). */
  segments: Map<number, number>;
  /** Segment bytes waiting for their turn in the running hash (out-of-order arrivals). */
  pending: Map<number, Buffer>;
  nextToHash: number;
  hash: Hash;
  hashedBytes: number;
  /** The reassembled bytes when kept (small files; always for subtitles). */
  chunks: Buffer[] | null;
  finalized: boolean;
  sha256?: string;
  size?: number;
  processing?: {
    state: ProcessingState;
    progress: number;
    /** Epoch ms before which a STATUS poll is early. */
    checkAfter: number;
    step: number;
    error?: ProcessingError;
  };
  /** Alt text set with POST /2/media/metadata. */
  altText?: string;
  /** language code → subtitle association. */
  subtitles: Map<string, { id: string; languageCode: string; displayName: string }>;
}

export interface PostRecord {
  id: string;
  text: string;
  mediaIds: string[];
  mediaKeys: string[];
  title?: string;
  description?: string;
  userId: string;
  at: number;
}

export interface RequestLogEntry {
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  route: string;
  status: number;
  auth: 'oauth1' | 'oauth2' | 'none' | 'invalid';
  contentType: string | undefined;
  bodyBytes: number;
  /** For APPEND: the segment index and media bytes. */
  segmentIndex?: number;
  mediaId?: string;
  segmentBytes?: number;
}

export interface EmulatorConfig {
  /** check_after_secs returned while processing. */
  checkAfterSecs: number;
  /** STATUS polls spent in_progress before succeeding. */
  processingSteps: number;
  /** Upload categories that are processed asynchronously (FINALIZE returns processing_info). */
  processedCategories: string[];
  expiresAfterSecs: number;
  /** Keep reassembled bytes for uploads up to this size (bigger ones are only hashed). */
  keepBytesUpTo: number;
  /** Per-route request budget per 15-minute window (X's published per-user limits). */
  rateLimits: Record<string, number>;
  /** Accepted clock skew for oauth_timestamp, seconds. */
  timestampSkewSecs: number;
  /** Length of a rate-limit window (X's is 15 minutes; tests shorten it). */
  rateWindowSecs: number;
  /** v2 APPEND segments above this many bytes get an empty-body 413 (clients see it at 5 MiB). */
  maxSegmentBytes: number;
  /** When set, POST /2/tweets with a video answers X's 403 "not allowed to post a video longer than N minutes". */
  maxPostVideoMinutes: number | null;
}

export const DEFAULT_RATE_LIMITS: Record<string, number> = {
  upload: 1875,
  status: 1000,
  subtitles: 100,
  posts: 100,
  metadata: 500,
  timeline: 900,
};

export interface EmulatorState {
  users: Map<string, EmulatorUser>;
  consumers: Map<string, string>;
  oauth1Tokens: Map<string, OAuth1Token>;
  oauth2Tokens: Map<string, OAuth2Token>;
  /** App-only bearer tokens: X refuses them for media and posts. */
  appTokens: Set<string>;
  nonces: Set<string>;
  media: Map<string, MediaSession>;
  posts: PostRecord[];
  requests: RequestLogEntry[];
  /** Protocol violations the emulator noticed but answered anyway (e.g. a STATUS poll before check_after_secs). */
  violations: string[];
  rate: Map<string, { remaining: number; reset: number }>;
  config: EmulatorConfig;
  nextId: bigint;
  now: () => number;
  /** Called when a request for a known route arrives, before faults and handling (tests hook in here). */
  onRequestStart?: (route: string) => void;
}

export function createState(
  config: Partial<EmulatorConfig> = {},
  now: () => number = Date.now,
): EmulatorState {
  return {
    users: new Map(),
    consumers: new Map(),
    oauth1Tokens: new Map(),
    oauth2Tokens: new Map(),
    appTokens: new Set(),
    nonces: new Set(),
    media: new Map(),
    posts: [],
    requests: [],
    violations: [],
    rate: new Map(),
    config: {
      checkAfterSecs: 1,
      processingSteps: 1,
      processedCategories: ['tweet_video', 'amplify_video', 'subtitles'],
      expiresAfterSecs: 86_400,
      keepBytesUpTo: 64 * 1024 * 1024,
      rateLimits: { ...DEFAULT_RATE_LIMITS },
      timestampSkewSecs: 300,
      rateWindowSecs: 15 * 60,
      maxSegmentBytes: 4 * 1024 * 1024,
      maxPostVideoMinutes: null,
      ...config,
    },
    // 19-digit ids, larger than Number.MAX_SAFE_INTEGER like X's.
    nextId: 1880028106020515840n,
    now,
  };
}

export function mintId(state: EmulatorState): string {
  state.nextId += 7919n;
  return state.nextId.toString();
}

export function newSession(
  state: EmulatorState,
  init: {
    userId: string;
    dialect: 'v2' | 'v1.1';
    mediaType: string;
    category: string | undefined;
    totalBytes: number;
  },
): MediaSession {
  const id = mintId(state);
  const now = state.now();
  const s: MediaSession = {
    id,
    mediaKey: `${init.category === 'subtitles' ? 16 : 7}_${id}`,
    ...init,
    createdAt: now,
    expiresAt: now + state.config.expiresAfterSecs * 1000,
    segments: new Map(),
    pending: new Map(),
    nextToHash: 0,
    hash: createHash('sha256'),
    hashedBytes: 0,
    chunks: init.totalBytes <= state.config.keepBytesUpTo || init.category === 'subtitles' ? [] : null,
    finalized: false,
    subtitles: new Map(),
  };
  state.media.set(id, s);
  return s;
}

/** Stores a segment: hashes it now if it is next in order, else keeps it until its turn. */
export function storeSegment(s: MediaSession, index: number, bytes: Buffer): void {
  const previous = s.segments.get(index);
  if (previous !== undefined && index < s.nextToHash) {
    // A retried segment already folded into the hash: X replaces it; we only accept identical sizes.
    return;
  }
  s.segments.set(index, bytes.length);
  s.pending.set(index, bytes);
  for (;;) {
    const next = s.pending.get(s.nextToHash);
    if (!next) break;
    s.pending.delete(s.nextToHash);
    s.hash.update(next);
    s.hashedBytes += next.length;
    s.chunks?.push(next);
    s.nextToHash++;
  }
}

export function receivedBytes(s: MediaSession): number {
  let n = 0;
  for (const size of s.segments.values()) n += size;
  return n;
}

export function mediaBytes(s: MediaSession): Buffer | null {
  return s.chunks ? Buffer.concat(s.chunks) : null;
}
