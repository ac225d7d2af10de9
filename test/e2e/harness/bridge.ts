// Installs window.cueline in a Playwright page with exactly the preload's shape (the same
// buildCuelineApi), backed by the real router in the test process through page.exposeBinding;
// events go back with page.evaluate, in order. Requests and replies cross as JSON text: Playwright's
// own argument serialiser walks a value node by node (~0.9 s for a 10,000-cue track), a cost
// Electron's IPC (V8's structured clone, ~10 ms for the same track) doesn't have; every value in
// the contract is plain JSON data, so the text carries it unchanged.
import type { Page } from '@playwright/test';
import { buildCuelineApi } from '../../../shared/ipc/bridge.ts';
import { bridgeSpec } from '../../../shared/ipc/contract.ts';
import { isTrustedSender } from '../../../main/app/security/sender.ts';
import type { EventSink } from '../../../main/router/types.ts';
import type { Router } from '../../../main/router/router.ts';

export interface InstalledBridge {
  sink: EventSink;
  /** Calls the router refused because they didn't come from the app's main frame. */
  rejectedSenders: string[];
  /** Resolves once every event sent so far has reached the page. */
  flushed(): Promise<void>;
  /** Resolves once no call from the page is being answered (their files are written). */
  settled(): Promise<void>;
  /** Calls from the page on `channel` are answered only once `until` settles. */
  hold(channel: string, until: Promise<unknown>): void;
}

let sinks = 0;

export async function installBridge(page: Page, router: Router, appOrigin: string): Promise<InstalledBridge> {
  const rejectedSenders: string[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const holds = new Map<string, Promise<unknown>>();
  let queue = Promise.resolve();
  const sink: EventSink = {
    id: `page-${++sinks}`,
    isClosed: () => page.isClosed(),
    send(event, payload) {
      queue = queue
        .then(() =>
          page.evaluate(([e, p]) => (window as unknown as HarnessWindow).__cuelineEmit(e, p), [
            event,
            payload,
          ] as const),
        )
        .catch(() => undefined);
    },
  };

  await page.exposeBinding('__cuelineInvoke', async (source, channel: unknown, json: unknown) => {
    const payload: unknown = typeof json === 'string' ? JSON.parse(json) : undefined;
    // The same sender check the app makes on ipcMain: the top-level frame of our own origin.
    const sender = { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() };
    if (!isTrustedSender(sender, [appOrigin])) {
      rejectedSenders.push(sender.url);
      return JSON.stringify({
        ok: false,
        error: { code: 'ipc.forbidden_sender', message: 'IPC from an untrusted frame.' },
      });
    }
    const invoke = () => router.invoke(String(channel), payload, { sink });
    const held = holds.get(String(channel));
    const answer = held ? held.then(invoke, invoke) : invoke();
    inFlight.add(answer);
    void answer.finally(() => inFlight.delete(answer)).catch(() => undefined);
    return JSON.stringify(await answer);
  });

  await page.addInitScript({
    content: `(() => {
  const listeners = new Map();
  Object.defineProperty(window, '__cuelineEmit', {
    value: (event, payload) => {
      for (const l of [...(listeners.get(event) ?? [])]) {
        try { l(payload); } catch (err) { console.error(err); }
      }
    },
  });
  const build = ${buildCuelineApi.toString()};
  const api = build(${JSON.stringify(bridgeSpec())}, {
    invoke: async (channel, payload) =>
      JSON.parse(await window.__cuelineInvoke(channel, payload === undefined ? undefined : JSON.stringify(payload))),
    subscribe: (event, listener) => {
      const wrapped = (payload) => listener(payload);
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(wrapped);
      return () => { listeners.get(event).delete(wrapped); };
    },
    pathForFile: (file) => (window.__cuelineDropPaths ?? {})[file && file.name] ?? '',
  });
  Object.defineProperty(window, 'cueline', { value: api, enumerable: true });
})();`,
  });
  const settled = async (): Promise<void> => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  const hold = (channel: string, until: Promise<unknown>): void => {
    holds.set(channel, until);
  };
  return { sink, rejectedSenders, flushed: () => queue, settled, hold };
}

interface HarnessWindow {
  __cuelineEmit(event: string, payload: unknown): void;
}
