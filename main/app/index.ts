// The Electron entry point. This folder is the only code that imports `electron`; services in
// main/services run under plain Node and reach Electron through small interfaces (Dialogs, the
// event sink, the media URL).
import { app, BrowserWindow, ipcMain, Menu, session, shell, type WebContents } from 'electron';
import { basename, join } from 'node:path';
import type { FileRef } from '../../shared/ipc/common.ts';
import { createAppRouter } from '../router/app-router.ts';
import { defaultPublishing } from '../services/publish/publishing.ts';
import { createAuthService } from '../services/auth/default-auth-service.ts';
import { probe } from '../services/media/probe.ts';
import { setPackagedBuild } from '../services/x/api-base.ts';
import { electronNotifier } from './notifier.ts';
import type { Router } from '../router/router.ts';
import { defaultAppPaths, type AppPaths } from '../services/app-paths.ts';
import { createWorkspace } from '../services/workspace/workspace.ts';
import { tightenUserData } from '../services/store/json-store.ts';
import { setBinaryDefaults } from '../services/media/binaries.ts';
import { APP_ID } from './app-id.ts';
import { filesFromArgv } from './argv.ts';
import { bundledMediaDir } from './bundled-binaries.ts';
import { cliArgv } from './cli-mode.ts';
import { contextMenuTemplate } from './context-menu.ts';
import { electronDialogs } from './dialogs.ts';
import { bindRouter, sinkFor } from './ipc.ts';
import { buildMenuTemplate } from './menu-template.ts';
import { handleProtocols, mediaUrlFor, registerPrivilegedSchemes } from './protocol/register.ts';
import { APP_ORIGIN } from './security/csp.ts';
import { hardenAllWebContents, hardenSession } from './security/harden.ts';
import { originOf } from './security/sender.ts';
import { vettedExternalUrl } from './security/navigation.ts';
import { createMainWindow } from './window.ts';

type OpenSource = 'menu' | 'argv' | 'second-instance' | 'os';

// `cueline check a.srt` through the app's executable runs the CLI without a window (cli-mode.ts).
const cli = cliArgv(process.argv, process.defaultApp === true);
if (cli) runCli(cli);
else startApp();

function runCli(argv: string[]): void {
  import('../cli/index.ts')
    .then(({ main }) => main(argv))
    .then(
      (code) => app.exit(code),
      (err: unknown) => {
        console.error(err);
        app.exit(1);
      },
    );
}

function startApp(): void {
  // The user-data folder is set first: the single-instance lock is per folder, so a test run with
  // its own CUELINE_HOME doesn't hand its files to the user's open Cueline.
  const paths = defaultAppPaths();
  app.setPath('userData', paths.userData);
  // Windows attributes notifications and taskbar grouping by this id; it must be the installer's.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  // One instance: a second launch hands its files to the first and quits.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    start(paths);
  }
}

/** Right-click: spelling suggestions and the platform's text editing roles. */
function attachContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_e, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup();
  });
}

