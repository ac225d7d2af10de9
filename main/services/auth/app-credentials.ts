// The user's own X developer app: OAuth 2.0 client id (a public "Native App" client, no secret),
// and/or OAuth 1.0a consumer key + secret. Key, id and port go to `x-app.json`; the consumer
// secret goes to the keychain only.
import { join } from 'node:path';
import { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';
import { readJsonFile, writeJsonFile } from './json-file.ts';
import { secretKeys, type SecretStore } from './secret-store.ts';

/**
 * X matches redirect URIs exactly, port included, and its docs don't promise RFC 8252's "any
 * loopback port": the port is a setting the user registers as http://127.0.0.1:<port>/callback.
 */
export const DEFAULT_REDIRECT_PORT = 48715;

const SettingsSchema = z.object({
  clientId: z.string().min(1).optional(),
  consumerKey: z.string().min(1).optional(),
  redirectPort: z.number().int().min(0).max(65535).default(DEFAULT_REDIRECT_PORT),
});
export type AppSettings = z.infer<typeof SettingsSchema>;

export interface AppCredentialsUpdate {
  clientId?: string | undefined;
  consumerKey?: string | undefined;
  consumerSecret?: string | undefined;
  redirectPort?: number | undefined;
}

export interface OAuth1Consumer {
  consumerKey: string;
  consumerSecret: string;
}

export function redirectUri(port: number): string {
  return `http://127.0.0.1:${port}/callback`;
}

export class AppCredentials {
  readonly path: string;
  readonly #secrets: SecretStore;

  constructor(userData: string, secrets: SecretStore) {
    this.path = join(userData, 'x-app.json');
    this.#secrets = secrets;
  }

  async settings(): Promise<AppSettings> {
    return readJsonFile(this.path, SettingsSchema, { redirectPort: DEFAULT_REDIRECT_PORT });
  }

  async hasConsumerSecret(): Promise<boolean> {
    return (await this.#secrets.get(secretKeys.consumerSecret)) !== null;
  }

  async update(u: AppCredentialsUpdate): Promise<AppSettings> {
    const current = await this.settings();
    // Secret first: if the keychain is unavailable nothing is half-saved.
    if (u.consumerSecret !== undefined) await this.#secrets.set(secretKeys.consumerSecret, u.consumerSecret);
    const next: AppSettings = {
      ...current,
      ...(u.clientId !== undefined ? { clientId: u.clientId } : {}),
      ...(u.consumerKey !== undefined ? { consumerKey: u.consumerKey } : {}),
      ...(u.redirectPort !== undefined ? { redirectPort: u.redirectPort } : {}),
    };
    await writeJsonFile(this.path, SettingsSchema.parse(next));
    return next;
  }

  async clientId(): Promise<string> {
    const { clientId } = await this.settings();
    if (!clientId)
      throw new CuelineError('auth.missing_credentials', 'No OAuth 2.0 client id is set.', undefined, {
        hint: 'auth.setup',
        what: 'client_id',
      });
    return clientId;
  }

  async consumer(): Promise<OAuth1Consumer> {
    const { consumerKey } = await this.settings();
    const consumerSecret = await this.#secrets.get(secretKeys.consumerSecret);
    if (!consumerKey || !consumerSecret)
      throw new CuelineError(
        'auth.missing_credentials',
        'No OAuth 1.0a consumer key and secret are set.',
        undefined,
        { hint: 'auth.setup', what: 'consumer' },
      );
    return { consumerKey, consumerSecret };
  }
}
