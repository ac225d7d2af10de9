// The `cueline` command as users install it: `npm pack`, then the tarball installed into a
// folder of its own. Node won't strip TypeScript types inside node_modules, so this proves the
// bundled CLI (out/cli, built by the pack) is what runs, and that it runs there.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
let work: string;
let bin: string;
// A chunk left in out/cli by an earlier build (chunk names carry a content hash, so every change
// leaves the previous ones behind): the pack's build must empty the folder, not ship it.
const STALE = join(ROOT, 'out', 'cli', 'chunks', 'stale-leftover-0000.mjs');

const run = (cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> =>
  spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    // Its own user-data folder: check reads the app's dictionary from there.
    env: { ...process.env, npm_config_fund: 'false', CUELINE_HOME: join(work, 'home') },
  });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cueline-pack-'));
  await mkdir(join(ROOT, 'out', 'cli', 'chunks'), { recursive: true });
  await writeFile(STALE, 'export {};\n');
  const packed = run('npm', ['pack', '--silent', '--pack-destination', work], ROOT);
  expect(packed.status, packed.stderr).toBe(0);
  const tarball = (await readdir(work)).find((f) => f.endsWith('.tgz'));
  expect(tarball).toMatch(/^cueline-\d+\.\d+\.\d+\.tgz$/);
  const prefix = join(work, 'installed');
  const installed = run(
    'npm',
    ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball ?? '')],
    work,
  );
  expect(installed.status, installed.stderr).toBe(0);
  bin = join(prefix, 'node_modules', '.bin', 'cueline');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(STALE, { force: true });
});

it('holds the launcher and the bundle, not the TypeScript sources', () => {
  const listed = run('tar', ['-tzf', join(work, 'cueline-0.1.0.tgz')], work).stdout.split('\n');
  expect(listed).toContain('package/bin/cueline.mjs');
  expect(listed).toContain('package/out/cli/cueline.mjs');
  expect(listed.some((f) => f.endsWith('.ts'))).toBe(false);
  // Only this build's chunks: none left over from an earlier build.
  expect(listed).not.toContain('package/out/cli/chunks/stale-leftover-0000.mjs');
});

it('runs --version and check from the installed package', async () => {
  const version = run(bin, ['--version'], work);
  expect(version.status, version.stderr).toBe(0);
  expect(version.stdout.split('\n')[0]).toBe('0.1.0');
  const srt = join(work, 'talk.en.srt');
  await writeFile(
    srt,
    '1\n00:00:01,000 --> 00:00:02,500\nHello there.\n\n2\n00:00:03,000 --> 00:00:04,000\nBye.\n',
  );
  const check = run(bin, ['check', srt], work);
  expect(check.status, check.stderr).toBe(0);
  expect(check.stdout).toMatch(/talk\.en\.srt: 2 cues, srt/);
  const bad = run(bin, ['check', join(work, 'missing.srt')], work);
  expect(bad.status).toBe(2);
  // Spelling reads the Hunspell dictionaries from the installed dependencies.
  const typo = join(work, 'typo.es.srt');
  await writeFile(typo, '1\n00:00:01,000 --> 00:00:02,500\nBuenos díaz a todos.\n');
  const spelled = run(bin, ['check', typo], work);
  expect(spelled.status, spelled.stderr).toBe(0);
  expect(spelled.stdout).toMatch(/^1\s+3\s+00:00:01,000\s+warning\s+spelling\s+“díaz” may be misspelled$/m);
  expect(spelled.stdout).not.toMatch(/“(Buenos|todos)”/);
});
