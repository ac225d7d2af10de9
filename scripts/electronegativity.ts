// Security gate: Electronegativity (fetched by npx from the npm registry, not a dependency) over
// the main-process sources (main/, which includes the preload) and the built output (out/), with
// the Electron version from package.json. Fails on any finding not in
// scripts/electronegativity-allow.json, where each exception states its reason.
// Run after `npm run build`: node scripts/electronegativity.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const ELECTRONEGATIVITY = '@doyensec/electronegativity@1.10.3';
const ROOT = join(import.meta.dirname, '..');
const TARGETS = ['main', 'out'] as const;

const allowSchema = z.array(
  z.object({
    check: z.string(),
    /** "main", "out" or "*". */
    target: z.string(),
    /** Path relative to the target; absent = any file (global checks). */
    file: z.string().optional(),
    /** How many such findings the reason covers; one more (a new call site) fails the gate. */
    max: z.number().int().positive().optional(),
    reason: z.string().min(20, 'say why this finding is acceptable'),
  }),
);
export type AllowEntry = z.output<typeof allowSchema>[number];

const sarifSchema = z.object({
  runs: z.array(
    z.object({
      results: z.array(
        z.object({
          ruleId: z.string(),
          level: z.string().optional(),
          message: z.object({ text: z.string() }).optional(),
          locations: z
            .array(
              z.object({
                physicalLocation: z.object({
                  artifactLocation: z.object({ uri: z.string() }),
                  region: z.object({ startLine: z.number() }).optional(),
                }),
              }),
            )
            .optional(),
        }),
      ),
    }),
  ),
});

export interface Finding {
  target: string;
  check: string;
  file: string;
  line: number;
  message: string;
}

export function findingsFromSarif(target: string, json: unknown): Finding[] {
  const sarif = sarifSchema.parse(json);
  return sarif.runs.flatMap((run) =>
    run.results.map((r) => {
      const loc = r.locations?.[0]?.physicalLocation;
      return {
        target,
        check: r.ruleId,
        file: (loc?.artifactLocation.uri ?? '').replace(/^file:\/\/\/?/, ''),
        line: loc?.region?.startLine ?? 0,
        message: r.message?.text ?? '',
      };
    }),
  );
}

export function isAllowed(f: Finding, allow: readonly AllowEntry[]): AllowEntry | undefined {
  return allow.find(
    (a) =>
      a.check === f.check &&
      (a.target === '*' || a.target === f.target) &&
      (a.file === undefined || a.file === f.file),
  );
}

/** Each finding allowed or not (an entry covers at most `max` findings), and entries nothing matched. */
export function judge(
  findings: readonly Finding[],
  allow: readonly AllowEntry[],
): { verdicts: { finding: Finding; allowed: boolean }[]; unused: AllowEntry[] } {
  const used = new Map<AllowEntry, number>();
  const verdicts = findings.map((finding) => {
    const a = isAllowed(finding, allow);
    if (!a) return { finding, allowed: false };
    const n = (used.get(a) ?? 0) + 1;
    used.set(a, n);
    return { finding, allowed: a.max === undefined || n <= a.max };
  });
  return { verdicts, unused: allow.filter((a) => !used.has(a)) };
}

function scan(target: string, electronVersion: string, dir: string): Finding[] {
  const out = join(dir, `${target}.sarif`);
  const res = spawnSync(
    'npx',
    [
      '--yes',
      ELECTRONEGATIVITY,
      '-i',
      join(ROOT, target),
      '-e',
      electronVersion,
      '-x',
      'AvailableSecurityFixesGlobalCheck',
      '-r',
      '-v',
      'false',
      '-o',
      out,
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        NODE_OPTIONS:
          `${process.env['NODE_OPTIONS'] ?? ''} --require ${join(import.meta.dirname, 'electronegativity-guard.cjs')}`.trim(),
      },
    },
  );
  if (res.status !== 0 || !existsSync(out))
    throw new Error(`electronegativity failed on ${target}/ (exit ${String(res.status)})`);
  return findingsFromSarif(target, JSON.parse(readFileSync(out, 'utf8')));
}

function main(): number {
  const pkg = z
    .object({ devDependencies: z.record(z.string(), z.string()) })
    .parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')));
  const electronVersion = (pkg.devDependencies['electron'] ?? '').replace(/^[^\d]*/, '');
  if (!existsSync(join(ROOT, 'out', 'main'))) {
    console.error('electronegativity: out/ is missing — run `npm run build` first');
    return 1;
  }
  const allow = allowSchema.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, 'electronegativity-allow.json'), 'utf8')),
  );
  const dir = mkdtempSync(join(tmpdir(), 'cueline-electronegativity-'));
  try {
    const findings = TARGETS.flatMap((t) => scan(t, electronVersion, dir));
    const { verdicts, unused } = judge(findings, allow);
    for (const { finding: f, allowed } of verdicts)
      console.log(
        `${allowed ? 'allowed' : 'FINDING'} ${f.check} ${f.target}/${f.file}:${f.line} ${f.message}`,
      );
    for (const a of unused)
      console.log(`note: allow-list entry no longer needed: ${a.check} ${a.target} ${a.file ?? ''}`);
    const rejected = verdicts.filter((v) => !v.allowed);
    console.log(
      `electronegativity: ${findings.length} findings, ${findings.length - rejected.length} allow-listed, ${rejected.length} not allowed`,
    );
    return rejected.length === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) process.exit(main());
