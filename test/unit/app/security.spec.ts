import { describe, expect, it } from 'vitest';
import { APP_CSP, buildCsp } from '../../../main/app/security/csp.ts';
import { decideWindowOpen, mayNavigate, vettedExternalUrl } from '../../../main/app/security/navigation.ts';
import { isTrustedSender, originOf } from '../../../main/app/security/sender.ts';
import { hardenedWebPreferences } from '../../../main/app/security/web-preferences.ts';
import { expectedWebPreferences } from '../../support/hardened-web-preferences.ts';

describe('webPreferences', () => {
  it('are exactly the hardened set', () => {
    expect(hardenedWebPreferences('/app/out/preload/preload.cjs')).toEqual(
      expectedWebPreferences('/app/out/preload/preload.cjs'),
    );
  });
});

describe('CSP', () => {
  it('is the strict policy, with no unsafe sources', () => {
    expect(APP_CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: cueline-media:; " +
        "media-src cueline-media: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(APP_CSP).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('adds the harness media origin to img and media only', () => {
    const csp = buildCsp({ mediaSources: ['http://127.0.0.1:4000'] });
    expect(csp).toContain('media-src cueline-media: http://127.0.0.1:4000 blob:');
    expect(csp).toContain("img-src 'self' data: blob: cueline-media: http://127.0.0.1:4000");
    expect(csp).toContain("script-src 'self';");
  });
});

describe('navigation and new windows', () => {
  const origins = ['app://cueline'];
  it('allows navigation within the app origin only', () => {
    expect(mayNavigate('app://cueline/index.html', origins)).toBe(true);
    expect(mayNavigate('app://cueline.evil/index.html', origins)).toBe(false);
    expect(mayNavigate('https://x.com/', origins)).toBe(false);
    expect(mayNavigate('file:///etc/passwd', origins)).toBe(false);
    expect(mayNavigate('javascript:alert(1)', origins)).toBe(false);
    expect(mayNavigate('not a url', origins)).toBe(false);
  });

  it('never opens a window; vetted https links go to the system browser', () => {
    expect(decideWindowOpen('https://help.x.com/en/using-x/captions')).toEqual({
      action: 'deny',
      openExternal: 'https://help.x.com/en/using-x/captions',
    });
    for (const url of [
      'http://x.com/',
      'https://x.com.evil.example/',
      'https://user:pw@x.com/',
      'https://x.com:8443/',
      'file:///etc/passwd',
      'app://cueline/index.html',
      'javascript:alert(1)',
      'https://evil.example/?x.com',
    ])
      expect(decideWindowOpen(url), url).toEqual({ action: 'deny', openExternal: null });
    expect(vettedExternalUrl('https://github.com/doyensec/electronegativity')).toBe(
      'https://github.com/doyensec/electronegativity',
    );
  });
});

describe('sender frame check', () => {
  const allowed = ['app://cueline'];
  it('accepts the app main frame only', () => {
    expect(isTrustedSender({ url: 'app://cueline/index.html', isMainFrame: true }, allowed)).toBe(true);
    expect(isTrustedSender({ url: 'app://cueline/index.html', isMainFrame: false }, allowed)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, allowed)).toBe(false);
    expect(isTrustedSender({ url: 'app://cueline-evil/index.html', isMainFrame: true }, allowed)).toBe(false);
    expect(isTrustedSender({ url: 'file:///out/renderer/index.html', isMainFrame: true }, allowed)).toBe(
      false,
    );
    expect(isTrustedSender({ url: null, isMainFrame: true }, allowed)).toBe(false);
    expect(isTrustedSender({ url: 'garbage', isMainFrame: true }, allowed)).toBe(false);
  });

  it('computes origins for custom schemes (WHATWG gives them "null")', () => {
    expect(originOf('app://cueline/a/b?c')).toBe('app://cueline');
    expect(originOf('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173');
    expect(originOf('about:blank')).toBeNull();
  });
});
