// `cueline auth …` end to end: the real CLI process, the real keychain (this dbus session's
// gnome-keyring), the emulator as X, and a $BROWSER that follows the consent redirect.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../x-emulator/server.ts';

const bin = fileURLToPath(new URL('../../../bin/cueline.mjs', import.meta.url));
const browser = fileURLToPath(new URL('./fixtures/follow-browser.mjs', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const outputs: string[] = [];

/** Sees the CLI's standard error so far; can type on its standard input or press Ctrl-C. */
type OnStderr = (text: string, write: (s: string) => void, interrupt: () => void) => void;

/** Runs the CLI without blocking this process (the emulator answers from here). */
function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: {
    stdin?: string;
    onStderr?: OnStderr;
  } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      opts.onStderr?.(
        stderr,
        (s) => child.stdin.write(s),
        () => child.kill('SIGINT'),
      );
    });
    child.once('error', reject);
    child.once('close', (code) => {
      outputs.push(stdout, stderr);
      resolve({ code, stdout, stderr });
    });
    if (opts.stdin !== undefined) child.stdin.end(opts.stdin);
    else if (!opts.onStderr) child.stdin.end();
  });
}

/** An onStderr that presses Ctrl-C once the CLI's standard error has said `marker`. */
function ctrlCOnceItSays(marker: string): OnStderr {
  let pressed = false;
  return (text, _write, interrupt) => {
    if (pressed || !text.includes(marker)) return;
    pressed = true;
    interrupt();
  };
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(join(e.parentPath, e.name));
  return out;
}

/** The ids `cueline auth list --json` prints. */
async function accountIds(env: NodeJS.ProcessEnv): Promise<string[]> {
  const list = await cli(['auth', 'list', '--json'], env);
  return (JSON.parse(list.stdout) as Array<{ accountId: string }>).map((a) => a.accountId);
}

