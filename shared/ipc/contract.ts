// The one IPC contract (DESIGN.md "Processes"). To add an area: write channels/<area>.ts exporting
// `<area>Channels` and add one line below; main/router/handlers then needs its handlers (the type
// checker says which), and the preload and window.cueline pick the channels up at build time.
import type { ChannelMap } from './define.ts';
import { accountsChannels } from './channels/accounts.ts';
import { appChannels } from './channels/app.ts';
import { batchChannels } from './channels/batch.ts';
import { historyChannels, onXChannels } from './channels/history.ts';
import { publishChannels } from './channels/publish.ts';
import { autosaveChannels } from './channels/autosave.ts';
import { captionsChannels } from './channels/captions.ts';
import { filesChannels } from './channels/files.ts';
import { jobsChannels } from './channels/jobs.ts';
import { mediaChannels } from './channels/media.ts';
import { recentChannels } from './channels/recent.ts';
import { settingsChannels } from './channels/settings.ts';
import { spellingChannels } from './channels/spelling.ts';
import { events } from './events.ts';
import type { BridgeSpec } from './bridge.ts';

export const channels = {
  ...appChannels,
  ...autosaveChannels,
  ...captionsChannels,
  ...filesChannels,
  ...jobsChannels,
  ...mediaChannels,
  ...recentChannels,
  ...settingsChannels,
  ...publishChannels,
  ...historyChannels,
  ...onXChannels,
  ...batchChannels,
  ...accountsChannels,
  ...spellingChannels,
} satisfies ChannelMap;

export { events };

export type Channels = typeof channels;
export type Events = typeof events;
export type ChannelKey = keyof Channels;
export type EventKey = keyof Events;

export const contract = { channels, events };
export type Contract = typeof contract;

/** Channels whose renderer-side argument is a list of dropped File objects, turned into paths in the preload. */
export const FILE_CHANNELS: readonly ChannelKey[] = ['files:dropped'];

/** The plain data the preload is generated from (no zod reaches the sandboxed preload). */
export function bridgeSpec(): BridgeSpec {
  return {
    channels: Object.keys(channels),
    events: Object.keys(events),
    fileChannels: [...FILE_CHANNELS],
  };
}
