// Batch results for people and tools: the CLI's --json shape ({"items": [...]}) and CSV (one row
// per item, languages and subtitle ids joined) for a spreadsheet.
import { stringify } from 'csv-stringify/sync';
import type { BatchItemResult } from './record.ts';
import { postUrl } from '../../../shared/x/media-id.ts';
import { isItemFinished } from '../../../shared/batch/item-status.ts';
import type { Remedy } from '../../../shared/remedy.ts';

export interface ExportedItem {
  video: string | null;
  status: 'published' | 'skipped' | 'failed';
  video_id: string | null;
  subtitles: Array<{ file: string; language_code: string; display_name: string; id: string }>;
  post_id: string | null;
  error: string | null;
}

/** Still pending/running/cancelled at export time counts as failed: it isn't done. */
export function exportedStatus(s: BatchItemResult['status']): ExportedItem['status'] {
  return isItemFinished(s) ? s : 'failed';
}

/**
 * `wordRemedy` words an item's remedy for the reader (the CLI passes its flags); without it the
 * error is the message alone.
 */
export function resultsJson(
  items: BatchItemResult[],
  wordRemedy: (r: Remedy) => string = () => '',
): { items: ExportedItem[] } {
  return {
    items: items.map((r) => ({
      video: r.video ?? (r.key.startsWith('media:') ? null : r.key),
      status: exportedStatus(r.status),
      video_id: r.video_id,
      subtitles: r.subtitles,
      post_id: r.post_id,
      error:
        exportedStatus(r.status) === 'failed'
          ? r.error === null
            ? `not finished (${r.status})`
            : `${r.error}${r.remedy ? wordRemedy(r.remedy) : ''}`
          : null,
    })),
  };
}

export function resultsCsv(items: BatchItemResult[], wordRemedy?: (r: Remedy) => string): string {
  const rows = resultsJson(items, wordRemedy).items.map((r) => ({
    video: r.video ?? '',
    status: r.status,
    video_id: r.video_id ?? '',
    languages: r.subtitles.map((s) => s.language_code).join(' '),
    subtitle_ids: r.subtitles.map((s) => s.id).join(' '),
    post_id: r.post_id ?? '',
    post_url: r.post_id ? postUrl(r.post_id) : '',
    error: r.error ?? '',
  }));
  return stringify(rows, {
    header: true,
    columns: ['video', 'status', 'video_id', 'languages', 'subtitle_ids', 'post_id', 'post_url', 'error'],
  });
}

/** Every item published or already done: the CLI's exit 0. */
export function allDone(items: BatchItemResult[]): boolean {
  return items.every((r) => isItemFinished(r.status));
}
