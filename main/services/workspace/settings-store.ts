import { join } from 'node:path';
import {
  settings as settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../../shared/ipc/channels/settings.ts';
import { readJsonOr, writeJsonAtomic } from '../store/json-store.ts';

export class SettingsStore {
  readonly file: string;

  constructor(userData: string) {
    this.file = join(userData, 'settings.json');
  }

  /** The stored settings; a missing or damaged file reads as the defaults. */
  async get(): Promise<Settings> {
    return readJsonOr(this.file, settingsSchema, settingsSchema.parse({}));
  }

  async set(patch: SettingsPatch): Promise<Settings> {
    const next = settingsSchema.parse({ ...(await this.get()), ...patch });
    await writeJsonAtomic(this.file, next);
    return next;
  }
}
