// Where tokens and consumer secrets live. Only the main process holds a SecretStore; nothing
// read from it is written to files, logs, or sent to the renderer.

/** The keychain service name every Cueline secret is filed under. */
export const SECRET_SERVICE = 'Cueline';

/** keytar's shape (service + account → password), which every OS keychain supports. */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  /** Resolves false when there was nothing to delete. */
  delete(key: string): Promise<boolean>;
}

/** Keys under which secrets are filed (the keychain "account" field). */
export const secretKeys = {
  consumerSecret: 'app:consumer-secret',
  accountTokens: (accountId: string): string => `account:${accountId}:tokens`,
};
