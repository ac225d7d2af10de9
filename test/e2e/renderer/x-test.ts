// The `test` of the publish and batch suites: the harness app with publishing and the Accounts
// dialog on one xWorld (the X emulator, an AuthService with tokens in the real keychain), signed
// in unless a test says `test.use({ signedIn: false })`.
import { test as base } from '../harness/fixture.ts';
import type { Emulator } from '../../x-emulator/server.ts';
import { xWorld, type XWorld } from './publish-support.ts';

export { expect } from '../harness/fixture.ts';

export const test = base.extend<{ world: XWorld; emulator: Emulator; signedIn: boolean }>({
  /** Whether an X account is signed in before the app starts. */
  signedIn: [true, { option: true }],
  world: async ({ signedIn }, use) => {
    // STATUS polls answer at once (check_after_secs 0), after one in_progress step.
    const w = await xWorld({ signedIn, emulator: { config: { checkAfterSecs: 0, processingSteps: 1 } } });
    await use(w);
    await w.close();
  },
  emulator: async ({ world }, use) => {
    await use(world.emu);
  },
  publishing: async ({ world }, use) => {
    await use(await world.publishing());
  },
  accounts: async ({ world }, use) => {
    await use(() => world.accounts());
  },
});
