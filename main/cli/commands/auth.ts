// `cueline auth …`: the X app credentials, sign-in (OAuth 2.0 in the browser, OAuth 1.0a by PIN or
// pasted tokens), the account list, the default account, sign-out. Secrets are read from stdin
// (never from arguments, which other users can see in the process list) and never printed.
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { CuelineError } from '../../../shared/errors.ts';
import type { AccountSummary } from '../../services/auth/account-store.ts';
import { redirectUri } from '../../services/auth/app-credentials.ts';
import type { AuthService } from '../../services/auth/auth-service.ts';
import { createAuthService } from '../../services/auth/default-auth-service.ts';
import { systemOpener } from '../../services/auth/system-opener.ts';
import { idArg } from '../validate.ts';
import { cancelOnSignal } from '../cancel-on-signal.ts';
import { registerAccountSignerProvider } from '../credentials.ts';

const err = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Reads answers from stdin: a pipe in scripts and tests, the terminal (secrets not echoed) otherwise. */
class StdinLines {
  #lines: string[] = [];
  #waiters: Array<(line: string | null) => void> = [];
  #closed = false;
  #rl: ReturnType<typeof createInterface> | undefined;
  readonly #signal: AbortSignal | undefined;

  /** Ctrl-C (the signal) ends a pending read with auth.cancelled instead of leaving it waiting. */
  constructor(signal?: AbortSignal) {
    this.#signal = signal;
    signal?.addEventListener('abort', () => {
      for (const w of this.#waiters.splice(0)) w(null);
    });
  }

  async next(prompt: string, o: { secret?: boolean } = {}): Promise<string | null> {
    const line = await this.#read(prompt, o.secret === true);
    if (this.#signal?.aborted) throw new CuelineError('auth.cancelled', 'Sign-in was cancelled.');
    return line;
  }

  #read(prompt: string, secret: boolean): Promise<string | null> {
    if (process.stdin.isTTY) return secret ? readHidden(prompt) : askTerminal(prompt);
    this.#rl ??= this.#open();
    const line = this.#lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.#closed || this.#signal?.aborted) return Promise.resolve(null);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  close(): void {
    this.#rl?.close();
  }

  #open(): ReturnType<typeof createInterface> {
    const rl = createInterface({ input: process.stdin, terminal: false });
    rl.on('line', (l) => {
      const w = this.#waiters.shift();
      if (w) w(l);
      else this.#lines.push(l);
    });
    rl.on('close', () => {
      this.#closed = true;
      for (const w of this.#waiters.splice(0)) w(null);
    });
    return rl;
  }
}

function askTerminal(prompt: string): Promise<string | null> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  return new Promise((resolve, reject) => {
    rl.once('close', () => resolve(null));
    // The terminal is in raw mode while asking: Ctrl-C arrives here, not as a process signal.
    rl.once('SIGINT', () => {
      reject(new CuelineError('auth.cancelled', 'Cancelled.'));
      rl.close();
    });
    rl.question(prompt, (answer) => {
      resolve(answer);
      rl.close();
    });
  });
}

/** A terminal prompt that doesn't echo what is typed (secrets must not end up in scrollback). */
function readHidden(prompt: string): Promise<string | null> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n' || c === '\u0004') {
          done();
          resolve(value);
          return;
        }
        if (c === '\u0003') {
          done();
          reject(new CuelineError('auth.cancelled', 'Cancelled.'));
          return;
        }
        value = c === '\u007f' || c === '\b' ? value.slice(0, -1) : value + c;
      }
    };
    stdin.on('data', onData);
  });
}

async function required(lines: StdinLines, prompt: string, what: string, secret = false): Promise<string> {
  const v = (await lines.next(prompt, { secret }))?.trim();
  if (!v) throw new CuelineError('usage.missing_input', `${what} was expected on standard input.`);
  return v;
}

function port(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > 65535) throw new InvalidArgumentError('a port is 1–65535');
  return n;
}

function seconds(v: string): number {
  const n = Number(v);
  if (!(n > 0)) throw new InvalidArgumentError('a positive number of seconds');
  return n;
}

export function formatAccount(a: AccountSummary): string {
  const scopes = a.method === 'oauth2' ? ` [${a.scopes.join(' ')}]` : '';
  return `${a.isDefault ? '*' : ' '} ${a.accountId}  @${a.handle} (${a.name})  ${a.method}${scopes}`;
}

