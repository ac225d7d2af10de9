// How times and numbers read in the editor: fixed-width so columns line up.
import { formatTimestamp, parseTimestamp } from '../../../shared/captions/time.ts';

export function fmtTime(ms: number): string {
  return formatTimestamp(ms, '.');
}

export function fmtDuration(ms: number): string {
  return (ms / 1000).toFixed(3);
}

export function fmtCps(cps: number): string {
  return Number.isFinite(cps) ? cps.toFixed(1) : '∞';
}

/** Accepts "00:01:02.500", "1:02.5", "62.5" (seconds) or "-1.5"; null when unreadable. */
export function parseTimeInput(s: string): number | null {
  const t = s.trim().replace(',', '.');
  if (/^-?\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  const full = parseTimestamp(t);
  if (full !== null) return full;
  // Short forms: M:SS.m or H:MM:SS with fewer decimals.
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:\.(\d{1,3}))?$/.exec(t);
  if (!m) return null;
  const [, h, mi, se, frac] = m;
  return (
    Number(h ?? 0) * 3_600_000 +
    Number(mi) * 60_000 +
    Number(se) * 1000 +
    Math.round(Number(`0.${frac ?? '0'}`) * 1000)
  );
}

/** "+1.500 s" style offsets for the shift dialog. */
export function parseOffset(s: string): number | null {
  const t = s.trim();
  const sign = t.startsWith('-') || t.startsWith('−') ? -1 : 1;
  const v = parseTimeInput(t.replace(/^[+\-−]/, ''));
  return v === null ? null : sign * v;
}
