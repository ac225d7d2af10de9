import { CuelineError } from '../../shared/errors.ts';
import type { AppInfo } from '../../shared/ipc/channels/app.ts';
import type { PublishingDeps } from '../services/publish/publishing.ts';
import type { Workspace } from '../services/workspace/workspace.ts';
import type { Dialogs } from './dialogs.ts';
import type { JobRunner } from './jobs.ts';
import type { AuthService } from '../services/auth/auth-service.ts';
import type { UrlOpener } from '../services/auth/oauth2-pkce.ts';
import type { SpellCheckerPort } from '../services/spelling/spellchecker-languages.ts';

export interface AccountsDeps {
  service: AuthService;
  /** Opens a consent page in the user's browser: shell.openExternal in the app, a test browser in tests. */
  open: UrlOpener;
}

/** Everything the handlers reach: services and the few things the host (app or harness) provides. */
export interface RouterDeps {
  workspace: Workspace;
  dialogs: Dialogs;
  /** The URL <video> streams a registered video from (cueline-media:// in the app, loopback in tests). */
  mediaUrl(id: string): string;
  appInfo: AppInfo;
  jobs: JobRunner;
  /** Publishing to X (publish, history, batch channels); absent → those channels say it is unavailable. */
  publishing?: PublishingDeps;
  /** X accounts (accounts channels); absent → those channels say it is unavailable. */
  accounts?: AccountsDeps;
  /** The window's spellchecker (Electron's session in the app); absent → spelling:setLanguages does nothing. */
  spellChecker?: SpellCheckerPort;
}

export function publishingOf(deps: RouterDeps): PublishingDeps {
  if (!deps.publishing)
    throw new CuelineError('publish.unavailable', 'Publishing is not set up in this window.');
  return deps.publishing;
}
