// Where the X client sends requests (and the user's tokens with them). CUELINE_X_API_BASE /
// CUELINE_X_UPLOAD_BASE point it at a stand-in (the emulator, tests). In a packaged app or an
// installed CLI only loopback hosts are honoured: anything else would hand the user's tokens to
// whoever set the variable.
import { CuelineError } from '../../../shared/errors.ts';

let packagedBuild = false;

/** Set once at start-up by the app (app.isPackaged) and the CLI (running its bundle). */
export function setPackagedBuild(packaged: boolean): void {
  packagedBuild = packaged;
}

export function isPackagedBuild(): boolean {
  return packagedBuild;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      (u.protocol === 'http:' || u.protocol === 'https:') &&
      (LOOPBACK.has(u.hostname) || /^127(?:\.\d{1,3}){3}$/.test(u.hostname))
    );
  } catch {
    return false;
  }
}

/** The variable's value, refused (not silently ignored) when a packaged build is pointed away from X. */
export function baseOverride(
  env: Record<string, string | undefined>,
  name: 'CUELINE_X_API_BASE' | 'CUELINE_X_UPLOAD_BASE',
  packaged = packagedBuild,
): string | undefined {
  const v = env[name];
  if (!v) return undefined;
  if (packaged && !isLoopbackUrl(v))
    throw new CuelineError(
      'usage.api_base',
      `${name} is set to ${v}, which is not this computer: an installed Cueline only sends your X tokens to X, or to a stand-in on 127.0.0.1. Unset ${name}.`,
      { name },
    );
  return v;
}

/** The client's base overrides from the environment (see baseOverride). */
export function xBases(env: Record<string, string | undefined>): { apiBase?: string; uploadBase?: string } {
  const apiBase = baseOverride(env, 'CUELINE_X_API_BASE');
  const uploadBase = baseOverride(env, 'CUELINE_X_UPLOAD_BASE');
  return { ...(apiBase ? { apiBase } : {}), ...(uploadBase ? { uploadBase } : {}) };
}
