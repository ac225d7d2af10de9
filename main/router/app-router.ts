// The app's router: the contract plus one handler per channel, from the services. Both the Electron
// app and the Playwright harness build it here, so tests exercise exactly what the app runs.
import { contract, type Channels } from '../../shared/ipc/contract.ts';
import type { AppInfo } from '../../shared/ipc/channels/app.ts';
import type { Workspace } from '../services/workspace/workspace.ts';
import type { PublishingDeps } from '../services/publish/publishing.ts';
import type { SpellCheckerPort } from '../services/spelling/spellchecker-languages.ts';
import type { AccountsDeps } from './deps.ts';
import type { Dialogs } from './dialogs.ts';
import { accountsHandlers } from './handlers/accounts.ts';
import { appHandlers } from './handlers/app.ts';
import { batchHandlers } from './handlers/batch.ts';
import { historyHandlers } from './handlers/history.ts';
import { publishHandlers } from './handlers/publish.ts';
import { captionsHandlers } from './handlers/captions.ts';
import { filesHandlers } from './handlers/files.ts';
import { jobsHandlers } from './handlers/jobs.ts';
import { mediaHandlers } from './handlers/media.ts';
import { spellingHandlers } from './handlers/spelling.ts';
import { workspaceHandlers } from './handlers/workspace.ts';
import { createJobRunner } from './jobs.ts';
import { createRouter, type Router, type RouterOptions } from './router.ts';
import type { Handlers } from './types.ts';

export interface AppRouterOptions {
  workspace: Workspace;
  dialogs: Dialogs;
  mediaUrl(id: string): string;
  appInfo: AppInfo;
  /** Publishing to X (accounts, clients, journals, notifications). */
  publishing?: PublishingDeps;
  /** X accounts: the AuthService and the browser opener for sign-in. */
  accounts?: AccountsDeps;
  /** The window's spellchecker: Electron's session in the app, a recording double in tests. */
  spellChecker?: SpellCheckerPort;
  router?: Omit<RouterOptions, 'jobs'>;
}

export function createAppRouter(o: AppRouterOptions): Router {
  const jobs = createJobRunner();
  const deps = {
    workspace: o.workspace,
    dialogs: o.dialogs,
    mediaUrl: o.mediaUrl,
    appInfo: o.appInfo,
    jobs,
    ...(o.publishing ? { publishing: o.publishing } : {}),
    ...(o.accounts ? { accounts: o.accounts } : {}),
    ...(o.spellChecker ? { spellChecker: o.spellChecker } : {}),
  };
  const handlers: Handlers<Channels> = {
    ...appHandlers(deps),
    ...captionsHandlers(deps),
    ...filesHandlers(deps),
    ...jobsHandlers(deps),
    ...mediaHandlers(deps),
    ...workspaceHandlers(deps),
    ...publishHandlers(deps),
    ...historyHandlers(deps),
    ...batchHandlers(deps),
    ...accountsHandlers(deps),
    ...spellingHandlers(deps),
  };
  return createRouter(contract, handlers, { ...o.router, jobs });
}
