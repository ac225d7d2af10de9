// Opaque ids for the files the user opened. The renderer names files only by these ids, so a
// compromised renderer can reach nothing the user didn't pick (DESIGN.md "Renderer", media protocol).
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { CuelineError } from '../../../shared/errors.ts';
import type { FileKind, FileRef } from '../../../shared/ipc/common.ts';
import { kindOfFile } from './file-kinds.ts';

export interface RegisteredFile extends FileRef {
  path: string;
}

export class FileRegistry {
  readonly #byId = new Map<string, RegisteredFile>();
  readonly #idByPath = new Map<string, string>();

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
    this.#byId.set(id, entry);
    this.#idByPath.set(full, id);
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
