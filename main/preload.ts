// The preload exposes exactly one object, window.cueline, generated from the IPC contract
// (the shell issue fills in the channels). It must stay free of npm dependencies: sandboxed
// preloads can only require a few Electron modules.
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('cueline', Object.freeze({ version: 1 }));
