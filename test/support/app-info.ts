// The app info a test or bench router reports (app:info): the versions of what runs it, no Electron.
import type { AppInfo } from '../../shared/ipc/channels/app.ts';

export function testAppInfo(version = '0.0.0-test'): AppInfo {
  return {
    name: 'Cueline',
    version,
    platform: process.platform,
    versions: { node: process.versions.node, electron: null, chrome: null },
  };
}
