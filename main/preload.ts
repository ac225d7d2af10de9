// The preload exposes exactly one object, window.cueline, generated from the IPC contract: one
// method per channel and on(event, cb) → unsubscribe. It stays free of npm dependencies and of zod
// (sandboxed preloads can only require a few Electron modules): the channel list arrives as plain
// data at build time (electron.vite.config.ts defines __CUELINE_BRIDGE_SPEC__ from the contract),
// and main parses every payload anyway.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { buildCuelineApi, type BridgeSpec } from '../shared/ipc/bridge.ts';

declare const __CUELINE_BRIDGE_SPEC__: BridgeSpec;

const api = buildCuelineApi(__CUELINE_BRIDGE_SPEC__, {
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe: (event, listener) => {
    // The IpcRendererEvent (with its sender) never reaches the page: only the payload does.
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
  // Only a File from a real drop or <input type=file> has a path; a File made in script gives '',
  // and anything that isn't a File throws — both send nothing.
  pathForFile: (file) => {
    try {
      return webUtils.getPathForFile(file as File);
    } catch {
      return '';
    }
  },
});

contextBridge.exposeInMainWorld('cueline', api);
