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
  // A step that failed without a failing test (a crash, a type or lint error) counts as one failure.
  if (!ok && (!counts || counts.failed === 0)) stepFailures += 1;
  lines.push(
    `${ok ? 'ok  ' : 'FAIL'} ${step.name}` +
      (counts ? ` (${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped)` : ''),
  );
}
process.stdout.write(`\n${lines.join('\n')}\n`);
const failed = total.failed + stepFailures;
process.stdout.write(`${total.passed} passed, ${failed} failed, ${total.skipped} skipped\n`);
process.exit(failed > 0 ? 1 : 0);
