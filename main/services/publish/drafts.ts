// What the Publish dialog remembers per video — the post text, the alt text and the card's title
// and description — in <userData>/publish-drafts.json, keyed by the video's path (the renderer
// only ever names a video by its file id). The most recently saved drafts are kept (a bounded file).
import { join } from 'node:path';
import { z } from 'zod';
import { publishDraft, type PublishDraft } from '../../../shared/ipc/channels/publish.ts';
import { readJsonOr, writeJsonAtomic } from '../store/json-store.ts';

/** How many videos' drafts are kept; the oldest go first. */
export const MAX_DRAFTS = 500;

const DraftsFile = z.object({
  version: z.literal(1),
  drafts: z.record(z.string(), publishDraft.extend({ savedAt: z.number() })),
});
type DraftsFile = z.output<typeof DraftsFile>;

const EMPTY: PublishDraft = publishDraft.parse({});

export class PublishDrafts {
  readonly file: string;
  /** Saves one after another: each reads what the one before wrote. */
  #queue: Promise<unknown> = Promise.resolve();

  readonly #max: number;

  constructor(userData: string, o: { max?: number } = {}) {
    this.file = join(userData, 'publish-drafts.json');
    this.#max = o.max ?? MAX_DRAFTS;
  }

  #read(): Promise<DraftsFile> {
    return readJsonOr(this.file, DraftsFile, { version: 1, drafts: {} });
  }

  async get(videoPath: string): Promise<PublishDraft> {
    const d = (await this.#read()).drafts[videoPath];
    if (!d) return EMPTY;
    const { savedAt: _, ...draft } = d;
    return draft;
  }

  /** Keeps the draft for this video (an empty one is forgotten). */
  save(videoPath: string, draft: PublishDraft, now = Date.now()): Promise<PublishDraft> {
    const next = this.#queue.then(async () => {
      const file = await this.#read();
      const drafts = { ...file.drafts };
      delete drafts[videoPath];
      if (Object.values(draft).some((v) => v !== '')) drafts[videoPath] = { ...draft, savedAt: now };
      const kept = Object.entries(drafts)
        .sort(([, a], [, b]) => b.savedAt - a.savedAt)
        .slice(0, this.#max);
      await writeJsonAtomic(this.file, { version: 1, drafts: Object.fromEntries(kept) });
      return draft;
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
