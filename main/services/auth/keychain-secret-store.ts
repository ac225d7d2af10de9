// The OS keychain through @napi-rs/keyring (keytar's API, maintained and prebuilt). Its keytar.js
// wrapper takes no options, so we use the same AsyncEntry it wraps, with the Linux store pinned to
// the Secret Service: the library's default silently falls back to the kernel keyring, which
// forgets everything at reboot — users would lose their sign-in without being told.
import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { CuelineError } from '../../../shared/errors.ts';
import { SECRET_SERVICE, type SecretStore } from './secret-store.ts';

const PINNED: EntryOptions = { linux: { store: 'secret-service' } };

function unavailable(err: unknown, platform: NodeJS.Platform): CuelineError {
  const reason = err instanceof Error ? err.message : String(err);
  const hint =
    platform === 'linux'
      ? 'Cueline keeps sign-in tokens in the Secret Service (GNOME Keyring, KWallet, KeePassXC). ' +
        'Start or unlock your keyring (a desktop session normally does this; without one run ' +
        '`gnome-keyring-daemon --unlock --components=secrets` inside a D-Bus session) and try again.'
      : platform === 'darwin'
        ? 'Cueline keeps sign-in tokens in the macOS Keychain. Unlock your login keychain and try again.'
        : 'Cueline keeps sign-in tokens in the Windows Credential Manager. Check that it is available and try again.';
  return new CuelineError('auth.keychain_unavailable', `The system keychain is not available. ${hint}`, {
    reason,
  });
}

export class KeychainSecretStore implements SecretStore {
  readonly #service: string;
  readonly #platform: NodeJS.Platform;

  constructor(service: string = SECRET_SERVICE, platform: NodeJS.Platform = process.platform) {
    this.#service = service;
    this.#platform = platform;
  }

  async get(key: string): Promise<string | null> {
    return this.#run(key, async (e) => await e.getPassword());
  }

  async set(key: string, value: string): Promise<void> {
    await this.#run(key, async (e) => await e.setPassword(value));
  }

  async delete(key: string): Promise<boolean> {
    return this.#run(key, async (e) => await e.deletePassword());
  }

  // The constructor throws when the pinned store is missing; operations reject when it is locked
  // or the bus is unreachable. Both become one actionable error.
  async #run<T>(key: string, op: (entry: AsyncEntry) => Promise<T>): Promise<T> {
    let entry: AsyncEntry;
    try {
      entry = new AsyncEntry(this.#service, key, PINNED);
    } catch (err) {
      throw unavailable(err, this.#platform);
    }
    try {
      return await op(entry);
    } catch (err) {
      throw unavailable(err, this.#platform);
    }
  }
}
