// Upload sessions, processing, subtitle associations and posts, shared by the v2 and v1.1 routes.
import { badRequest, HttpError, notFound } from './http-util.ts';
import { checkSubtitleFile } from './subtitle-check.ts';
import {
  mediaBytes,
  newSession,
  receivedBytes,
  storeSegment,
  type EmulatorState,
  type MediaSession,
  type ProcessingError,
} from './state.ts';

export const VIDEO_TYPES = ['video/mp4', 'video/webm', 'video/mp2t', 'video/quicktime'];
export const SUBTITLE_TYPES = ['text/srt', 'text/vtt'];
/** Subtitles endpoints use CamelCase categories; uploads use snake_case. */
export const SUBTITLE_TARGET: Record<string, string> = {
  TweetVideo: 'tweet_video',
  AmplifyVideo: 'amplify_video',
};

export function initUpload(
  state: EmulatorState,
  userId: string,
  dialect: 'v2' | 'v1.1',
  p: { mediaType: string; totalBytes: number; category: string | undefined },
): MediaSession {
  if (p.category === 'subtitles' && !SUBTITLE_TYPES.includes(p.mediaType))
    throw badRequest(`media_type ${p.mediaType} is not valid for media_category subtitles.`);
  if ((p.category === 'tweet_video' || p.category === 'amplify_video') && !VIDEO_TYPES.includes(p.mediaType))
    throw badRequest(`media_type ${p.mediaType} is not valid for media_category ${p.category}.`);
  return newSession(state, { userId, dialect, ...p });
}

export function getSession(state: EmulatorState, userId: string, id: string): MediaSession {
  const s = state.media.get(id);
  if (!s || s.userId !== userId) throw notFound(`Media id ${id} was not found.`);
  if (s.expiresAt <= state.now()) throw badRequest(`Media id ${id} has expired.`, 324);
  return s;
}

export function appendSegment(
  state: EmulatorState,
  userId: string,
  id: string,
  index: number,
  bytes: Buffer,
  maxSegmentBytes: number,
): MediaSession {
  const s = getSession(state, userId, id);
  if (s.finalized) throw badRequest(`Media id ${id} is already finalized.`);
  if (!Number.isInteger(index) || index < 0 || index > 999)
    throw badRequest('segment_index must be an integer between 0 and 999.');
  if (bytes.length === 0) throw badRequest('Segment is empty.');
  if (bytes.length > maxSegmentBytes)
    throw badRequest(`Segment of ${bytes.length} bytes exceeds ${maxSegmentBytes} bytes.`);
  storeSegment(s, index, bytes);
  if (receivedBytes(s) > s.totalBytes)
    throw badRequest(`Received ${receivedBytes(s)} bytes, more than total_bytes ${s.totalBytes}.`);
  return s;
}

export function finalizeUpload(
  state: EmulatorState,
  userId: string,
  id: string,
  failWith: ProcessingError | undefined,
): MediaSession {
  const s = getSession(state, userId, id);
  if (s.finalized) return s; // idempotent: a retried FINALIZE sees the same session
  const n = s.segments.size;
  for (let i = 0; i < n; i++) if (!s.segments.has(i)) throw badRequest(`Segment ${i} is missing.`);
  const total = receivedBytes(s);
  if (total !== s.totalBytes)
    throw badRequest(`File size mismatch: received ${total} bytes, total_bytes was ${s.totalBytes}.`);
  s.finalized = true;
  s.sha256 = s.hash.digest('hex');
  s.size = total;
  if (s.category && state.config.processedCategories.includes(s.category)) {
    s.processing = {
      state: 'pending',
      progress: 0,
      checkAfter: state.now() + state.config.checkAfterSecs * 1000,
      step: 0,
      ...(failWith ? { error: failWith } : {}),
    };
  }
  return s;
}

