import type { AppInfo } from '../../shared/ipc/channels/app.ts';
import type { Workspace } from '../services/workspace/workspace.ts';
import type { Dialogs } from './dialogs.ts';
import type { JobRunner } from './jobs.ts';
import type { PublishingDeps } from './handlers/publish.ts';
import type { AccountsDeps } from './handlers/accounts.ts';

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
}
