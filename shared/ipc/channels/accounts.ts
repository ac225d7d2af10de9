// X accounts in the app: list, sign in (OAuth 2.0 PKCE in the system browser as a cancellable job,
// OAuth 1.0a PIN in two calls, pasted developer-portal tokens), set the default, sign out, and the
// user's X app settings. Tokens and the consumer secret may travel renderer → main (the user types
// or pastes them) but never back: every reply is a summary (DESIGN.md "Accounts").
import { z } from 'zod';
import { call, job, noPayload } from '../define.ts';

/** Local account names, as main/services/auth accepts them. */
export const accountName = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 letters, digits, ".", "_" or "-"');

export const accountSummary = z.object({
  accountId: z.string(),
  handle: z.string(),
  name: z.string(),
  method: z.enum(['oauth1', 'oauth2']),
  scopes: z.array(z.string()),
  isDefault: z.boolean(),
});
export type AccountSummaryMessage = z.output<typeof accountSummary>;

/** What the UI may know about the X app: never the consumer secret, only whether one is stored. */
export const appSettingsSummary = z.object({
  clientId: z.string().nullable(),
  consumerKey: z.string().nullable(),
  hasConsumerSecret: z.boolean(),
  redirectPort: z.number().int(),
  redirectUri: z.string(),
});
export type AppSettingsMessage = z.output<typeof appSettingsSummary>;

const optionalName = { accountId: accountName.optional() };
const trimmed = (max: number): z.ZodString => z.string().trim().min(1).max(max);

export const signInProgress = z.object({
  stage: z.literal('waiting-for-browser'),
  /** The consent page, shown as a fallback when the browser did not open. */
  authorizeUrl: z.string(),
});
export type SignInProgress = z.output<typeof signInProgress>;

export const accountsChannels = {
  'accounts:list': call(noPayload, z.array(accountSummary)),
  /** OAuth 2.0 + PKCE: opens the browser, waits for the loopback redirect; cancel with jobs:cancel. */
  'accounts:signInOAuth2': job({
    request: z.object(optionalName),
    progress: signInProgress,
    result: accountSummary,
  }),
  /** OAuth 1.0a PIN, step 1: a request token kept in main, its consent page opened in the browser. */
  'accounts:startPin': call(
    z.object(optionalName),
    /** opened: false when the browser could not be opened (the panel shows the address to copy). */
    z.object({ sessionId: z.string(), authorizeUrl: z.string(), opened: z.boolean() }),
  ),
  /** Opens the consent page of a PIN sign-in again (only a page main minted, never a URL from here). */
  'accounts:reopenPin': call(
    z.object({ sessionId: z.string().min(1).max(100) }),
    z.object({ opened: z.boolean() }),
  ),
  'accounts:completePin': call(
    z.object({
      sessionId: z.string().min(1).max(100),
      pin: z
        .string()
        .trim()
        .regex(/^[0-9]{4,12}$/, 'must be the digits X showed'),
    }),
    accountSummary,
  ),
  'accounts:cancelPin': call(
    z.object({ sessionId: z.string().min(1).max(100) }),
    z.object({ cancelled: z.boolean() }),
  ),
  /** An access token and secret from the developer portal (OAuth 1.0a). */
  'accounts:addTokens': call(
    z.object({ token: trimmed(500), tokenSecret: trimmed(500), ...optionalName }),
    accountSummary,
  ),
  'accounts:setDefault': call(z.object({ accountId: accountName }), accountSummary),
  /** Revokes what X lets us revoke, then forgets the account and its tokens. */
  'accounts:signOut': call(
    z.object({ accountId: accountName }),
    z.object({ account: accountSummary, revoked: z.boolean() }),
  ),
  'accounts:appSettings': call(noPayload, appSettingsSummary),
  /** Absent fields keep their value; the consumer secret is write-only. */
  'accounts:saveAppSettings': call(
    z.object({
      clientId: trimmed(200).optional(),
      consumerKey: trimmed(200).optional(),
      consumerSecret: trimmed(500).optional(),
      redirectPort: z.number().int().min(1024).max(65535).optional(),
    }),
    appSettingsSummary,
  ),
};
