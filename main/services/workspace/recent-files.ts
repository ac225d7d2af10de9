import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecentEntry } from '../../../shared/ipc/channels/recent.ts';
import { fileKind } from '../../../shared/ipc/common.ts';
import { readJsonOr, writeJsonAtomic } from '../store/json-store.ts';
import type { FileRegistry } from './file-registry.ts';

const MAX_RECENT = 12;
const stored = z.array(z.object({ path: z.string(), kind: fileKind, openedAt: z.iso.datetime() }));
type Stored = z.output<typeof stored>;

export class RecentFiles {
  readonly file: string;
  readonly #registry: FileRegistry;
  readonly #listeners = new Set<() => void>();

  constructor(userData: string, registry: FileRegistry) {
    this.file = join(userData, 'recent.json');
    this.#registry = registry;
  }

  async #load(): Promise<Stored> {
    return readJsonOr(this.file, stored, []);
  }

  async add(path: string, kind: Stored[number]['kind'], now = new Date()): Promise<void> {
    const rest = (await this.#load()).filter((e) => e.path !== path);
    await writeJsonAtomic(
      this.file,
      [{ path, kind, openedAt: now.toISOString() }, ...rest].slice(0, MAX_RECENT),
    );
    this.#changed();
  }

  async clear(): Promise<void> {
    await writeJsonAtomic(this.file, []);
    this.#changed();
  }

  /** Called after every change, whoever made it (the app's native Open Recent menu listens). */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    for (const l of this.#listeners) l();
  }

  /** Paths for the native menu (main only; the renderer gets ids through list()). */
  async paths(): Promise<Stored> {
    return this.#load();
  }

  /** Entries that still exist, newest first, each registered so the renderer can open it by id. */
  async list(): Promise<RecentEntry[]> {
    const out: RecentEntry[] = [];
    for (const e of await this.#load()) {
      if (!(await stat(e.path).catch(() => null))) continue;
      const ref = await this.#registry.register(e.path, e.kind).catch(() => null);
      if (ref) out.push({ ...ref, openedAt: e.openedAt });
    }
    return out;
  }
}