interface SetupOptions {
  clientId?: string;
  consumerKey?: string;
  consumerSecretStdin?: boolean;
  redirectPort?: number;
}

async function setup(svc: AuthService, o: SetupOptions): Promise<void> {
  const lines = new StdinLines();
  try {
    const nothingGiven =
      o.clientId === undefined &&
      o.consumerKey === undefined &&
      !o.consumerSecretStdin &&
      o.redirectPort === undefined;
    let { clientId, consumerKey } = o;
    let consumerSecret: string | undefined;
    if (nothingGiven && process.stdin.isTTY) {
      err('Enter the keys of your app from the X developer portal (leave a line empty to skip it).');
      clientId = (await lines.next('OAuth 2.0 client id: '))?.trim() || undefined;
      consumerKey = (await lines.next('OAuth 1.0a consumer key (API key): '))?.trim() || undefined;
      if (consumerKey)
        consumerSecret = await required(lines, 'OAuth 1.0a consumer secret: ', 'The consumer secret', true);
    } else if (nothingGiven) {
      throw new CuelineError(
        'usage.missing_input',
        'Nothing to set: pass --client-id, --consumer-key with --consumer-secret-stdin, or --redirect-port.',
      );
    } else if (o.consumerSecretStdin) {
      consumerSecret = await required(lines, 'OAuth 1.0a consumer secret: ', 'The consumer secret', true);
    }
    const settings = await svc.app.update({
      ...(clientId !== undefined ? { clientId } : {}),
      ...(consumerKey !== undefined ? { consumerKey } : {}),
      ...(consumerSecret !== undefined ? { consumerSecret } : {}),
      ...(o.redirectPort !== undefined ? { redirectPort: o.redirectPort } : {}),
    });
    const hasSecret = consumerSecret !== undefined || (await svc.app.hasConsumerSecret());
    process.stdout.write(
      [
        `OAuth 2.0 client id: ${settings.clientId ?? '(not set)'}`,
        `OAuth 1.0a consumer key: ${settings.consumerKey ?? '(not set)'}`,
        `OAuth 1.0a consumer secret: ${hasSecret ? 'stored in the system keychain' : '(not set)'}`,
        `Redirect URI (register it exactly, under "Callback URI", in your X app): ${redirectUri(settings.redirectPort)}`,
        '',
      ].join('\n'),
    );
  } finally {
    lines.close();
  }
}

interface LoginOptions {
  oauth1?: boolean;
  oauth2?: boolean;
  account?: string;
  paste?: boolean;
  browser: boolean;
  timeout?: number;
}

async function login(svc: AuthService, o: LoginOptions): Promise<void> {
  if (o.oauth1 && o.oauth2) throw new CuelineError('usage.conflict', 'Choose one of --oauth1 and --oauth2.');
  const settings = await svc.app.settings();
  if (!o.oauth1 && !o.oauth2 && !o.paste && !settings.clientId && !settings.consumerKey)
    throw new CuelineError(
      'auth.missing_credentials',
      'Set up your X app first: `cueline auth setup --client-id <id>` (OAuth 2.0) or ' +
        '`cueline auth setup --consumer-key <key> --consumer-secret-stdin` (OAuth 1.0a).',
    );
  const method =
    o.oauth1 || o.paste ? 'oauth1' : o.oauth2 ? 'oauth2' : settings.clientId ? 'oauth2' : 'oauth1';
  const open = systemOpener();
  const tryOpen = async (url: string): Promise<void> => {
    if (!o.browser) return;
    await open(url).catch((e: unknown) => {
      err(
        `Could not open a browser (${e instanceof Error ? e.message : String(e)}); open the link above yourself.`,
      );
    });
  };
  const cancel = cancelOnSignal(['SIGINT']);
  const lines = new StdinLines(cancel.signal);
  try {
    let account: AccountSummary;
    if (method === 'oauth2') {
      account = await svc.signInOAuth2({
        onAuthorizeUrl: (url) => err(`Sign in to X in your browser. If it doesn't open, visit:\n  ${url}`),
        open: tryOpen,
        signal: cancel.signal,
        ...(o.account !== undefined ? { accountId: o.account } : {}),
        ...(o.timeout !== undefined ? { timeoutMs: o.timeout * 1000 } : {}),
      });
    } else if (o.paste) {
      const token = await required(lines, 'Access token: ', 'The access token');
      const tokenSecret = await required(lines, 'Access token secret: ', 'The access token secret', true);
      account = await svc.addOAuth1Tokens({
        token,
        tokenSecret,
        signal: cancel.signal,
        ...(o.account !== undefined ? { accountId: o.account } : {}),
      });
    } else {
      const pin = await svc.beginOAuth1Pin({
        signal: cancel.signal,
        ...(o.account !== undefined ? { accountId: o.account } : {}),
      });
      err(
        `Approve Cueline on X, then type the PIN it shows. If the browser doesn't open, visit:\n  ${pin.authorizeUrl}`,
      );
      await tryOpen(pin.authorizeUrl);
      account = await pin.complete(await required(lines, 'PIN: ', 'The PIN'));
    }
    process.stdout.write(`Signed in as @${account.handle} (${account.name}).\n${formatAccount(account)}\n`);
  } finally {
    cancel.dispose();
    lines.close();
  }
}

