// After signing in and publishing through the CLI (OAuth 2.0 and OAuth 1.0a accounts), no token or
// secret may appear anywhere a user or a bug report could see it: the user-data folder (settings,
// accounts, job journals, logs) and everything the CLI printed.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeychainSecretStore } from '../../../main/services/auth/keychain-secret-store.ts';
import { secretKeys } from '../../../main/services/auth/secret-store.ts';
import { generateVideo } from '../../support/media-fixtures.ts';
import { startEmulator, type Emulator } from '../../x-emulator/server.ts';

const bin = fileURLToPath(new URL('../../../bin/cueline.mjs', import.meta.url));
const browser = fileURLToPath(new URL('./fixtures/follow-browser.mjs', import.meta.url));

describe('no secret leaks after sign-in and publish', () => {
  let emulator: Emulator;
  let home: string;
  let work: string;
  let env: NodeJS.ProcessEnv;
  const outputs: string[] = [];

  const cli = (
    args: string[],
    stdin = '',
  ): Promise<{ code: number | null; stdout: string; stderr: string }> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...args], { env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('error', reject);
      child.once('close', (code) => {
        outputs.push(stdout, stderr);
        resolve({ code, stdout, stderr });
      });
      child.stdin.end(stdin);
    });

  beforeAll(async () => {
    emulator = await startEmulator({ config: { checkAfterSecs: 0 } });
    home = await mkdtemp(join(tmpdir(), 'cueline-leak-home-'));
    work = await mkdtemp(join(tmpdir(), 'cueline-leak-work-'));
    env = {
      ...process.env,
      CUELINE_HOME: home,
      CUELINE_X_API_BASE: emulator.url,
      CUELINE_X_UPLOAD_BASE: emulator.uploadBase,
      BROWSER: browser,
      CUELINE_DEBUG: '1',
    };
    for (const k of Object.keys(env)) if (k.startsWith('X_')) delete env[k];
    await generateVideo(join(work, 'clip.mp4'), { duration: 1 });
    await writeFile(join(work, 'clip.en.srt'), '1\n00:00:00,000 --> 00:00:00,900\nHello there\n');
  });

  afterAll(async () => {
    for (const a of ['leak2', 'leak1']) await cli(['auth', 'logout', a]);
    await emulator.close();
    await rm(home, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  it('signs in both ways, publishes with each, and leaks nothing', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = s.address() as { port: number };
        s.close(() => resolve(p));
      });
    });
    const setup = await cli(
      [
        'auth',
        'setup',
        '--client-id',
        'leak-client',
        '--consumer-key',
        emulator.credentials.consumerKey,
        '--consumer-secret-stdin',
        '--redirect-port',
        String(port),
      ],
      `${emulator.credentials.consumerSecret}\n`,
    );
    expect(setup.code, setup.stderr).toBe(0);
    const login2 = await cli(['auth', 'login', '--oauth2', '--account', 'leak2']);
    expect(login2.code, login2.stderr).toBe(0);
    const login1 = await cli(
      ['auth', 'login', '--paste', '--account', 'leak1'],
      `${emulator.credentials.accessToken}\n${emulator.credentials.accessTokenSecret}\n`,
    );
    expect(login1.code, login1.stderr).toBe(0);

    const video = join(work, 'clip.mp4');
    const subs = join(work, 'clip.en.srt');
    const pub2 = await cli([
      'publish',
      video,
      '--subs',
      subs,
      '--post',
      'captioned (oauth2)',
      '--account',
      'leak2',
    ]);
    expect(pub2.code, pub2.stderr).toBe(0);
    const pub1 = await cli([
      'publish',
      video,
      '--subs',
      subs,
      '--api',
      'v1.1',
      '--account',
      'leak1',
      '--fresh',
    ]);
    expect(pub1.code, pub1.stderr).toBe(0);
    expect(emulator.state.posts).toHaveLength(1);
    // Make the stored access token due for refresh: the next publish rotates the tokens in the
    // keychain (the same Secret Service this test process talks to) and must leak neither pair.
    const keychain = new KeychainSecretStore();
    const key = secretKeys.accountTokens('leak2');
    const before = JSON.parse((await keychain.get(key)) ?? '{}') as Record<string, unknown>;
    await keychain.set(key, JSON.stringify({ ...before, expiresAt: Date.now() - 1 }));
    const refreshes = emulator.state.requests.filter((r) => r.route === 'oauth2.token').length;
    const pub3 = await cli(['publish', video, '--subs', subs, '--account', 'leak2', '--fresh']);
    expect(pub3.code, pub3.stderr).toBe(0);
    expect(emulator.state.requests.filter((r) => r.route === 'oauth2.token').length).toBe(refreshes + 1);
    const after = JSON.parse((await keychain.get(key)) ?? '{}') as Record<string, unknown>;
    expect(after['refreshToken']).not.toBe(before['refreshToken']);

    const secrets = [
      emulator.credentials.consumerSecret,
      emulator.credentials.accessToken,
      emulator.credentials.accessTokenSecret,
      ...emulator.state.oauth2Tokens.keys(),
      ...emulator.oauth.refreshTokens.keys(),
      String(before['accessToken']),
      String(before['refreshToken']),
    ].filter((s) => s !== emulator.credentials.bearerToken);
    expect(secrets.length).toBeGreaterThanOrEqual(5);

    const files: string[] = [];
    for (const e of await readdir(home, { withFileTypes: true, recursive: true }))
      if (e.isFile()) files.push(join(e.parentPath, e.name));
    expect(files.some((f) => f.includes('accounts.json'))).toBe(true);
    expect(files.length).toBeGreaterThan(2); // settings, accounts and the job journals at least
    const haystacks = [...(await Promise.all(files.map((f) => readFile(f, 'latin1')))), ...outputs];
    for (const secret of secrets)
      for (const [i, text] of haystacks.entries())
        expect(
          text.includes(secret),
          `secret found in ${files[i] ?? `CLI output #${i - files.length}`}`,
        ).toBe(false);
  });
});
