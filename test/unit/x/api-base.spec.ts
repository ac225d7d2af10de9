import { afterEach, describe, expect, it } from 'vitest';
import { baseOverride, setPackagedBuild, xBases } from '../../../main/services/x/api-base.ts';
import { xAuthEndpoints } from '../../../main/services/auth/x-auth-endpoints.ts';

afterEach(() => setPackagedBuild(false));

describe('CUELINE_X_API_BASE / CUELINE_X_UPLOAD_BASE', () => {
  const away = { CUELINE_X_API_BASE: 'https://evil.example', CUELINE_X_UPLOAD_BASE: 'https://evil.example' };
  const loop = { CUELINE_X_API_BASE: 'http://127.0.0.1:9', CUELINE_X_UPLOAD_BASE: 'http://[::1]:9' };

  it('are honoured for any host in a checkout (development, tests)', () => {
    expect(xBases(away)).toEqual({ apiBase: 'https://evil.example', uploadBase: 'https://evil.example' });
  });

  it('are honoured for loopback hosts only in a packaged build, for publishing and sign-in', () => {
    setPackagedBuild(true);
    expect(xBases(loop)).toEqual({ apiBase: 'http://127.0.0.1:9', uploadBase: 'http://[::1]:9' });
    expect(() => xBases(away)).toThrow(/not this computer/);
    expect(() => xAuthEndpoints(away)).toThrow(/CUELINE_X_API_BASE/);
    expect(() =>
      baseOverride({ CUELINE_X_UPLOAD_BASE: 'https://127.0.0.1.evil.example' }, 'CUELINE_X_UPLOAD_BASE'),
    ).toThrow();
    expect(xBases({})).toEqual({});
  });
});
