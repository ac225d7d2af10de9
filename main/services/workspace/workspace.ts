// Everything the app keeps about the user's files and preferences, under one user-data folder
// (CUELINE_HOME in tests). Plain Node: the app, the CLI and the test harness share it.
import { join } from 'node:path';
import type { AppPaths } from '../app-paths.ts';
import { AutosaveStore } from './autosave-store.ts';
import { FileRegistry } from './file-registry.ts';
import { RecentFiles } from './recent-files.ts';
import { SettingsStore } from './settings-store.ts';
import { WindowStateStore } from './window-state.ts';

export interface Workspace {
  paths: AppPaths;
  files: FileRegistry;
  autosave: AutosaveStore;
  recent: RecentFiles;
  settings: SettingsStore;
  windowState: WindowStateStore;
}

export function createWorkspace(paths: AppPaths): Workspace {
  const files = new FileRegistry(join(paths.userData, 'file-ids.json'));
  return {
    paths,
    files,
    autosave: new AutosaveStore(paths.userData),
    recent: new RecentFiles(paths.userData, files),
    settings: new SettingsStore(paths.userData),
    windowState: new WindowStateStore(paths.userData),
  };
}
