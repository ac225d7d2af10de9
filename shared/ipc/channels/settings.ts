import { z } from 'zod';
import { call, noPayload } from '../define.ts';

// Every field has a default so an old or partial settings file still loads.
export const settings = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Seconds between autosaves of the open document. */
  autosaveSeconds: z.number().int().min(5).max(3600).default(30),
  /** Caption rule limits by rule name (e.g. maxCps: 17); absent means the rule's default. */
  captionRules: z.record(z.string(), z.number()).default({}),
  /** ffmpeg/ffprobe to run instead of the bundled build or PATH (an absolute path; empty: none). */
  ffmpegPath: z.string().max(4096).optional(),
  ffprobePath: z.string().max(4096).optional(),
  /** Editor preferences the renderer owns (zoom, panel sizes…), kept as given. */
  editor: z.record(z.string(), z.json()).default({}),
});
export type Settings = z.output<typeof settings>;

export const settingsPatch = settings.partial().strict();
export type SettingsPatch = z.input<typeof settingsPatch>;

export const settingsChannels = {
  'settings:get': call(noPayload, settings),
  /** Merges the given fields into the stored settings; replies with the whole result. */
  'settings:set': call(settingsPatch, settings),
};
