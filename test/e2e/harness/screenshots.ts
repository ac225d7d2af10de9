// Pictures the e2e tests take of the real app. They are written under test-results/ (a test run
// leaves the checkout as it found it); `npm run screenshots` copies the README's pictures from
// there into test/e2e/screenshots/, to be reviewed and committed like any other change.
export const SHOTS_DIR = 'test-results/screenshots';

/** Where the picture `name` (no extension) of this run goes. */
export function shotPath(name: string): string {
  return `${SHOTS_DIR}/${name}.png`;
}
