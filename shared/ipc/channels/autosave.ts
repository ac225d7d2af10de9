// Autosave and crash recovery: the renderer owns the document's shape; main stores it in the
// user-data folder and offers it back after a crash.
import { z } from 'zod';
import { call, noPayload } from '../define.ts';
import { docId } from '../common.ts';

export const autosaveEntry = z.object({
  docId,
  title: z.string().max(500),
  savedAt: z.iso.datetime(),
  bytes: z.number().int().nonnegative(),
});
export type AutosaveEntry = z.output<typeof autosaveEntry>;

export const autosaveChannels = {
  'autosave:write': call(z.object({ docId, title: z.string().max(500), document: z.json() }), autosaveEntry),
  'autosave:list': call(noPayload, z.array(autosaveEntry)),
  'autosave:read': call(z.object({ docId }), autosaveEntry.extend({ document: z.json() })),
  'autosave:discard': call(z.object({ docId }), z.object({ discarded: z.boolean() })),
};
