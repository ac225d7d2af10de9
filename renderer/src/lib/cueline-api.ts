// The renderer's only way to main: window.cueline, typed from the IPC contract
// (shared/ipc/api.ts). Every method resolves to a Result — branch on `ok`, act on `error.code`:
//   const r = await cueline.files.openVideo();
//   if (r.ok && r.value) { const { url } = ... await cueline.media.url({ id: r.value.id }) }
//   const off = cueline.on('job:progress', (e) => …); off();
import type { CuelineApi } from '../../../shared/ipc/api.ts';

export type {
  CuelineApi,
  JobChannel,
  JobProgressOf,
  JobResultOf,
  RequestOf,
  ResponseOf,
} from '../../../shared/ipc/api.ts';
export type { Result, IpcError } from '../../../shared/ipc/result.ts';

declare global {
  interface Window {
    readonly cueline: CuelineApi;
  }
}

export const cueline: CuelineApi = window.cueline;
