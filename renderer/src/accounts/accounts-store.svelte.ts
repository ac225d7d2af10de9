// The accounts the window knows about (summaries only: main never sends tokens), shared by the
// Accounts dialog and every AccountPicker so a sign-in anywhere shows up everywhere.
import type { AccountSummaryMessage, AppSettingsMessage } from '../../../shared/ipc/channels/accounts.ts';
import { cueline } from '../lib/cueline-api.ts';
import { appErrorText } from '../lib/remedy-text.ts';

export const METHOD_LABEL: Record<AccountSummaryMessage['method'], string> = {
  oauth2: 'OAuth 2.0',
  oauth1: 'OAuth 1.0a',
};

export class AccountsStore {
  list: readonly AccountSummaryMessage[] = $state.raw([]);
  settings: AppSettingsMessage | null = $state.raw(null);
  loaded = $state(false);
  /** Why the list could not be read (the keychain, accounts not set up in this window…). */
  error: string | null = $state(null);

  get defaultAccount(): AccountSummaryMessage | undefined {
    return this.list.find((a) => a.isDefault) ?? (this.list.length === 1 ? this.list[0] : undefined);
  }

  async refresh(): Promise<void> {
    const [list, settings] = await Promise.all([cueline.accounts.list(), cueline.accounts.appSettings()]);
    if (list.ok) this.list = list.value;
    if (settings.ok) this.settings = settings.value;
    this.error = !list.ok ? appErrorText(list.error) : !settings.ok ? appErrorText(settings.error) : null;
    this.loaded = true;
  }

  /** Makes the account the default; answers what to tell the person. */
  async makeDefault(accountId: string): Promise<Outcome> {
    const r = await cueline.accounts.setDefault({ accountId });
    if (!r.ok) return { ok: false, message: appErrorText(r.error) };
    await this.refresh();
    return { ok: true, message: `@${r.value.handle} (${r.value.accountId}) is now the default account.` };
  }

  /** Signs the account out (revoking an OAuth 2.0 sign-in at X when X answers). */
  async signOut(accountId: string): Promise<Outcome> {
    const r = await cueline.accounts.signOut({ accountId });
    if (!r.ok) return { ok: false, message: appErrorText(r.error) };
    await this.refresh();
    return {
      ok: true,
      message:
        `Signed out @${r.value.account.handle} (${accountId}).` +
        (r.value.account.method === 'oauth2' && !r.value.revoked
          ? ' X could not be reached to revoke the sign-in; it was removed from this computer.'
          : ''),
    };
  }
}

/** What an action did, in words for the person. */
export interface Outcome {
  ok: boolean;
  message: string;
}

let shared: AccountsStore | null = null;

export function accountsStore(): AccountsStore {
  shared ??= new AccountsStore();
  return shared;
}