/** A STATUS poll: advances processing one step, noting polls that came before check_after_secs. */
export function pollStatus(state: EmulatorState, userId: string, id: string): MediaSession {
  const s = getSession(state, userId, id);
  if (!s.finalized) throw badRequest(`Media id ${id} is not finalized.`);
  const p = s.processing;
  if (!p || p.state === 'succeeded' || p.state === 'failed') return s;
  const now = state.now();
  if (now < p.checkAfter) {
    state.violations.push(`STATUS for ${id} polled ${p.checkAfter - now} ms before check_after_secs elapsed`);
    return s;
  }
  p.step++;
  if (p.step > state.config.processingSteps) {
    if (p.error) {
      p.state = 'failed';
    } else {
      p.state = 'succeeded';
      p.progress = 100;
    }
  } else {
    p.state = 'in_progress';
    p.progress = Math.round((100 * p.step) / (state.config.processingSteps + 1));
    p.checkAfter = now + state.config.checkAfterSecs * 1000;
  }
  return s;
}

/** Media usable in a post or an association: finalized, processed, not expired. */
export function usableMedia(state: EmulatorState, userId: string, id: string, what: string): MediaSession {
  const s = getSession(state, userId, id);
  if (!s.finalized) throw badRequest(`${what} ${id} is not finalized.`);
  if (s.processing && s.processing.state !== 'succeeded')
    throw badRequest(`${what} ${id} is not ready: processing state ${s.processing.state}.`);
  return s;
}

export function associate(
  state: EmulatorState,
  userId: string,
  videoId: string,
  category: string,
  sub: { id: string; languageCode: string; displayName: string },
): MediaSession {
  const target = SUBTITLE_TARGET[category];
  if (!target) throw badRequest(`media_category must be TweetVideo or AmplifyVideo, got ${category}.`);
  if (!/^[A-Z]{2}$/.test(sub.languageCode))
    throw badRequest(`language_code ${JSON.stringify(sub.languageCode)} does not match ^[A-Z]{2}$.`);
  const video = usableMedia(state, userId, videoId, 'Video media id');
  if (video.category !== target)
    throw badRequest(
      `media_category ${category} does not match the video's upload category ${video.category ?? 'none'}.`,
    );
  const srt = usableMedia(state, userId, sub.id, 'Subtitle media id');
  if (srt.category !== 'subtitles')
    throw badRequest(`Media id ${sub.id} was not uploaded with media_category subtitles.`);
  const bytes = mediaBytes(srt);
  const problem = bytes ? checkSubtitleFile(bytes, srt.mediaType) : 'Subtitle bytes unavailable.';
  if (problem) throw new HttpError(400, 'Invalid Request', `Invalid subtitle file: ${problem}`, 324);
  // Re-associating a language replaces the previous track (idempotent).
  video.subtitles.set(sub.languageCode, sub);
  return video;
}

export function dissociate(
  state: EmulatorState,
  userId: string,
  videoId: string,
  category: string,
  languageCode: string,
): void {
  if (!SUBTITLE_TARGET[category])
    throw badRequest(`media_category must be TweetVideo or AmplifyVideo, got ${category}.`);
  const s = state.media.get(videoId);
  if (!s || s.userId !== userId) throw notFound(`Media id ${videoId} was not found.`);
  if (!s.subtitles.delete(languageCode))
    throw notFound(`No subtitles with language_code ${languageCode} on media ${videoId}.`);
}

export function processingInfo(state: EmulatorState, s: MediaSession): Record<string, unknown> | undefined {
  const p = s.processing;
  if (!p) return undefined;
  const info: Record<string, unknown> = { state: p.state };
  if (p.state === 'pending' || p.state === 'in_progress') {
    info['check_after_secs'] = Math.max(0, Math.ceil((p.checkAfter - state.now()) / 1000));
  }
  if (p.state !== 'pending') info['progress_percent'] = p.progress;
  if (p.state === 'failed' && p.error) info['error'] = p.error;
  return info;
}
