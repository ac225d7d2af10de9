import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { defaultAppPaths } from '../../main/services/app-paths.ts';

describe('app paths', () => {
  it('honours CUELINE_HOME for both folders', () => {
    expect(defaultAppPaths({ CUELINE_HOME: '/tmp/x' }, 'linux')).toEqual({
      userData: '/tmp/x',
      cache: join('/tmp/x', 'cache'),
    });
  });
  it('follows XDG on Linux like Electron does', () => {
    const p = defaultAppPaths({ XDG_CONFIG_HOME: '/c', XDG_CACHE_HOME: '/k' }, 'linux');
    expect(p).toEqual({ userData: '/c/Cueline', cache: '/k/Cueline' });
  });
});
