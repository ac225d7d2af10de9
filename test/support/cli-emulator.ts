// The real CLI as a child process against the X emulator, as the CLI suites (publish, X today, batch)
// all set it up: one emulator per test file, a fresh home (journals, settings) per test.
//
// `emu` and `home` are live bindings, set by the hooks `useCliEmulator` registers; vitest gives each
// test file its own instance of this module, so files never share them.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../x-emulator/server.ts';
import { startCli, type CliRun } from './cli-process.ts';
import { fileTempDir } from './temp-dir.ts';

export let emu: Emulator;
export let home = '';
let root = '';
let homes = 0;

/** Starts the emulator for this file; answers the file's temp folder (removed after the file). */
export function useCliEmulator(prefix: string, config: EmulatorOptions['config']): string {
  root = fileTempDir(prefix);
  beforeAll(async () => {
    emu = await startEmulator(config ? { config } : {});
  });
  afterAll(() => emu.close());
  afterEach(() => {
    emu.faults.clear();
    delete emu.state.onRequestStart;
  });
  return root;
}

/** A new home for the next CLI run, and the emulator's request log cleared. */
export function fresh(): void {
  home = mkdtempSync(join(root, `home-${homes++}-`));
  emu.state.requests.length = 0;
  emu.state.violations.length = 0;
}

export interface CliOptions {
  auth?: 'oauth1' | 'oauth2';
  env?: Record<string, string>;
}

export function start(args: string[], opts: CliOptions = {}): ReturnType<typeof startCli> {
  return startCli(args, home, { ...emu.env(opts.auth ?? 'oauth1'), ...(opts.env ?? {}) });
}

export const cli = (args: string[], opts: CliOptions = {}): Promise<CliRun> => start(args, opts).done;
