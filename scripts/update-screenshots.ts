// Copies the README's pictures from the last e2e run (test-results/screenshots/, see
// test/e2e/harness/screenshots.ts) into test/e2e/screenshots/: every picture the folder already
// holds is replaced by this run's; `--add name…` starts keeping another one. Review the pictures
// (they open in any image viewer) and commit them like code.
//   npm run test:e2e && npm run screenshots [-- --add batch-done]
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const FROM = join(ROOT, 'test-results', 'screenshots');
const TO = join(ROOT, 'test', 'e2e', 'screenshots');

const args = process.argv.slice(2);
const addAt = args.indexOf('--add');
const added = addAt >= 0 ? args.slice(addAt + 1).map((n) => n.replace(/\.png$/, '')) : [];
if (!existsSync(FROM)) {
  process.stderr.write(`No pictures in ${FROM}: run the e2e tests first (npm run test:e2e).\n`);
  process.exit(1);
}
const kept = new Set([
  ...readdirSync(TO)
    .filter((f) => f.endsWith('.png'))
    .map((f) => f.slice(0, -4)),
  ...added,
]);
const taken = new Set(
  readdirSync(FROM)
    .filter((f) => f.endsWith('.png'))
    .map((f) => f.slice(0, -4)),
);
let missing = 0;
for (const name of [...kept].sort()) {
  if (!taken.has(name)) {
    process.stderr.write(`missing from this run: ${name}.png (did its test run?)\n`);
    missing++;
    continue;
  }
  copyFileSync(join(FROM, `${name}.png`), join(TO, `${name}.png`));
  process.stdout.write(`updated  ${name}.png\n`);
}
const others = [...taken].filter((n) => !kept.has(n)).sort();
if (others.length > 0) process.stdout.write(`not kept (add with --add): ${others.join(', ')}\n`);
process.exit(missing > 0 ? 1 : 0);
