// Signed-in accounts, without their tokens: `accounts.json` in the user-data folder holds only
// what the UI may show (the tokens are in the keychain under secretKeys.accountTokens(id)).
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file.ts';

export const AuthMethodSchema = z.enum(['oauth1', 'oauth2']);
export type AuthMethod = z.infer<typeof AuthMethodSchema>;

/** What leaves the main process about an account (IPC, CLI output): never a token. */
export const AccountSummarySchema = z.object({
  accountId: z.string(),
  handle: z.string(),
  name: z.string(),
  method: AuthMethodSchema,
  scopes: z.array(z.string()),
  isDefault: z.boolean(),
});
export type AccountSummary = z.infer<typeof AccountSummarySchema>;

export const AccountRecordSchema = AccountSummarySchema.extend({
  /** X's numeric user id (a string: it exceeds JavaScript's safe integers). */
  userId: z.string(),
  createdAt: z.string(),
});
export type AccountRecord = z.infer<typeof AccountRecordSchema>;

const FileSchema = z.object({ version: z.literal(1), accounts: z.array(AccountRecordSchema) });
type AccountsFile = z.infer<typeof FileSchema>;

export function toSummary(r: AccountRecord): AccountSummary {
  return {
    accountId: r.accountId,
    handle: r.handle,
    name: r.name,
    method: r.method,
    scopes: [...r.scopes],
    isDefault: r.isDefault,
  };
}

export class AccountStore {
  readonly path: string;

  constructor(userData: string) {
    this.path = join(userData, 'accounts.json');
  }

  async list(): Promise<AccountRecord[]> {
    return (await this.#read()).accounts;
  }

  async get(accountId: string): Promise<AccountRecord | undefined> {
    return (await this.list()).find((a) => a.accountId === accountId);
  }

  /** Adds or replaces an account; the first account becomes the default. */
  async upsert(record: Omit<AccountRecord, 'isDefault'> & { isDefault?: boolean }): Promise<AccountRecord> {
    const file = await this.#read();
    const existing = file.accounts.find((a) => a.accountId === record.accountId);
    const others = file.accounts.filter((a) => a.accountId !== record.accountId);
    const isDefault = record.isDefault ?? existing?.isDefault ?? !others.some((a) => a.isDefault);
    const next: AccountRecord = { ...record, isDefault };
    const accounts = [...others.map((a) => (isDefault ? { ...a, isDefault: false } : a)), next];
    await this.#write({ version: 1, accounts });
    return next;
  }

  /** Removes an account; when it was the default, the oldest remaining one becomes the default. */
  async remove(accountId: string): Promise<boolean> {
    const file = await this.#read();
    const gone = file.accounts.find((a) => a.accountId === accountId);
    if (!gone) return false;
    const accounts = file.accounts.filter((a) => a.accountId !== accountId);
    if (gone.isDefault && accounts.length > 0 && !accounts.some((a) => a.isDefault)) {
      const first = accounts[0];
      if (first) accounts[0] = { ...first, isDefault: true };
    }
    await this.#write({ version: 1, accounts });
    return true;
  }

  async setDefault(accountId: string): Promise<void> {
    const file = await this.#read();
    const accounts = file.accounts.map((a) => ({ ...a, isDefault: a.accountId === accountId }));
    await this.#write({ version: 1, accounts });
  }

  async #read(): Promise<AccountsFile> {
    return readJsonFile(this.path, FileSchema, { version: 1, accounts: [] });
  }

  async #write(file: AccountsFile): Promise<void> {
    await writeJsonFile(this.path, file);
  }
}
