// Publishing deps pointed at the X emulator, for the router tests and the Playwright publish and
// batch suites: the real orchestrator, journals, rate limiter and probe; only the account is a
// fixed OAuth 1.0a user of the emulator instead of a keychain sign-in.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Notifier, PublishingDeps } from '../../../main/router/handlers/publish.ts';
import { probe } from '../../../main/services/media/probe.ts';
import { XClient } from '../../../main/services/x/client.ts';
import { RateLimiter } from '../../../main/services/x/rate-limiter.ts';
import { oauth1Signer } from '../../../main/services/x/signer.ts';
import type { Emulator } from '../../x-emulator/server.ts';

export interface RecordingNotifier extends Notifier {
  shown: Array<{ sinkId: string; title: string; body: string }>;
}

export function recordingNotifier(): RecordingNotifier {
  const shown: RecordingNotifier['shown'] = [];
  return { shown, notifyIfUnfocused: (sinkId, n) => shown.push({ sinkId, ...n }) };
}

export async function emulatorPublishing(
  emu: Emulator,
  o: { notifier?: Notifier; notifyAfterMs?: number; userData?: string } = {},
): Promise<PublishingDeps> {
  const userData = o.userData ?? (await mkdtemp(join(tmpdir(), 'cueline-publishing-')));
  const limiter = new RateLimiter();
  const c = emu.credentials;
  return {
    userData,
    probe: (file, po) => probe(file, po),
    ...(o.notifier ? { notifier: o.notifier } : {}),
    ...(o.notifyAfterMs !== undefined ? { notifyAfterMs: o.notifyAfterMs } : {}),
    accounts: () => Promise.resolve([{ id: 'cueline_test', label: '@cueline_test', isDefault: true }]),
    client: () =>
      Promise.resolve(
        new XClient({
          signer: oauth1Signer({
            consumerKey: c.consumerKey,
            consumerSecret: c.consumerSecret,
            token: c.accessToken,
            tokenSecret: c.accessTokenSecret,
          }),
          apiBase: emu.apiBase,
          uploadBase: emu.uploadBase,
          fetch: limiter.fetchFor('cueline_test'),
          retry: { baseDelayMs: 20 },
        }),
      ),
  };
}
