// Opens the consent page in the user's own browser (RFC 8252: never an embedded login window).
// The app passes Electron's shell.openExternal instead; this is for the CLI. $BROWSER, when set,
// wins (the usual Unix convention; tests point it at a script that follows the redirects).
import { spawn } from 'node:child_process';
import type { UrlOpener } from './oauth2-pkce.ts';

export function platformOpenCommand(
  url: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): [string, string[]] {
  const browser = env['BROWSER']?.trim();
  if (browser) return [browser, [url]];
  if (platform === 'darwin') return ['open', [url]];
  // rundll32 hands the URL to the default browser without cmd.exe, so `&` in the query is safe.
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  return ['xdg-open', [url]];
}

/** Starts the browser and returns once it was launched; a missing opener rejects (the caller shows the URL). */
export function systemOpener(env: NodeJS.ProcessEnv = process.env): UrlOpener {
  return (url) =>
    new Promise<void>((resolve, reject) => {
      const [cmd, args] = platformOpenCommand(url, process.platform, env);
      const child = spawn(cmd, args, { stdio: 'ignore', detached: true, env });
      child.once('error', reject);
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    });
}
