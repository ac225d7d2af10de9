// Accounts against the X emulator, for the accounts IPC unit tests and the Playwright accounts
// suite: a real AuthService whose endpoints are the emulator's, and a "browser" that loads each
// consent page it is asked to open and follows X's redirect, like a user clicking "Authorize app".
import { createServer } from 'node:net';
import type { AccountsDeps } from '../../../main/router/deps.ts';
import { AuthService } from '../../../main/services/auth/auth-service.ts';
import type { SecretStore } from '../../../main/services/auth/secret-store.ts';
import { xAuthEndpoints } from '../../../main/services/auth/x-auth-endpoints.ts';
import type { Emulator } from '../../x-emulator/server.ts';

export interface TestBrowser {
  open(url: string): Promise<void>;
  /** Every URL opened, in order. */
  opened: string[];
  /** The text of the last page opened (after redirects): the loopback's "you can close this tab", the PIN page. */
  lastPage(): Promise<string>;
}

export function testBrowser(): TestBrowser {
  const opened: string[] = [];
  let page: Promise<string> = Promise.resolve('');
  return {
    opened,
    // Fire and forget, like shell.openExternal: the loopback answers the tab only after the code exchange.
    open: (url) => {
      opened.push(url);
      page = fetch(url).then(
        (r) => r.text(),
        (err: unknown) => `(browser error: ${String(err)})`,
      );
      return Promise.resolve();
    },
    lastPage: () => page,
  };
}

/** The PIN the emulator's OAuth 1.0a consent page shows. */
export function pinOf(page: string): string {
  const pin = /id="oauth_pin">(\d+)</.exec(page)?.[1];
  if (!pin) throw new Error(`no PIN on the consent page: ${page.slice(0, 200)}`);
  return pin;
}

export function emulatorAuthService(emu: Emulator, userData: string, secrets: SecretStore): AuthService {
  return new AuthService({ userData, secrets, endpoints: xAuthEndpoints({ CUELINE_X_API_BASE: emu.url }) });
}

export function emulatorAccounts(
  emu: Emulator,
  userData: string,
  secrets: SecretStore,
): AccountsDeps & { browser: TestBrowser } {
  const browser = testBrowser();
  return { service: emulatorAuthService(emu, userData, secrets), open: browser.open, browser };
}

/** A port nothing listens on right now, for the registered redirect URI. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Every secret the emulator has minted or knows (consumer secrets, OAuth 1.0a tokens and their
 * secrets, OAuth 2.0 access and refresh tokens, request-token secrets): none may leave main.
 */
export function emulatorSecrets(emu: Emulator): string[] {
  const s = emu.state;
  return [
    ...s.consumers.values(),
    ...[...s.oauth1Tokens].flatMap(([token, t]) => [token, t.secret]),
    ...s.oauth2Tokens.keys(),
    ...emu.oauth.refreshTokens.keys(),
    ...[...emu.oauth.requestTokens.values()].map((r) => r.secret),
    ...s.appTokens,
  ].filter((v) => v.length >= 8);
}
