// X API v1.1 on upload.twitter.com: media/upload.json INIT/APPEND/FINALIZE/STATUS and
// media/subtitles/{create,delete}.json. Ids are 64-bit: media_id is written as a bare JSON
// number (unsafe in JavaScript) next to media_id_string, as X does.
import { z } from 'zod';
import { badRequest } from './http-util.ts';
// The media store both dialects share: uploads, processing, subtitles.
import * as store from './media.ts';
import type { EmulatorState, MediaSession } from './state.ts';
import type { HandlerInput, HandlerOutput } from './handlers-v2.ts';

/** APPEND: "It must be <= 5 MB". */
export const V1_MAX_SEGMENT = 5 * 1024 * 1024;

function param(input: HandlerInput, name: string): string | undefined {
  const q = input.query.get(name);
  if (q !== null) return q;
  const f = input.form?.get(name);
  if (f !== null && f !== undefined) return f;
  const p = input.parts?.find((x) => x.name === name);
  return p ? p.data.toString('utf8') : undefined;
}

function required(input: HandlerInput, name: string): string {
  const v = param(input, name);
  if (v === undefined || v === '') throw badRequest(`Missing required parameter: ${name}.`, 38);
  return v;
}

function rawMedia(state: EmulatorState, s: MediaSession, withSize: boolean): string {
  const info = store.processingInfo(state, s);
  const fields = [
    `"media_id":${s.id}`,
    `"media_id_string":"${s.id}"`,
    `"media_key":"${s.mediaKey}"`,
    ...(withSize ? [`"size":${s.size ?? s.totalBytes}`] : []),
    `"expires_after_secs":${Math.max(0, Math.floor((s.expiresAt - state.now()) / 1000))}`,
    ...(info ? [`"processing_info":${JSON.stringify(info)}`] : []),
  ];
  return `{${fields.join(',')}}`;
}

export function v1Upload(input: HandlerInput, method: string): HandlerOutput {
  const command = required(input, 'command');
  if (method === 'GET' && command !== 'STATUS') throw badRequest('Only STATUS is allowed with GET.');
  if (method === 'POST' && command === 'STATUS') throw badRequest('STATUS must use GET.');
  switch (command) {
    case 'INIT': {
      const total = Number(required(input, 'total_bytes'));
      if (!Number.isInteger(total) || total < 0)
        throw badRequest('total_bytes must be a non-negative integer.');
      const s = store.initUpload(input.state, input.userId, 'v1.1', {
        mediaType: required(input, 'media_type'),
        totalBytes: total,
        category: param(input, 'media_category'),
      });
      return { status: 202, raw: rawMedia(input.state, s, false), mediaId: s.id };
    }
    case 'APPEND': {
      const id = required(input, 'media_id');
      const index = Number(required(input, 'segment_index'));
      const m = input.parts?.find((p) => p.name === 'media');
      const md = param(input, 'media_data');
      if (m && md !== undefined) throw badRequest('Use either media or media_data, not both.');
      const bytes = m ? m.data : md !== undefined ? Buffer.from(md, 'base64') : null;
      if (!bytes) throw badRequest('Missing required parameter: media.', 38);
      store.appendSegment(input.state, input.userId, id, index, bytes, V1_MAX_SEGMENT);
      return { status: 204, empty: true, segmentIndex: index, segmentBytes: bytes.length, mediaId: id };
    }
    case 'FINALIZE': {
      const id = required(input, 'media_id');
      const s = store.finalizeUpload(input.state, input.userId, id, input.failWith);
      return { status: 200, raw: rawMedia(input.state, s, true), mediaId: id };
    }
    case 'STATUS': {
      const id = required(input, 'media_id');
      const s = store.pollStatus(input.state, input.userId, id);
      return { status: 200, raw: rawMedia(input.state, s, false), mediaId: id };
    }
    default:
      throw badRequest(`Unknown command ${command}.`);
  }
}

const CreateBody = z.object({
  media_id: z.string().regex(/^[0-9]{1,19}$/),
  media_category: z.string(),
  subtitle_info: z.object({
    subtitles: z
      .array(
        z.object({
          media_id: z.string().regex(/^[0-9]{1,19}$/),
          language_code: z.string(),
          display_name: z.string().min(1),
        }),
      )
      .min(1),
  }),
});

const DeleteBody = z.object({
  media_id: z.string().regex(/^[0-9]{1,19}$/),
  media_category: z.string(),
  subtitle_info: z.object({ subtitles: z.array(z.object({ language_code: z.string() })).min(1) }),
});

function jsonBody(input: HandlerInput): unknown {
  // "Requests should be HTTP POST with a JSON content body, and Content-Type application/json; charset=UTF-8".
  if (!/^application\/json\b/i.test(input.contentType))
    throw badRequest(
      `Expected Content-Type application/json; charset=UTF-8, got ${input.contentType || 'none'}.`,
    );
  try {
    return JSON.parse(input.body.toString('utf8')) as unknown;
  } catch {
    throw badRequest('Request body is not valid JSON.', 325);
  }
}

function parseV1<T>(schema: z.ZodType<T>, v: unknown): T {
  const r = schema.safeParse(v);
  if (!r.success) {
    const i = r.error.issues[0];
    throw badRequest(`${i?.path.join('.') || '(body)'}: ${i?.message ?? 'invalid'}`);
  }
  return r.data;
}

export function v1SubtitlesCreate(input: HandlerInput): HandlerOutput {
  const b = parseV1(CreateBody, jsonBody(input));
  for (const s of b.subtitle_info.subtitles)
    store.associate(input.state, input.userId, b.media_id, b.media_category, {
      id: s.media_id,
      languageCode: s.language_code,
      displayName: s.display_name,
    });
  return { status: 200, empty: true, mediaId: b.media_id };
}

export function v1SubtitlesDelete(input: HandlerInput): HandlerOutput {
  const b = parseV1(DeleteBody, jsonBody(input));
  for (const s of b.subtitle_info.subtitles)
    store.dissociate(input.state, input.userId, b.media_id, b.media_category, s.language_code);
  return { status: 200, empty: true, mediaId: b.media_id };
}
