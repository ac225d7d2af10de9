import { describe, expect, it } from 'vitest';
import { CuelineError, isBadInput, toAppError } from '../../../shared/errors.ts';

describe('error codes', () => {
  it('classes input errors apart from failures', () => {
    expect(isBadInput('subtitle.parse')).toBe(true);
    expect(isBadInput('media.constraint')).toBe(true);
    expect(isBadInput('media.constraints')).toBe(false);
    expect(isBadInput('x.rate_limited')).toBe(false);
    expect(isBadInput('internal')).toBe(false);
  });

  it('turns anything thrown into a coded value', () => {
    expect(toAppError(new CuelineError('lang.unsupported', 'no', { tag: 'zz' }))).toEqual({
      code: 'lang.unsupported',
      message: 'no',
      details: { tag: 'zz' },
    });
    expect(toAppError(new Error('boom'))).toEqual({ code: 'internal', message: 'boom' });
    expect(toAppError('odd')).toEqual({ code: 'internal', message: 'odd' });
  });
});
