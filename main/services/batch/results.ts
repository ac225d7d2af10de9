// Batch results for people and tools: the CLI's --json shape ({"items": [...], "files": [...]}:
// every video, and every subtitle file that wasn't used with its reason) and CSV (one row per
// item, languages and subtitle ids joined) for a spreadsheet; and the one-line summary.
import { stringify } from 'csv-stringify/sync';
import type { FileReport } from './plan-types.ts';
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
  /** Why a skipped item was skipped ("already published", "no subtitles"). */
  reason: string | null;
  error: string | null;
}

/** A subtitle file no item uses: orphan, invalid, duplicate language, ambiguous, excluded. */
export interface UnusedFile {
  file: string;
  status: FileReport['status'];
  reason: string;
}

export function unusedSubtitleFiles(files: readonly FileReport[]): UnusedFile[] {
  return files
    .filter((f) => f.kind === 'subtitle' && f.status !== 'matched')
    .map((f) => ({ file: f.file, status: f.status, reason: f.message ?? f.status.replace('_', ' ') }));
}

/** "2 published, 3 skipped (already published), 1 skipped (no subtitles), 1 failed". */
export function resultsSummary(items: readonly BatchItemResult[]): string {
  const counts = new Map<string, number>();
  for (const r of items) {
    const s = exportedStatus(r.status);
    const label = s === 'skipped' ? `skipped (${r.reason ?? 'already published'})` : s;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => `${n} ${label}`).join(', ') || 'nothing to do';
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
  files: readonly FileReport[] = [],
): { items: ExportedItem[]; files: UnusedFile[] } {
  return {
    files: unusedSubtitleFiles(files),
    items: items.map((r) => ({
      video: r.video ?? (r.key.startsWith('media:') ? null : r.key),
      status: exportedStatus(r.status),
      video_id: r.video_id,
      subtitles: r.subtitles,
      post_id: r.post_id,
      reason: r.status === 'skipped' ? (r.reason ?? 'already published') : null,
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
    reason: r.reason ?? '',
    error: r.error ?? '',
  }));
  return stringify(rows, {
    header: true,
    columns: [
      'video',
      'status',
      'video_id',
      'languages',
      'subtitle_ids',
      'post_id',
      'post_url',
      'reason',
      'error',
    ],
  });
}

/** Every item published or already done: the CLI's exit 0. */
export function allDone(items: BatchItemResult[]): boolean {
  return items.every((r) => isItemFinished(r.status));
}
