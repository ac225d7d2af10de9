// The main window: hardened webPreferences, remembered size and place.
import { app, BrowserWindow, dialog, nativeTheme, screen } from 'electron';
import { fitToDisplays, type WindowStateStore } from '../services/workspace/window-state.ts';
import { hardenedWebPreferences } from './security/web-preferences.ts';

export async function createMainWindow(opts: {
  preload: string;
  url: string;
  state: WindowStateStore;
}): Promise<BrowserWindow> {
  const saved = fitToDisplays(
    await opts.state.load(),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const webPreferences = hardenedWebPreferences(opts.preload);
  // Test-only: the Electron e2e suite reads back the options the window was made with.
  if (process.env['CUELINE_E2E'] === '1' && !app.isPackaged)
    (globalThis as { __cuelineWebPreferences?: unknown }).__cuelineWebPreferences = webPreferences;
  const win = new BrowserWindow({
    ...(saved.x !== undefined && saved.y !== undefined ? { x: saved.x, y: saved.y } : {}),
    width: saved.width,
    height: saved.height,
    minWidth: 640,
    minHeight: 400,
    show: false,
    title: 'Cueline',
    // Matches the renderer's first paint in either theme, so opening doesn't flash.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#121212' : '#f3f4f6',
    webPreferences,
  });
  // maximize() shows a hidden window at once, before its first paint: maximize when it is ready.
  win.once('ready-to-show', () => {
    if (saved.maximized) win.maximize();
    win.show();
  });
  // The editor's beforeunload handler refuses to unload while there are unsaved edits; Electron
  // then cancels the close silently, so ask the user here (the browser would show its own prompt).
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Discard changes and close', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'You have unsaved caption edits.',
      detail: 'They are autosaved and will be offered back next time, but the files on disk are not updated.',
    });
    if (choice === 0) event.preventDefault();
  });

  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = (): void => {
    if (win.isDestroyed()) return;
    const b = win.getNormalBounds();
    void opts.state
      .save({ ...b, maximized: win.isMaximized() })
      .catch((err: unknown) => console.warn('[window] state not saved', err));
  };
  const later = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    if (timer) clearTimeout(timer);
    save();
  });
  await win.loadURL(opts.url);
  return win;
}
