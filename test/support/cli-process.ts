// Runs the real `cueline` bin as a child process, the way a user or a CI job does, with its
// user-data folder and X endpoints chosen by the test and no credentials leaking in from the
// developer's environment.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CUELINE_BIN = fileURLToPath(new URL('../../bin/cueline.mjs', import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const CREDENTIAL_VARS = [
  'X_CONSUMER_KEY',
  'X_CONSUMER_SECRET',
  'X_ACCESS_TOKEN',
  'X_ACCESS_TOKEN_SECRET',
  'X_OAUTH2_ACCESS_TOKEN',
];

/**
 * Starts `cueline args…` with CUELINE_HOME=home, fast retry backoff, and `env` on top (e.g. the
 * emulator's base URLs and credentials). `done` resolves when the process has closed.
 */
export function startCli(
  args: string[],
  home: string,
  env: Record<string, string> = {},
): { child: ChildProcess; done: Promise<CliRun> } {
  const full: Record<string, string | undefined> = {
    ...process.env,
    CUELINE_HOME: home,
    CUELINE_X_RETRY_BASE_MS: '20',
  };
  for (const k of CREDENTIAL_VARS) delete full[k];
  Object.assign(full, env);
  const child = spawn(process.execPath, [CUELINE_BIN, ...args], {
    env: full,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliRun>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}
