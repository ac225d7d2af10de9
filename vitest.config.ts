import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'test/unit/**/*.spec.ts',
            'shared/**/*.spec.ts',
            'main/**/*.spec.ts',
            'renderer/**/*.spec.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.spec.ts'],
          exclude: ['test/integration/keychain/**'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Two cores: ffmpeg and the emulator compete for them, keep files sequential-ish.
          maxWorkers: 2,
        },
      },
      {
        // The build as users run it (test/build): bundles parse and start under a stand-in
        // electron, the packaging configuration packs, the npm package installs and runs.
        test: {
          name: 'build',
          environment: 'node',
          include: ['test/build/**/*.spec.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // They build into the same out/ folder: one file at a time.
          fileParallelism: false,
        },
      },
      {
        // Runs inside dbus-run-session with an unlocked gnome-keyring (scripts/test-all.ts).
        test: {
          name: 'keychain',
          environment: 'node',
          include: ['test/integration/keychain/**/*.spec.ts'],
          testTimeout: 60_000,
          // Hooks spawn the CLI against the keychain too; on a loaded 2-core machine that's seconds.
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
