// `npm run fuzz [-- --runs N] [--seed S]`: feeds the caption readers, the decoder and the writers
// N generated inputs each (default 20,000) and prints, per target, how many were read or written,
// refused with a located error, and the bugs: crashes, self-refusals (a file Cueline wrote and then
// refused) and mismatches. Exits 1 when there is any bug, printing the first input of each kind.
// The unit tests run the same targets with a fixed seed and a small count (test/unit/captions/fuzz.spec.ts).
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { BAD_OUTCOMES, targets } from '../test/fuzz/captions-fuzz.ts';
import type { Outcome } from '../test/fuzz/captions-fuzz.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '20000' }, seed: { type: 'string' } },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed S]  (whole numbers)');
  process.exit(2);
}

console.log(`seed ${seed}, ${runs} runs per target`);
let bugs = 0;
const totals: Record<Outcome, number> = { ok: 0, refused: 0, 'self-refusal': 0, crash: 0, mismatch: 0 };
for (const target of targets) {
  const tally: Record<Outcome, number> = { ok: 0, refused: 0, 'self-refusal': 0, crash: 0, mismatch: 0 };
  const firsts = new Map<Outcome, { input: unknown; detail: string | undefined }>();
  const started = performance.now();
  fc.assert(
    fc.property(target.arbitrary, (input) => {
      const v = target.check(input);
      tally[v.outcome]++;
      if (BAD_OUTCOMES.has(v.outcome) && !firsts.has(v.outcome))
        firsts.set(v.outcome, { input, detail: v.detail });
    }),
    { numRuns: runs, seed },
  );
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${target.name}: ${runs} runs in ${secs} s — ok ${tally.ok}, refused ${tally.refused}, ` +
      `crashes ${tally.crash}, self-refusals ${tally['self-refusal']}, mismatches ${tally.mismatch}`,
  );
  for (const [kind, { input, detail }] of firsts)
    console.log(`  first ${kind}: ${detail ?? ''}\n    input: ${fc.stringify(input).slice(0, 600)}`);
  for (const k of Object.keys(tally) as Outcome[]) totals[k] += tally[k];
  bugs += tally.crash + tally['self-refusal'] + tally.mismatch;
}
console.log(
  `total: ${runs * targets.length} runs, crashes ${totals.crash}, self-refusals ${totals['self-refusal']}, ` +
    `mismatches ${totals.mismatch}`,
);
process.exit(bugs > 0 ? 1 : 0);
