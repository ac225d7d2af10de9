// The fixture every renderer e2e test uses:
//   import { test, expect } from '../harness/fixture.ts';
//   test('…', async ({ app }) => { app.dialogs.answer('openVideo', path); await app.page.getByRole(…) });
// It serves the built renderer (npm run build first) on loopback with the app's CSP, installs
// window.cueline backed by the real router, and gives each test a fresh user-data folder.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createAppRouter } from '../../../main/router/app-router.ts';
import type { AccountsDeps } from '../../../main/router/deps.ts';
import type { PublishingDeps } from '../../../main/services/publish/publishing.ts';
import type { Router } from '../../../main/router/router.ts';
import type { EventSink } from '../../../main/router/types.ts';
import { createWorkspace, type Workspace } from '../../../main/services/workspace/workspace.ts';
import type { ChannelKey, EventKey } from '../../../shared/ipc/contract.ts';
import { installBridge } from './bridge.ts';
import { DialogsDouble } from './dialogs-double.ts';
import { SpellCheckerDouble } from './spellchecker-double.ts';
import { startHarnessServer } from './server.ts';
import { testAppInfo } from '../../support/app-info.ts';

export interface HarnessApp {
  page: Page;
  router: Router;
  workspace: Workspace;
  dialogs: DialogsDouble;
  /** This test's user-data folder (CUELINE_HOME equivalent), removed afterwards. */
  userData: string;
  /** The renderer's origin, http://127.0.0.1:PORT. */
  origin: string;
  /** The window's event sink, as the router sees it (jobs started from the page report here). */
  sink: EventSink;
  /** Every request for /media/<id>: its Range header and the status served. */
  mediaRequests: { id: string; range: string | null; status: number }[];
  /** CSP violations the page reported (each test should end with none). */
  cspViolations: string[];
  /** Calls the page refused for not coming from the app's main frame (iframes…). */
  rejectedSenders: string[];
  /** The window's spellchecker (Electron's session in the app): what it was told to check. */
  spellChecker: SpellCheckerDouble;
  /** Pushes a contract event to the page, like main does (menu commands, files opened from the OS…); resolves once delivered. */
  emit(event: EventKey, payload: unknown): Promise<void>;
  /** Drops files from disk on the element matched by selector (paths resolved like webUtils.getPathForFile). */
  drop(selector: string, paths: string[]): Promise<void>;
  /** Reloads the app (after preparing the workspace, e.g. an autosave to recover). */
  reload(): Promise<void>;
  /** Resolves once every call the page has made is answered and the page has taken the answers. */
  settled(): Promise<void>;
  /**
   * Calls from the page on `channel` wait for `until` before the router answers them (what does the
   * page do meanwhile?). `until` must settle before the test ends: the teardown waits for every call.
   */
  hold(channel: ChannelKey, until: Promise<unknown>): void;
}

export const test = base.extend<{
  app: HarnessApp;
  publishing: PublishingDeps | undefined;
  accounts: ((userData: string) => AccountsDeps) | undefined;
}>({
  /** Publishing to X: tests that publish override it with one pointed at the emulator. */
  publishing: [undefined, { option: true }],
  /** X accounts: tests of the Accounts dialog build an AuthService on the emulator in this test's user data. */
  accounts: [undefined, { option: true }],
  app: async ({ page, publishing, accounts }, use) => {
    const userData = await mkdtemp(join(tmpdir(), 'cueline-e2e-'));
    const workspace = createWorkspace({ userData, cache: join(userData, 'cache') });
    const dialogs = new DialogsDouble();
    const spellChecker = new SpellCheckerDouble();
    let mediaUrl: (id: string) => string = () => {
      throw new Error('harness server not started');
    };
    const router = createAppRouter({
      workspace,
      dialogs,
      mediaUrl: (id) => mediaUrl(id),
      appInfo: testAppInfo('0.0.0-test'),
      router: { validateResponses: true },
      spellChecker,
      ...(publishing ? { publishing } : {}),
      ...(accounts ? { accounts: accounts(userData) } : {}),
    });
    const server = await startHarnessServer(workspace.files);
    mediaUrl = server.mediaUrl;
    const bridge = await installBridge(page, router, server.origin);
    const { sink } = bridge;
    const cspViolations: string[] = [];
    await page.exposeFunction('__cuelineCspViolation', (v: string) => cspViolations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { __cuelineCspViolation(v: string): void })
          .__cuelineCspViolation;
        report(
          `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
        );
      });
    });
    await page.goto(`${server.origin}/`);
    const app: HarnessApp = {
      page,
      router,
      workspace,
      dialogs,
      userData,
      origin: server.origin,
      sink,
      cspViolations,
      rejectedSenders: bridge.rejectedSenders,
      spellChecker,
      mediaRequests: server.mediaRequests,
      emit: async (event, payload) => {
        router.emit(sink, event, payload);
        await bridge.flushed();
      },
      drop: async (selector, paths) => {
        const names = Object.fromEntries(paths.map((p) => [basename(p), p]));
        await page.evaluate((n) => {
          (window as unknown as { __cuelineDropPaths: Record<string, string> }).__cuelineDropPaths = n;
        }, names);
        const dataTransfer = await page.evaluateHandle((list) => {
          const dt = new DataTransfer();
          for (const name of list) dt.items.add(new File([''], name));
          return dt;
        }, Object.keys(names));
        await page.dispatchEvent(selector, 'dragenter', { dataTransfer });
        await page.dispatchEvent(selector, 'dragover', { dataTransfer });
        await page.dispatchEvent(selector, 'drop', { dataTransfer });
      },
      reload: async () => {
        await page.reload();
      },
      hold: (channel, until) => bridge.hold(channel, until),
      settled: async () => {
        await bridge.settled();
        // The answers reach the page before this round trip does, and the code awaiting them runs
        // in the same turn as each answer.
        await page.evaluate(() => undefined);
      },
    };
    await use(app);
    // The page stops calling, the calls it made are answered (a media call writes its cache as it
    // answers), the jobs end: only then is the user-data folder removed, or it would be recreated.
    await page.goto('about:blank').catch(() => undefined);
    await bridge.settled();
    router.jobs.cancelAllFor(sink.id);
    await router.jobs.idle();
    await server.close();
    await workspace.files.flush();
    await rm(userData, { recursive: true, force: true });
    // Every test: the page never broke its Content-Security-Policy (an inline script or style, a
    // load from another origin).
    expect(cspViolations, 'Content-Security-Policy violations').toEqual([]);
  },
});

export { expect };