/** Lets publish/attach/batch use signed-in accounts (after X_* environment credentials). */
function registerKeychainAccounts(): void {
  registerAccountSignerProvider(async (account) => {
    const svc = createAuthService(process.env);
    // No accounts and none asked for: leave the "no credentials" message to the caller, and
    // don't touch the keychain at all (env-only setups may have none).
    if (account === undefined && (await svc.accounts.list()).length === 0) return null;
    return svc.signerFor(account);
  });
}

export const registerAuth = (program: Command): void => {
  registerKeychainAccounts();
  const auth = program
    .command('auth')
    .description('Sign in to X and manage accounts (tokens stay in the system keychain)');

  auth
    .command('setup')
    .description('Save your X app credentials: OAuth 2.0 client id and/or OAuth 1.0a consumer key and secret')
    .option('--client-id <id>', 'OAuth 2.0 client id (a "Native App", public client)', idArg)
    .option('--consumer-key <key>', 'OAuth 1.0a consumer key (API key)', idArg)
    .option('--consumer-secret-stdin', 'read the OAuth 1.0a consumer secret from standard input')
    .option('--redirect-port <port>', 'loopback port registered as http://127.0.0.1:<port>/callback', port)
    .action(async (o: SetupOptions) => setup(createAuthService(process.env), o));

  auth
    .command('login')
    .description('Sign in to X: OAuth 2.0 in the browser (default with a client id), or OAuth 1.0a')
    .option('--oauth2', 'OAuth 2.0 Authorization Code with PKCE in your browser')
    .option('--oauth1', 'OAuth 1.0a: approve in the browser and type the PIN')
    .option(
      '--paste',
      'OAuth 1.0a: read an access token and secret from the developer portal on standard input',
    )
    .option('--account <name>', 'local name for this account (default: the X handle)')
    .option('--no-browser', "don't open a browser; just print the link")
    .option('--timeout <seconds>', 'give up waiting for the browser after this long (default 300)', seconds)
    .action(async (o: LoginOptions) => login(createAuthService(process.env), o));

  auth
    .command('list')
    .description('List signed-in accounts (* = default)')
    .option('--json', 'print the accounts as JSON')
    .action(async (o: { json?: boolean }) => {
      const accounts = await createAuthService(process.env).listAccounts();
      if (o.json) process.stdout.write(`${JSON.stringify(accounts, null, 2)}\n`);
      else if (accounts.length === 0) process.stdout.write('No accounts. Run `cueline auth login`.\n');
      else process.stdout.write(`${accounts.map(formatAccount).join('\n')}\n`);
    });

  auth
    .command('default')
    .description('Make an account the default for publishing')
    .argument('<account>', 'account name or @handle')
    .action(async (ref: string) => {
      const a = await createAuthService(process.env).setDefault(ref);
      process.stdout.write(`${formatAccount(a)}\n`);
    });

  auth
    .command('logout')
    .description('Sign out: revoke the tokens at X (OAuth 2.0) and remove them from the keychain')
    .argument('[account]', 'account name or @handle (default: the default account)')
    .action(async (ref: string | undefined) => {
      const { account, revoked } = await createAuthService(process.env).signOut(ref);
      process.stdout.write(`Signed out ${account.accountId} (@${account.handle}).\n`);
      if (account.method === 'oauth2' && !revoked)
        err('X could not be reached to revoke the tokens; they were removed here and expire on their own.');
      if (account.method === 'oauth1')
        err(
          'OAuth 1.0a tokens stay valid at X until you revoke the app under Settings → Connected apps on x.com.',
        );
    });
};
