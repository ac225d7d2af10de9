// Every reply crossing IPC is a value, never a thrown error: the renderer branches on `ok` and acts on
// the stable `code` (DESIGN.md "Processes").
import type { AppErrorShape, ErrorCode } from '../errors.ts';

export type IpcError = AppErrorShape;

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, details?: unknown): Result<T> {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } };
}
