// Autosave and crash recovery in the user-data folder: one JSON file per open document, removed
// when the document is saved or discarded; whatever is left at start-up is offered back.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';
import { docId as docIdSchema } from '../../../shared/ipc/common.ts';
import type { AutosaveEntry } from '../../../shared/ipc/channels/autosave.ts';
import { readJson, writeJsonAtomic } from '../store/json-store.ts';

const stored = z.object({
  docId: docIdSchema,
  title: z.string(),
  savedAt: z.iso.datetime(),
  document: z.json(),
});

export class AutosaveStore {
  readonly dir: string;

  constructor(userData: string) {
    this.dir = join(userData, 'autosave');
  }

  #file(docId: string): string {
    // The id schema keeps it a plain file name; checked again here as this builds a path.
    const id = docIdSchema.parse(docId);
    return join(this.dir, `${id}.json`);
  }

  async write(docId: string, title: string, document: unknown, now = new Date()): Promise<AutosaveEntry> {
    const savedAt = now.toISOString();
    const bytes = await writeJsonAtomic(
      this.#file(docId),
      { docId, title, savedAt, document },
      { compact: true },
    );
    return { docId, title, savedAt, bytes };
  }

  async read(docId: string): Promise<AutosaveEntry & { document: z.output<typeof stored>['document'] }> {
    const file = this.#file(docId);
    const r = await readJson(file, stored);
    if (!r.ok) throw new CuelineError('autosave.not_found', `No recoverable copy of ${docId}.`, { docId });
    const { size } = await stat(file);
    return { ...r.value, bytes: size };
  }

  /** Recoverable documents, newest first; unreadable leftovers are skipped. */
  async list(): Promise<AutosaveEntry[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: AutosaveEntry[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const file = join(this.dir, name);
      const r = await readJson(file, stored);
      if (!r.ok) continue;
      const { size } = await stat(file);
      out.push({ docId: r.value.docId, title: r.value.title, savedAt: r.value.savedAt, bytes: size });
    }
    return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async discard(docId: string): Promise<boolean> {
    const file = this.#file(docId);
    const existed = await stat(file).then(
      () => true,
      () => false,
    );
    await rm(file, { force: true });
    return existed;
  }
}
