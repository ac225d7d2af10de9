import { describe, expect, it } from 'vitest';
import { codeForStatus, xErrorMessage, xHttpError } from '../../../main/services/x/errors.ts';

describe("X's error shapes", () => {
  it('reads problem+json, v2 errors[] and v1.1 errors[]', () => {
    expect(
      xErrorMessage({ title: 'Forbidden', detail: 'Missing scope media.write', type: 't', status: 403 }),
    ).toEqual({
      message: 'Forbidden: Missing scope media.write',
      code: 't',
    });
    expect(xErrorMessage({ errors: [{ code: 324, message: 'Invalid media id' }] })).toEqual({
      message: 'Invalid media id',
      code: 324,
    });
    expect(xErrorMessage({ errors: [{ detail: 'a' }, { title: 'b' }] })?.message).toBe('a; b');
    expect(xErrorMessage({ data: {} })).toBeNull();
  });

  it("a 403 about the post shows X's detail and no sign-in advice; one about scope or token does", () => {
    const url = 'https://api.x.com/2/tweets';
    const post = xHttpError(
      403,
      { title: 'Forbidden', detail: 'This user is not allowed to post a video longer than 2 minutes' },
      { method: 'POST', url },
    );
    expect(post.message).toContain('This user is not allowed to post a video longer than 2 minutes');
    expect(post.message).not.toMatch(/sign|media\.write|re-?authori/i);
    expect(post.remedy).toBeUndefined();
    const scope = xHttpError(
      403,
      { title: 'Forbidden', detail: 'Missing required OAuth 2.0 scope(s): media.write.' },
      { method: 'POST', url },
    );
    expect(scope.message).toMatch(/sign in again$/);
    expect(scope.remedy).toEqual({ hint: 'auth.sign_in' });
    expect(xHttpError(401, { detail: 'Unauthorized' }, { method: 'POST', url }).remedy).toEqual({
      hint: 'auth.sign_in',
    });
  });

  it('maps statuses to stable codes and keeps the message', () => {
    expect([400, 401, 403, 404, 429, 500, 503, 413].map(codeForStatus)).toEqual([
      'x.bad_request',
      'x.unauthorized',
      'x.forbidden',
      'x.not_found',
      'x.rate_limited',
      'x.server',
      'x.server',
      'x.too_large',
    ]);
    const e = xHttpError(
      403,
      { detail: 'nope' },
      { method: 'POST', url: 'https://api.x.com/2/media/upload/initialize' },
    );
    expect(e.code).toBe('x.forbidden');
    expect(e.message).toMatch(/nope$/);
    const r = xHttpError(
      429,
      null,
      { method: 'GET', url: 'https://api.x.com/2/media/upload' },
      { rateLimitReset: 1700000000 },
    );
    expect(r.message).toContain('2023-11-14T22:13:20.000Z');
  });
});
