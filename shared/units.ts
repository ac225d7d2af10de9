// How sizes and remaining times read, in the app, the CLI and error messages alike. Sizes are
// binary multiples labelled the way X words its own limits ("512 MB" is 512 × 1024² bytes).
const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

/** "812 KB", "3.4 MB", "1.25 GB" (trailing zeros dropped: "8 GB"). */
export function formatBytes(n: number): string {
  if (n >= GB) return `${+(n / GB).toFixed(2)} GB`;
  if (n >= MB) return `${+(n / MB).toFixed(1)} MB`;
  return `${Math.max(0, Math.round(n / KB))} KB`;
}

/** "45 s", "3 min 5 s"; empty when unknown. */
export function formatSeconds(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '';
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} min ${Math.round(s % 60)} s` : `${Math.ceil(s)} s`;
}
