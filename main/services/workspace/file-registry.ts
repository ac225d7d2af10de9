// Opaque ids for the files the user opened. The renderer names files only by these ids, so a
// compromised renderer can reach nothing the user didn't pick (DESIGN.md "Renderer", media protocol).
// Ids are kept in the user-data folder so an autosaved document recovered after a crash still
// names its video and subtitle files.
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { CuelineError } from '../../../shared/errors.ts';
import type { FileKind, FileRef } from '../../../shared/ipc/common.ts';
import { fileId, fileKind } from '../../../shared/ipc/common.ts';
import { readJsonSync, writeJsonAtomic } from '../store/json-store.ts';
import { kindOfFile } from './file-kinds.ts';

/** Ids remembered across launches (oldest forgotten first). */
const MAX_REMEMBERED = 500;
const persisted = z.array(
  z.object({
    id: fileId,
    kind: fileKind,
    name: z.string(),
    size: z.number().int().nonnegative(),
    path: z.string(),
  }),
);

export interface RegisteredFile extends FileRef {
  path: string;
}

export class FileRegistry {
  readonly #byId = new Map<string, RegisteredFile>();
  readonly #idByPath = new Map<string, string>();
  readonly #persistFile: string | undefined;
  #saving: Promise<void> = Promise.resolve();

  /** With persistFile, ids are loaded from it now and saved to it on every registration. */
  constructor(persistFile?: string) {
    this.#persistFile = persistFile;
    if (!persistFile) return;
    // First launch, or a damaged file: start empty (the ids only name files to reopen).
    let read;
    try {
      read = readJsonSync(persistFile, persisted);
    } catch (err) {
      console.warn(`[workspace] could not read file ids: ${String(err)}`);
      return;
    }
    if (!read.ok) return;
    for (const e of read.value) {
      this.#byId.set(e.id, e);
      this.#idByPath.set(e.path, e.id);
    }
  }

  /** Resolves once the ids registered so far are on disk. */
  flush(): Promise<void> {
    return this.#saving;
  }

  #persist(): void {
    const file = this.#persistFile;
    if (!file) return;
    const entries = [...this.#byId.values()].slice(-MAX_REMEMBERED);
    this.#saving = this.#saving
      .then(() => writeJsonAtomic(file, entries, { compact: true }))
      .then(
        () => undefined,
        (err: unknown) => console.warn(`[workspace] could not save file ids: ${String(err)}`),
      );
  }

  /** Mints (or reuses) an id for a file or folder on disk. Only main-side code calls this. */
  async register(path: string, expected?: FileKind): Promise<FileRef> {
    if (!isAbsolute(path)) throw new CuelineError('input.not_absolute', `Not an absolute path: ${path}`);
    const full = resolve(path);
    const st = await stat(full).catch(() => null);
    if (!st)
      throw new CuelineError('input.file_not_found', `No such file: ${basename(full)}`, {
        name: basename(full),
      });
    let kind: FileKind | null;
    if (st.isDirectory()) kind = 'folder';
    else if (st.isFile()) kind = kindOfFile(full) ?? expected ?? null;
    else kind = null;
    if (!kind || (expected && kind !== expected))
      throw new CuelineError(
        'input.unsupported_file',
        `${basename(full)} is not a ${expected ?? 'video, subtitle file or folder'} Cueline opens.`,
        { name: basename(full) },
      );
    const existing = this.#idByPath.get(full);
    const id = existing ?? randomBytes(12).toString('base64url');
    const entry: RegisteredFile = {
      id,
      kind,
      name: basename(full),
      size: st.isFile() ? st.size : 0,
      path: full,
    };
    // Re-inserted so the most recently used ids are the last forgotten.
    this.#byId.delete(id);
    this.#byId.set(id, entry);
    this.#idByPath.set(full, id);
    this.#persist();
    return toRef(entry);
  }

  /** The file behind an id, or a `file.unknown_id` error (ids never come from anywhere but here). */
  resolve(id: string, kind?: FileKind): RegisteredFile {
    const entry = this.#byId.get(id);
    if (!entry) throw new CuelineError('file.unknown_id', 'That file is not open in Cueline.', { id });
    if (kind && entry.kind !== kind)
      throw new CuelineError('file.wrong_kind', `${entry.name} is not a ${kind} file.`, {
        id,
        kind: entry.kind,
      });
    return entry;
  }

  /** The entry for an id, or undefined (the media protocol answers 404 for unknown ids). */
  lookup(id: string): RegisteredFile | undefined {
    return this.#byId.get(id);
  }
}

export function toRef(f: RegisteredFile): FileRef {
  return { id: f.id, kind: f.kind, name: f.name, size: f.size };
}
