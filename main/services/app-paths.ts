// Where the app and the CLI keep their files. Both use the same folders so a job started in
// the app can be resumed from the CLI and the other way round. Electron's app.getPath('userData')
// resolves to the same place; the app passes its own value in.
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface AppPaths {
  /** Settings, job journals, autosave/recovery, history. */
  userData: string;
  /** Regenerable data: waveform peaks, thumbnails, shot changes. */
  cache: string;
}

const APP_DIR = 'Cueline';

export function defaultAppPaths(env: NodeJS.ProcessEnv = process.env, platform = process.platform): AppPaths {
  const home = env['CUELINE_HOME'];
  if (home) return { userData: home, cache: join(home, 'cache') };
  let userData: string;
  let cacheRoot: string;
  if (platform === 'win32') {
    userData = join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR);
    cacheRoot = join(env['LOCALAPPDATA'] ?? join(homedir(), 'AppData', 'Local'), APP_DIR);
  } else if (platform === 'darwin') {
    userData = join(homedir(), 'Library', 'Application Support', APP_DIR);
    cacheRoot = join(homedir(), 'Library', 'Caches', APP_DIR);
  } else {
    userData = join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), APP_DIR);
    cacheRoot = join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), APP_DIR);
  }
  return { userData, cache: cacheRoot };
}
