import { defineConfig } from '@playwright/test';

// The renderer runs in Debian's Chromium (never a downloaded browser build); the Electron suite
// runs where an Electron binary exists and reports itself skipped elsewhere.
export const CHROMIUM_PATH = process.env['CUELINE_CHROMIUM'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'renderer', testMatch: /renderer\/.*\.e2e\.ts/ },
    { name: 'electron', testMatch: /electron\/.*\.e2e\.ts/ },
  ],
});
