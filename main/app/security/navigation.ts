// Navigation and new windows are refused by default (checklist #13, #14). The app never navigates
// away from its own origin; links to a few vetted https sites open in the system browser.
import { originOf } from './sender.ts';

/** Sites a link in the app may open in the user's browser. */
export const VETTED_HOSTS = [
  'x.com',
  'twitter.com',
  'help.x.com',
  'developer.x.com',
  'docs.x.com',
  'github.com',
  'www.w3.org',
];

/** An https URL on a vetted host (exact host, no credentials, default port), else null. */
export function vettedExternalUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return null;
  return VETTED_HOSTS.includes(u.hostname) ? u.toString() : null;
}

/** will-navigate: only a reload of our own origin is allowed. */
export function mayNavigate(url: string, appOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && appOrigins.includes(origin);
}

export type WindowOpenDecision = { action: 'deny'; openExternal: string | null };

/** setWindowOpenHandler: never a new Electron window; vetted links go to the system browser. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternal: vettedExternalUrl(url) };
}