function start(paths: AppPaths): void {
  registerPrivilegedSchemes();
  // A packaged app sends tokens only to X or a loopback stand-in (CUELINE_X_*_BASE).
  setPackagedBuild(app.isPackaged);
  const devUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
  const origins = [APP_ORIGIN, ...(devUrl ? [originOf(devUrl) ?? ''] : [])].filter(Boolean);
  hardenAllWebContents(origins);

  const workspace = createWorkspace(paths);
  // ffmpeg/ffprobe: the user's setting, CUELINE_FFMPEG/CUELINE_FFPROBE, the bundled build, PATH.
  setBinaryDefaults(async () => {
    const s = await workspace.settings.get();
    return {
      ...(app.isPackaged ? { bundledDir: bundledMediaDir(process.resourcesPath) } : {}),
      ...(s.ffmpegPath ? { ffmpegPath: s.ffmpegPath } : {}),
      ...(s.ffprobePath ? { ffprobePath: s.ffprobePath } : {}),
    };
  });
  let win: BrowserWindow | null = null;
  let router: Router | null = null;
  let openWindow: (() => Promise<void>) | null = null;
  // Files asked for before the window could take them (argv, macOS open-file at launch).
  const pending: { path: string; source: OpenSource }[] = filesFromArgv(process.argv, process.cwd()).map(
    (path) => ({
      path,
      source: 'argv' as const,
    }),
  );

  const openPaths = async (list: readonly string[], source: OpenSource): Promise<void> => {
    if (!win || !router) {
      pending.push(...list.map((path) => ({ path, source })));
      // macOS keeps running with no window: a file opened then (Finder, the Dock's recent list)
      // opens a window, which takes the queue. Before ready, the window opening at ready does.
      if (router && openWindow) await openWindow();
      return;
    }
    const files: FileRef[] = [];
    for (const path of list) {
      try {
        const ref = await workspace.files.register(path);
        const full = workspace.files.resolve(ref.id).path;
        await workspace.recent.add(full, ref.kind); // refreshes the menu (onChange below)
        // The OS's own recent list (macOS Dock menu, Windows jump list).
        if (ref.kind !== 'folder') app.addRecentDocument(full);
        files.push(ref);
      } catch (err) {
        console.warn(`[open] ${basename(path)}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (files.length > 0) router.emit(sinkFor(win.webContents), 'files:opened', { source, files });
  };

  const refreshMenu = async (): Promise<void> => {
    const recent = (await workspace.recent.paths()).map((r) => ({ path: r.path, label: basename(r.path) }));
    const fromDialog = async (pick: () => Promise<string | string[] | null>): Promise<void> => {
      const picked = await pick();
      const list = picked === null ? [] : Array.isArray(picked) ? picked : [picked];
      await openPaths(list, 'menu');
    };
    const template = buildMenuTemplate(
      {
        openVideo: () => void fromDialog(() => electronDialogs.openVideo()),
        openSubtitles: () => void fromDialog(() => electronDialogs.openSubtitles()),
        openFolder: () => void fromDialog(() => electronDialogs.openFolder()),
        openRecent: (path) => void openPaths([path], 'menu'),
        clearRecent: () => void workspace.recent.clear(),
        command: (command) => {
          if (win && router) router.emit(sinkFor(win.webContents), 'menu:command', { command });
        },
        openExternal: (url) => {
          const vetted = vettedExternalUrl(url);
          if (vetted) void shell.openExternal(vetted);
        },
      },
      recent,
      process.platform,
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  app.on('second-instance', (_e, argv, cwd) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    void openPaths(filesFromArgv(argv, cwd), 'second-instance');
  });
  // macOS: files opened through the file associations.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openPaths([path], 'os');
  });

  void app.whenReady().then(async () => {
    await tightenUserData(workspace.paths.userData);
    hardenSession(session.defaultSession);
    handleProtocols(session.defaultSession, join(import.meta.dirname, '../renderer'), workspace.files);
    // One AuthService for publishing and the Accounts panel: they share the token cache and refreshes.
    const auth = createAuthService(process.env, app.getPath('userData'));
    router = createAppRouter({
      workspace,
      dialogs: electronDialogs,
      mediaUrl: mediaUrlFor,
      appInfo: {
        name: app.getName(),
        version: app.getVersion(),
        platform: process.platform,
        versions: {
          node: process.versions.node,
          electron: process.versions.electron ?? null,
          chrome: process.versions.chrome ?? null,
        },
      },
      publishing: defaultPublishing({
        userData: workspace.paths.userData,
        auth,
        probe: (file, o) => probe(file, o),
        notifier: electronNotifier(),
      }),
      // Consent pages are URLs main builds from the X endpoints, never from the renderer.
      accounts: { service: auth, open: (url) => shell.openExternal(url) },
      // The window's spellchecker follows the active track's language (spelling:setLanguages).
      spellChecker: {
        available: () => session.defaultSession.availableSpellCheckerLanguages,
        setLanguages: (languages) => session.defaultSession.setSpellCheckerLanguages([...languages]),
        setEnabled: (enabled) => session.defaultSession.setSpellCheckerEnabled(enabled),
      },
      router: { validateResponses: !app.isPackaged },
    });
    bindRouter(ipcMain, router, origins);
    await refreshMenu();
    // Open Recent follows every open, from the menu, the window's own dialogs or a drop.
    workspace.recent.onChange(() => void refreshMenu());
    let opening: Promise<void> | null = null;
    openWindow = (): Promise<void> => (opening ??= openMainWindow().finally(() => (opening = null)));
    const openMainWindow = async (): Promise<void> => {
      if (win) return;
      win = await createMainWindow({
        preload: join(import.meta.dirname, '../preload/preload.cjs'),
        url: devUrl ?? `${APP_ORIGIN}/index.html`,
        state: workspace.windowState,
      });
      attachContextMenu(win.webContents);
      const sinkId = sinkFor(win.webContents).id;
      win.on('closed', () => {
        router?.jobs.cancelAllFor(sinkId);
        win = null;
      });
      const queued = pending.splice(0);
      for (const source of ['argv', 'second-instance', 'os', 'menu'] as const) {
        const list = queued.filter((p) => p.source === source).map((p) => p.path);
        if (list.length > 0) await openPaths(list, source);
      }
    };
    await openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void openWindow?.();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
