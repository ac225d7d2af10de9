// `npm test`: everything — typecheck, lint, unit, integration, keychain, e2e — and one closing
// line `N passed, N failed, N skipped` summed over every runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface Step {
  name: string;
  cmd: string[];
  /** A JSON report the step writes, parsed for test counts. */
  report?: { file: string; kind: 'vitest' | 'playwright' };
}

const RESULTS = 'test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const vitest = (project: string): string[] => [
  'npx',
  'vitest',
  'run',
  '--project',
  project,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${RESULTS}/${project}.json`,
];

// The keychain tests need a session bus and an unlocked Secret Service: run them inside a
// throwaway dbus session with gnome-keyring unlocked by a known test password, and a throwaway HOME.
// The e2e step too: the Accounts dialog suite signs in with tokens in the real keychain.
const withKeyring = (cmd: string[]): string[] => [
  'dbus-run-session',
  '--',
  'sh',
  '-c',
  // The throwaway HOME is removed afterwards (no exec: the shell stays to clean up).
  'export HOME="$(mktemp -d -t cueline-home-XXXXXX)"; ' +
    'printf cueline-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && ' +
    '"$@"; rc=$?; rm -rf "$HOME"; exit $rc',
  'sh',
  ...cmd,
];
export const keychain = withKeyring(vitest('keychain'));

const steps: Step[] = [
  { name: 'typecheck', cmd: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', cmd: ['npm', 'run', '--silent', 'lint'] },
  { name: 'unit', cmd: vitest('unit'), report: { file: `${RESULTS}/unit.json`, kind: 'vitest' } },
  {
    name: 'integration',
    cmd: vitest('integration'),
    report: { file: `${RESULTS}/integration.json`, kind: 'vitest' },
  },
  { name: 'keychain', cmd: keychain, report: { file: `${RESULTS}/keychain.json`, kind: 'vitest' } },
  // The build as users run it: out/ parses and starts under a stand-in electron, the packaging
  // configuration packs offline, and the npm package installs and runs from a temp folder.
  { name: 'build', cmd: vitest('build'), report: { file: `${RESULTS}/build.json`, kind: 'vitest' } },
  {
    // Under a virtual display, so the _electron suite runs wherever an Electron binary exists.
    name: 'e2e',
    cmd: ['xvfb-run', '-a', ...withKeyring(['npm', 'run', '--silent', 'test:e2e'])],
    report: { file: `${RESULTS}/e2e.json`, kind: 'playwright' },
  },
  // After the e2e step's build: scans main/ and out/, fails on findings not allow-listed with a reason.
  { name: 'electronegativity', cmd: ['node', 'scripts/electronegativity.ts'] },
];

type Json = Record<string, unknown>;
const asObj = (o: unknown): Json => (o && typeof o === 'object' ? (o as Json) : {});
const asArr = (o: unknown): unknown[] => (Array.isArray(o) ? o : []);
const firstLine = (s: unknown): string =>
  // eslint-disable-next-line no-control-regex -- strips terminal colour codes from the message
  (typeof s === 'string' ? s.replace(/\u001b\[[0-9;]*m/g, '') : '').trim().split('\n')[0]!.slice(0, 300);

/** Each failing test as `file › title: first line of its error`, so CI's tail names what failed. */
function readFailures(report: NonNullable<Step['report']>): string[] {
  if (!existsSync(report.file)) return [];
  const json: unknown = JSON.parse(readFileSync(report.file, 'utf8'));
  const out: string[] = [];
  if (report.kind === 'vitest') {
    for (const file of asArr(asObj(json).testResults)) {
      const f = asObj(file);
      for (const t of asArr(f.assertionResults)) {
        const a = asObj(t);
        if (a.status !== 'failed') continue;
        out.push(
          `${String(f.name).replace(process.cwd() + '/', '')} › ${String(a.fullName)}: ${firstLine(asArr(a.failureMessages)[0])}`,
        );
      }
      if (f.status === 'failed' && asArr(f.assertionResults).length === 0) {
        out.push(`${String(f.name).replace(process.cwd() + '/', '')}: ${firstLine(f.message)}`);
      }
    }
    return out;
  }
  const walk = (suite: unknown, trail: string[]): void => {
    const s = asObj(suite);
    const here = typeof s.title === 'string' && s.title !== '' ? [...trail, s.title] : trail;
    for (const spec of asArr(s.specs)) {
      const sp = asObj(spec);
      for (const test of asArr(sp.tests)) {
        const t = asObj(test);
        if (t.status !== 'unexpected') continue;
        const results = asArr(t.results).map(asObj);
        const err = results.map((r) => firstLine(asObj(r.error).message)).find((m) => m !== '') ?? '';
        out.push(`${[...here, String(sp.title)].join(' › ')} (${results.length} tries): ${err}`);
      }
    }
    for (const child of asArr(s.suites)) walk(child, here);
  };
  for (const suite of asArr(asObj(json).suites)) walk(suite, []);
  return out;
}

function readCounts(report: NonNullable<Step['report']>): Counts | null {
  if (!existsSync(report.file)) return null;
  const json: unknown = JSON.parse(readFileSync(report.file, 'utf8'));
  const num = (o: unknown, k: string): number =>
    o && typeof o === 'object' && k in o && typeof (o as Record<string, unknown>)[k] === 'number'
      ? ((o as Record<string, unknown>)[k] as number)
      : 0;
  if (report.kind === 'vitest') {
    return {
      passed: num(json, 'numPassedTests'),
      failed: num(json, 'numFailedTests'),
      skipped: num(json, 'numPendingTests') + num(json, 'numTodoTests'),
    };
  }
  const stats = json && typeof json === 'object' && 'stats' in json ? json.stats : undefined;
  return {
    passed: num(stats, 'expected') + num(stats, 'flaky'),
    failed: num(stats, 'unexpected'),
    skipped: num(stats, 'skipped'),
  };
}

const only = process.argv.slice(2);
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
const failures: string[] = [];
let stepFailures = 0;
for (const step of steps) {
  if (only.length > 0 && !only.includes(step.name)) continue;
  process.stdout.write(`\n=== ${step.name}: ${step.cmd.join(' ')}\n`);
  const [bin, ...args] = step.cmd as [string, ...string[]];
  const res = spawnSync(bin, args, { stdio: 'inherit', env: process.env });
  const ok = res.status === 0;
  const counts = step.report ? readCounts(step.report) : null;
  if (counts) {
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  if (!ok && step.report) failures.push(...readFailures(step.report).map((f) => `  ${step.name}: ${f}`));
  // A step that failed without a failing test (a crash, a type or lint error) counts as one failure.
  if (!ok && (!counts || counts.failed === 0)) stepFailures += 1;
  lines.push(
    `${ok ? 'ok  ' : 'FAIL'} ${step.name}` +
      (counts ? ` (${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped)` : ''),
  );
}
if (failures.length > 0) process.stdout.write(`\nfailed tests:\n${failures.join('\n')}\n`);
process.stdout.write(`\n${lines.join('\n')}\n`);
const failed = total.failed + stepFailures;
process.stdout.write(`${total.passed} passed, ${failed} failed, ${total.skipped} skipped\n`);
process.exit(failed > 0 ? 1 : 0);
