// A batch item's life: pending → running → published | skipped | failed | cancelled. "Finished"
// means nothing is left to do for it (published now, or found done by its journal): the CLI's exit
// 0, a completed batch, the "done" counts and the results' status all use this one predicate.

export const ITEM_STATUSES = ['pending', 'running', 'published', 'skipped', 'failed', 'cancelled'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export function isItemFinished(status: ItemStatus): status is 'published' | 'skipped' {
  return status === 'published' || status === 'skipped';
}
