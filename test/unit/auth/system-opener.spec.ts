import { describe, expect, it } from 'vitest';
import { platformOpenCommand } from '../../../main/services/auth/system-opener.ts';

describe('system opener', () => {
  const url = 'https://x.com/i/oauth2/authorize?a=1&b=2';
  it("uses each platform's opener with the URL as one argument (no shell)", () => {
    expect(platformOpenCommand(url, 'linux', {})).toEqual(['xdg-open', [url]]);
    expect(platformOpenCommand(url, 'darwin', {})).toEqual(['open', [url]]);
    expect(platformOpenCommand(url, 'win32', {})).toEqual(['rundll32', ['url.dll,FileProtocolHandler', url]]);
  });
  it('honours $BROWSER', () => {
    expect(platformOpenCommand(url, 'linux', { BROWSER: '/usr/bin/firefox' })).toEqual([
      '/usr/bin/firefox',
      [url],
    ]);
  });
});
