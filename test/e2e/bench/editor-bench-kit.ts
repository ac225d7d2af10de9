// Shared pieces of the editor benchmarks (bench/editor.bench.ts): launching Debian's Chromium with
// the Playwright config's flags, and percentiles. A section is `(ctx) => Promise<Row[]>`; the shell
// helper's list-scroll bench plugs in as another section.
import { chromium, type Browser, type Page } from 'playwright';
import config, { CHROMIUM_PATH } from '../../../playwright.config.ts';

export interface BenchRow {
  what: string;
  p50?: number;
  p95?: number;
  value?: number;
  unit: string;
  target: string;
  ok?: boolean;
}

export interface BenchContext {
  browser: Browser;
  /** A fresh 1280×800 page. */
  newPage(): Promise<Page>;
}

export type BenchSection = (ctx: BenchContext) => Promise<BenchRow[]>;

export async function launchBenchBrowser(): Promise<Browser> {
  const args = config.use?.launchOptions?.args ?? ['--no-sandbox'];
  return chromium.launch({ executablePath: CHROMIUM_PATH, args });
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i] as number;
}

export function printRows(rows: readonly BenchRow[]): void {
  const fmt = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? '' : n.toFixed(1));
  const table = rows.map((r) => ({
    measure: r.what,
    p50: fmt(r.p50),
    p95: fmt(r.p95),
    value: fmt(r.value),
    unit: r.unit,
    target: r.target,
    verdict: r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED',
  }));
  console.table(table);
}
