// Credentials for headless use: env first (OAuth 1.0a's four values, or an OAuth 2.0 user access
// token), then a keychain account through the provider the accounts service registers.
import { CuelineError } from '../../shared/errors.ts';
import {
  xClientFactory,
  type XClientFactory,
  type XClientFactoryOptions,
} from '../services/x/client-factory.ts';
import { bearerSigner, credentialKey, oauth1Signer, type RequestSigner } from '../services/x/signer.ts';

/**
 * Extension point for the accounts service (issue 5): resolves a keychain account (the named one,
 * or the default when `account` is undefined) to a signer, or null when there is none.
 */
export type AccountSignerProvider = (account?: string) => Promise<RequestSigner | null>;

let accountSignerProvider: AccountSignerProvider | null = null;

export function registerAccountSignerProvider(provider: AccountSignerProvider | null): void {
  accountSignerProvider = provider;
}

const OAUTH1_VARS = [
  'X_CONSUMER_KEY',
  'X_CONSUMER_SECRET',
  'X_ACCESS_TOKEN',
  'X_ACCESS_TOKEN_SECRET',
] as const;

export const MISSING_CREDENTIALS_HELP =
  'No X credentials. Set X_CONSUMER_KEY, X_CONSUMER_SECRET, X_ACCESS_TOKEN and X_ACCESS_TOKEN_SECRET ' +
  '(OAuth 1.0a user context, from your app in the X developer portal), or X_OAUTH2_ACCESS_TOKEN ' +
  '(an OAuth 2.0 user token with the media.write scope, plus tweet.read tweet.write users.read to post), ' +
  'or sign in with `cueline auth login` (tokens in the system keychain).';

export async function resolveSigner(opts: {
  account?: string;
  env: Record<string, string | undefined>;
}): Promise<RequestSigner> {
  const { env } = opts;
  if (opts.account === undefined) {
    const set = OAUTH1_VARS.filter((k) => env[k]);
    if (set.length === OAUTH1_VARS.length) {
      return oauth1Signer({
        consumerKey: env['X_CONSUMER_KEY'] ?? '',
        consumerSecret: env['X_CONSUMER_SECRET'] ?? '',
        token: env['X_ACCESS_TOKEN'] ?? '',
        tokenSecret: env['X_ACCESS_TOKEN_SECRET'] ?? '',
      });
    }
    if (set.length > 0 && !env['X_OAUTH2_ACCESS_TOKEN']) {
      const missing = OAUTH1_VARS.filter((k) => !env[k]);
      throw new CuelineError(
        'auth.missing_credentials',
        `Incomplete OAuth 1.0a credentials: ${missing.join(', ')} not set. ${MISSING_CREDENTIALS_HELP}`,
        { missing },
      );
    }
    const bearer = env['X_OAUTH2_ACCESS_TOKEN'];
    // The token names no user and is replaced every 2 hours: a job asks X whose it is (the token's
    // hash only when X won't say, e.g. a token without users.read).
    if (bearer)
      return bearerSigner(() => Promise.resolve(bearer), undefined, {
        accountKey: credentialKey('oauth2', bearer),
        accountLookup: true,
      });
  }
  if (accountSignerProvider) {
    const signer = await accountSignerProvider(opts.account);
    if (signer) return signer;
    if (opts.account !== undefined)
      throw new CuelineError(
        'auth.missing_credentials',
        `No account named ${opts.account}. ${MISSING_CREDENTIALS_HELP}`,
      );
  }
  throw new CuelineError('auth.missing_credentials', MISSING_CREDENTIALS_HELP);
}

/** The CLI's X clients: credentials from the environment or the keychain, endpoints from CUELINE_X_*. */
export function cliClientFactory(o: Omit<XClientFactoryOptions, 'signerFor'> = {}): XClientFactory {
  return xClientFactory({
    ...o,
    signerFor: (account) =>
      resolveSigner({ env: process.env, ...(account !== undefined ? { account } : {}) }),
  });
}
