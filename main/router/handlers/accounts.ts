// The Accounts panel's channels over the AuthService. Everything sent back is an AccountSummary or
// an AppSettingsSummary: tokens and the consumer secret stay in the keychain and in main's memory.
import { CuelineError } from '../../../shared/errors.ts';
import type { Channels } from '../../../shared/ipc/contract.ts';
import { isLoopbackHttp } from '../../services/auth/x-auth-endpoints.ts';
import type { AccountsDeps, RouterDeps } from '../deps.ts';
import type { Handlers } from '../types.ts';

type AccountsHandlers = Pick<
  Handlers<Channels>,
  | 'accounts:list'
  | 'accounts:signInOAuth2'
  | 'accounts:startPin'
  | 'accounts:reopenPin'
  | 'accounts:completePin'
  | 'accounts:cancelPin'
  | 'accounts:addTokens'
  | 'accounts:setDefault'
  | 'accounts:signOut'
  | 'accounts:appSettings'
  | 'accounts:saveAppSettings'
>;

function accountsOf(deps: RouterDeps): AccountsDeps {
  if (!deps.accounts)
    throw new CuelineError('accounts.unavailable', 'X accounts are not set up in this window.');
  return deps.accounts;
}

/**
 * The panel names accounts by their exact local id. The service also resolves X handles, which
 * would let a stale id sign out another account of the same user: refuse anything but an id.
 */
async function exactId(a: AccountsDeps, accountId: string): Promise<string> {
  if (!(await a.service.listAccounts()).some((x) => x.accountId === accountId))
    throw new CuelineError('auth.no_account', `No signed-in X account is called "${accountId}".`, {
      accountId,
    });
  return accountId;
}

const named = (accountId: string | undefined): { accountId?: string } =>
  accountId === undefined ? {} : { accountId };

export function accountsHandlers(deps: RouterDeps): AccountsHandlers {
  // PIN sign-ins this window started: their consent page, so "open again" needs no URL from the renderer.
  const pinPages = new Map<string, string>();
  const openQuietly = async (a: AccountsDeps, url: string): Promise<boolean> => {
    // Consent pages come from the configured endpoints; still, only https (or a loopback stand-in
    // for X) ever reaches the OS opener.
    if (!/^https:\/\//i.test(url) && !isLoopbackHttp(url)) return false;
    try {
      await a.open(url);
      return true;
    } catch {
      return false; // the panel shows the address to copy instead
    }
  };
  return {
    'accounts:list': async () => accountsOf(deps).service.listAccounts(),

    'accounts:signInOAuth2': async ({ accountId }, job) => {
      const a = accountsOf(deps);
      return a.service.signInOAuth2({
        // A browser that fails to open doesn't end the sign-in: the panel shows the address to copy.
        open: async (url) => void (await openQuietly(a, url)),
        onAuthorizeUrl: (authorizeUrl) => job.progress({ stage: 'waiting-for-browser', authorizeUrl }),
        signal: job.signal,
        ...named(accountId),
      });
    },

    'accounts:startPin': async ({ accountId }) => {
      const a = accountsOf(deps);
      const started = await a.service.startPinSignIn(named(accountId));
      pinPages.set(started.sessionId, started.authorizeUrl);
      return { ...started, opened: await openQuietly(a, started.authorizeUrl) };
    },

    'accounts:reopenPin': async ({ sessionId }) => {
      const url = pinPages.get(sessionId);
      if (!url) throw new CuelineError('auth.pin_rejected', 'This PIN sign-in has ended. Start it again.');
      return { opened: await openQuietly(accountsOf(deps), url) };
    },

    'accounts:completePin': async ({ sessionId, pin }) => {
      pinPages.delete(sessionId);
      return accountsOf(deps).service.completePinSignIn(sessionId, pin);
    },

    'accounts:cancelPin': ({ sessionId }) => {
      const known = pinPages.delete(sessionId);
      accountsOf(deps).service.cancelPinSignIn(sessionId);
      return { cancelled: known };
    },

    'accounts:addTokens': async ({ token, tokenSecret, accountId }) =>
      accountsOf(deps).service.addOAuth1Tokens({ token, tokenSecret, ...named(accountId) }),

    'accounts:setDefault': async ({ accountId }) => {
      const a = accountsOf(deps);
      return a.service.setDefault(await exactId(a, accountId));
    },

    'accounts:signOut': async ({ accountId }) => {
      const a = accountsOf(deps);
      return a.service.signOut(await exactId(a, accountId));
    },

    'accounts:appSettings': async () => accountsOf(deps).service.appSettingsSummary(),

    'accounts:saveAppSettings': async (update) => {
      const { service } = accountsOf(deps);
      await service.app.update(update);
      return service.appSettingsSummary();
    },
  };
}
