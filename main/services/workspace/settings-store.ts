import { join } from 'node:path';
import {
  settings as settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../../shared/ipc/channels/settings.ts';
import { readJson, writeJsonAtomic } from './atomic-json.ts';

export class SettingsStore {
  readonly file: string;

  constructor(userData: string) {
    this.file = join(userData, 'settings.json');
  }

  /** The stored settings; a missing or damaged file reads as the defaults. */
  async get(): Promise<Settings> {
    const raw = await readJson(this.file);
    const parsed = settingsSchema.safeParse(raw ?? {});
    return parsed.success ? parsed.data : settingsSchema.parse({});
  }

  async set(patch: SettingsPatch): Promise<Settings> {
    const next = settingsSchema.parse({ ...(await this.get()), ...patch });
    await writeJsonAtomic(this.file, next);
    return next;
  }
}
