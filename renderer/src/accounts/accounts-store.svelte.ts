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
}

let shared: AccountsStore | null = null;

export function accountsStore(): AccountsStore {
  shared ??= new AccountsStore();
  return shared;
}
