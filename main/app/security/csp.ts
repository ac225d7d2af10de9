// The renderer's Content-Security-Policy, sent as a header by the app:// protocol (and by the test
// harness, with the loopback media origin added). No 'unsafe-inline' anywhere: Svelte's CSS is
// extracted to a file by vite, and styles set from script go through CSSOM, which CSP allows.

export const MEDIA_SCHEME = 'cueline-media';
export const APP_SCHEME = 'app';
export const APP_HOST = 'cueline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function buildCsp(
  options: { mediaSources?: readonly string[]; connectSources?: readonly string[] } = {},
): string {
  const media = [`${MEDIA_SCHEME}:`, ...(options.mediaSources ?? [])].join(' ');
  const connect = ["'self'", ...(options.connectSources ?? [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${media}`,
    `media-src ${media} blob:`,
    "font-src 'self'",
    `connect-src ${connect}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

export const APP_CSP = buildCsp();
