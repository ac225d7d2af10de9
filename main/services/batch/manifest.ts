// A batch manifest: CSV (header row) or JSON (an array, or {items: [...]}) with one row per
// subtitle file: video, subtitle, language, display name, optional existing media id, optional
// post text, alt text and the post card's title and description. Paths are relative to the manifest's folder. Errors name the row and the column.
import { readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';
import { isMediaId, MEDIA_ID_RULE } from '../../../shared/x/media-id.ts';

export interface ManifestRow {
  /** 1-based line (CSV, counting the header) or index + 1 (JSON). */
  row: number;
  video: string | null;
  subtitle: string | null;
  language: string | null;
  displayName: string | null;
  mediaId: string | null;
  post: string | null;
  altText: string | null;
  title: string | null;
  description: string | null;
}

// Column names people use for the same thing, lower-cased with spaces and dashes as underscores.
const ALIASES: Record<string, keyof Omit<ManifestRow, 'row'>> = {
  video: 'video',
  video_file: 'video',
  file: 'video',
  subtitle: 'subtitle',
  subtitles: 'subtitle',
  subtitle_file: 'subtitle',
  captions: 'subtitle',
  srt: 'subtitle',
  language: 'language',
  lang: 'language',
  language_code: 'language',
  display_name: 'displayName',
  displayname: 'displayName',
  label: 'displayName',
  media_id: 'mediaId',
  mediaid: 'mediaId',
  existing_media_id: 'mediaId',
  video_id: 'mediaId',
  post: 'post',
  post_text: 'post',
  text: 'post',
  alt_text: 'altText',
  alt: 'altText',
  title: 'title',
  description: 'description',
};

const Cell = z.union([z.string(), z.number(), z.null()]).optional();
const JsonRow = z.record(z.string(), Cell);
const JsonManifest = z.union([z.array(JsonRow), z.object({ items: z.array(JsonRow) }).loose()]);

function normKey(k: string): string {
  return k
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function toRow(raw: Record<string, unknown>, row: number, where: string): ManifestRow {
  const out: ManifestRow = {
    row,
    video: null,
    subtitle: null,
    language: null,
    displayName: null,
    mediaId: null,
    post: null,
    altText: null,
    title: null,
    description: null,
  };
  for (const [k, v] of Object.entries(raw)) {
    const field = ALIASES[normKey(k)];
    if (!field) continue;
    const s = v === null || v === undefined ? '' : String(v).trim();
    out[field] = s === '' ? null : s;
  }
  if (!out.video && !out.mediaId)
    throw new CuelineError(
      'input.manifest',
      `${where} row ${row}: needs a video file or an existing media id (columns video, media_id).`,
      { row },
    );
  if (out.mediaId && !isMediaId(out.mediaId))
    throw new CuelineError(
      'input.manifest',
      `${where} row ${row}: media_id "${out.mediaId}" is not a media id (${MEDIA_ID_RULE}).`,
      { row, field: 'media_id' },
    );
  return out;
}

export async function readManifest(path: string): Promise<{ base: string; rows: ManifestRow[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CuelineError('input.not_found', `${path}: no such manifest file`, { path });
  }
  const base = dirname(resolve(path));
  const ext = extname(path).toLowerCase();
  if (ext === '.json') {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new CuelineError(
        'input.manifest',
        `${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})`,
        {
          path,
        },
      );
    }
    const r = JsonManifest.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new CuelineError(
        'input.manifest',
        `${path}: expected an array of rows (or {"items": [...]}) with string values; ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
        { path },
      );
    }
    const rows = Array.isArray(r.data) ? r.data : r.data.items;
    return { base, rows: rows.map((row, i) => toRow(row, i + 1, path)) };
  }
  let records: Record<string, string>[];
  try {
    records = parseCsv(text, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as Record<string, string>[];
  } catch (err) {
    throw new CuelineError(
      'input.manifest',
      `${path}: not valid CSV (${err instanceof Error ? err.message : String(err)})`,
      {
        path,
      },
    );
  }
  // Line numbers as a spreadsheet shows them: the header is line 1.
  return { base, rows: records.map((rec, i) => toRow(rec, i + 2, path)) };
}

export function resolveFrom(base: string, p: string): string {
  return isAbsolute(p) ? p : resolve(base, p);
}
