// The application menu (File / Edit / View / Help). Pure: the actions arrive as functions, so the
// structure is unit-tested without Electron. Editing commands the renderer owns (save, undo,
// find…) are sent to it as `menu:command` events; clipboard roles stay native.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/events.ts';

export interface MenuActions {
  openVideo(): void;
  openSubtitles(): void;
  openFolder(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  command(command: MenuCommand): void;
  openExternal(url: string): void;
}

export function buildMenuTemplate(
  actions: MenuActions,
  recent: readonly { path: string; label: string }[],
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const cmd = (command: MenuCommand) => (): void => actions.command(command);
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'Open &Video…', accelerator: 'CmdOrCtrl+O', click: () => actions.openVideo() },
        { label: 'Open &Subtitles…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openSubtitles() },
        { label: 'Open &Folder for Batch…', click: () => actions.openFolder() },
        {
          label: 'Open &Recent',
          submenu: [
            ...recent.map((r) => ({ label: r.label, click: (): void => actions.openRecent(r.path) })),
            ...(recent.length > 0 ? [{ type: 'separator' as const }] : []),
            { label: 'Clear Recent', enabled: recent.length > 0, click: () => actions.clearRecent() },
          ],
        },
        { type: 'separator' },
        { label: '&Save', accelerator: 'CmdOrCtrl+S', click: cmd('save') },
        { label: 'Save &As…', accelerator: 'CmdOrCtrl+Shift+S', click: cmd('saveAs') },
        { label: '&Export…', accelerator: 'CmdOrCtrl+E', click: cmd('export') },
        { type: 'separator' },
        { label: 'X &Accounts…', click: cmd('accounts') },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Undo/redo act on the caption document's history, not on a text field's.
        { label: '&Undo', accelerator: 'CmdOrCtrl+Z', click: cmd('undo') },
        { label: '&Redo', accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: cmd('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: '&Find…', accelerator: 'CmdOrCtrl+F', click: cmd('find') },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Zoom &In', accelerator: 'CmdOrCtrl+=', click: cmd('zoomIn') },
        { label: 'Zoom &Out', accelerator: 'CmdOrCtrl+-', click: cmd('zoomOut') },
        { label: '&Actual Size', accelerator: 'CmdOrCtrl+0', click: cmd('zoomReset') },
        { type: 'separator' },
        {
          label: '&Theme',
          submenu: [
            { label: 'System', type: 'radio', click: cmd('themeSystem') },
            { label: 'Light', type: 'radio', click: cmd('themeLight') },
            { label: 'Dark', type: 'radio', click: cmd('themeDark') },
          ],
        },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      submenu: [
        { label: '&Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', click: cmd('keyboardShortcuts') },
        { label: 'X Closed Captions Help', click: () => actions.openExternal('https://help.x.com/') },
        { type: 'separator' },
        { label: '&About Cueline', click: cmd('about') },
      ],
    },
  );
  return template;
}