describe('cueline auth (CLI, real keychain)', () => {
  let emulator: Emulator;
  let home: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    emulator = await startEmulator();
    home = await mkdtemp(join(tmpdir(), 'cueline-cli-auth-'));
    env = { ...process.env, CUELINE_HOME: home, CUELINE_X_API_BASE: emulator.url, BROWSER: browser };
    for (const k of Object.keys(env)) if (k.startsWith('X_')) delete env[k];
  });

  afterAll(async () => {
    // Leave the shared keyring as we found it.
    const list = await cli(['auth', 'list', '--json'], env);
    for (const a of JSON.parse(list.stdout || '[]') as Array<{ accountId: string }>)
      await cli(['auth', 'logout', a.accountId], env);
    await emulator.close();
    await rm(home, { recursive: true, force: true });
  });

  it('login before setup says how to set up, exit 2', async () => {
    const r = await cli(['auth', 'login'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cueline auth setup --client-id');
  });

  it('setup keeps the consumer secret out of files and output', async () => {
    const port = await freePort();
    const r = await cli(
      [
        'auth',
        'setup',
        '--client-id',
        'cli-client',
        '--consumer-key',
        emulator.credentials.consumerKey,
        '--consumer-secret-stdin',
        '--redirect-port',
        String(port),
      ],
      env,
      { stdin: `${emulator.credentials.consumerSecret}\n` },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('stored in the system keychain');
    expect(r.stdout).toContain(`http://127.0.0.1:${port}/callback`);
  });

  it('login without an account name says what to do; list is empty', async () => {
    const r = await cli(['auth', 'list'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No accounts');
    const out = await cli(['auth', 'logout'], env);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('cueline auth login');
  });

  it('without a usable keychain: a clear error before any browser opens, and nothing saved', async () => {
    const noBus = { ...env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/cueline-bus' };
    const pages = emulator.oauth.consentPages;
    const login = await cli(['auth', 'login', '--oauth2'], noBus);
    expect(login.code).toBe(1);
    expect(login.stderr).toContain('system keychain is not available');
    expect(login.stderr).not.toContain('/i/oauth2/authorize');
    expect(emulator.oauth.consentPages).toBe(pages);
    const setup = await cli(['auth', 'setup', '--consumer-key', 'other', '--consumer-secret-stdin'], noBus, {
      stdin: 'some-secret\n',
    });
    expect(setup.code).toBe(1);
    expect(setup.stderr).toContain('system keychain is not available');
    const settings = JSON.parse(await readFile(join(home, 'x-app.json'), 'utf8')) as { consumerKey: string };
    expect(settings.consumerKey).toBe(emulator.credentials.consumerKey); // nothing half-saved
    const list = await cli(['auth', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('Ctrl-C while waiting for the browser closes the loopback port and saves nothing', async () => {
    const r = await cli(['auth', 'login', '--oauth2', '--no-browser'], env, {
      onStderr: ctrlCOnceItSays('/i/oauth2/authorize?'),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cancelled/);
    const port = Number(/127\.0\.0\.1%3A(\d+)%2Fcallback/.exec(r.stderr)?.[1]);
    expect(port).toBeGreaterThan(0);
    const free = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    expect(free).toBe(true);
    expect(JSON.parse((await cli(['auth', 'list', '--json'], env)).stdout)).toEqual([]);
  });

  it('login --oauth2 signs in through the browser and the loopback port', async () => {
    const r = await cli(['auth', 'login', '--oauth2'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Signed in as @cueline_test');
    expect(r.stderr).toContain('/i/oauth2/authorize?');
  });

  it('login --oauth1 takes the PIN the consent page shows', async () => {
    let answered = false;
    const r = await cli(['auth', 'login', '--oauth1', '--no-browser', '--account', 'pin'], env, {
      onStderr: (text, write) => {
        const url = /(http:\/\/\S+\/oauth\/authorize\?\S+)/.exec(text)?.[1];
        if (!url || answered) return;
        answered = true;
        void fetch(url)
          .then((res) => res.text())
          .then((page) => write(`${/id="oauth_pin">(\d+)</.exec(page)?.[1] ?? ''}\n`));
      },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('pin  @cueline_test');
    expect(r.stdout).toContain('oauth1');
  });

  it('Ctrl-C while waiting for the PIN cancels cleanly', async () => {
    const r = await cli(['auth', 'login', '--oauth1', '--no-browser', '--account', 'interrupted'], env, {
      onStderr: ctrlCOnceItSays('/oauth/authorize?'),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cancelled/);
    expect(await accountIds(env)).not.toContain('interrupted');
  });

  it('a wrong PIN exits 2 and adds nothing', async () => {
    const r = await cli(['auth', 'login', '--oauth1', '--no-browser', '--account', 'wrong'], env, {
      stdin: '1234567\n',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PIN/);
    expect(await accountIds(env)).not.toContain('wrong');
  });

  it('list shows both accounts, one default, and never a token', async () => {
    const r = await cli(['auth', 'list', '--json'], env);
    expect(r.code).toBe(0);
    const accounts = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(accounts.map((a) => [a['accountId'], a['method'], a['isDefault']])).toEqual([
      ['cueline_test', 'oauth2', true],
      ['pin', 'oauth1', false],
    ]);
    for (const a of accounts)
      expect(Object.keys(a).sort()).toEqual(['accountId', 'handle', 'isDefault', 'method', 'name', 'scopes']);
    const d = await cli(['auth', 'default', 'pin'], env);
    expect(d.stdout).toMatch(/^\* pin/);
    const text = await cli(['auth', 'list'], env);
    expect(text.stdout).toMatch(/^\* pin /m);
    expect(text.stdout).toMatch(/^ {2}cueline_test /m);
  });

  it('logout revokes the OAuth 2.0 tokens at X and forgets the account', async () => {
    const revokedBefore = emulator.oauth.revoked.length;
    const r = await cli(['auth', 'logout', 'cueline_test'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Signed out cueline_test');
    expect(emulator.oauth.revoked.length).toBe(revokedBefore + 2);
    const list = await cli(['auth', 'list', '--json'], env);
    expect((JSON.parse(list.stdout) as Array<{ accountId: string }>).map((a) => a.accountId)).toEqual([
      'pin',
    ]);
  });

  it('login --paste takes a token and secret from the developer portal on stdin', async () => {
    const r = await cli(['auth', 'login', '--paste', '--account', 'portal'], env, {
      stdin: `${emulator.credentials.accessToken}\n${emulator.credentials.accessTokenSecret}\n`,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('portal  @cueline_test');
    // Same X user, same method: it replaces the PIN sign-in rather than duplicating it.
    const list = await cli(['auth', 'list', '--json'], env);
    expect((JSON.parse(list.stdout) as Array<{ accountId: string }>).map((a) => a.accountId)).toEqual([
      'portal',
    ]);
    const bad = await cli(['auth', 'login', '--paste', '--account', 'bad'], env, { stdin: 'nope\nnope\n' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/did not accept these credentials/);
  });

  it('no token or secret appears in the user-data folder or in any CLI output', async () => {
    const secrets = [
      emulator.credentials.consumerSecret,
      ...emulator.state.oauth2Tokens.keys(),
      ...emulator.oauth.refreshTokens.keys(),
      ...emulator.oauth.revoked,
      ...[...emulator.state.oauth1Tokens.entries()].flatMap(([t, v]) => [t, v.secret]),
    ].filter((s) => s.length >= 16);
    expect(secrets.length).toBeGreaterThan(5);
    const files = await filesUnder(home);
    expect(files.length).toBeGreaterThan(0);
    const contents = [...(await Promise.all(files.map((f) => readFile(f, 'utf8')))), ...outputs];
    for (const s of secrets) for (const c of contents) expect(c.includes(s)).toBe(false);
  });
});
