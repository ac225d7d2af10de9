// The application menu (File / Edit / View / Help). Pure: the actions arrive as functions, so the
// structure is unit-tested without Electron. Items that are editor commands take their label and
// accelerator from the shared command table (shared/commands.ts), the same defaults the renderer's
// keymap answers, and are sent to it as `menu:command` events; clipboard roles stay native.
//
// Keys: the page sees a key before the menu. On Windows and Linux the accelerators are shown but not
// registered (`registerAccelerator: false`), so the renderer's keymap is the one dispatcher and a
// text field keeps Ctrl+Z for itself. On macOS a key the page leaves alone reaches the menu (that is
// how ⌘Z/⌘C work in text fields there), and the renderer's undo acts on the focused field when
// there is one. Chords the OS owns (⌘H, ⌃⌘F, F11) are left to the app menu and full-screen roles.
import type { MenuItemConstructorOptions } from 'electron';
import { keyPlatform, toAccelerator } from '../../shared/chords.ts';
import { command as commandSpec, menuChord, type CommandId } from '../../shared/commands.ts';

export interface MenuActions {
  openVideo(): void;
  openSubtitles(): void;
  openFolder(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  command(command: CommandId): void;
  openExternal(url: string): void;
}

export function buildMenuTemplate(
  actions: MenuActions,
  recent: readonly { path: string; label: string }[],
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const keys = keyPlatform(platform);
  /** A menu item for a command of the table; `click` replaces sending it to the renderer. */
  const item = (
    id: CommandId,
    extra: Partial<MenuItemConstructorOptions> = {},
  ): MenuItemConstructorOptions => {
    const spec = commandSpec(id);
    const chord = menuChord(id, keys);
    return {
      label: spec.menuLabel ?? spec.label,
      ...(chord ? { accelerator: toAccelerator(chord), registerAccelerator: mac } : {}),
      click: () => actions.command(id),
      ...extra,
    };
  };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: '&File',
      submenu: [
        item('openVideo', { click: () => actions.openVideo() }),
        item('openSubtitles', { click: () => actions.openSubtitles() }),
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
        item('save'),
        item('saveAs'),
        item('export'),
        { type: 'separator' },
        item('accounts'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Undo/redo act on the caption document's history, or on the focused text field's.
        item('undo'),
        item('redo'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        item('find'),
        item('replace'),
        { type: 'separator' },
        item('insertCue'),
        item('splitAtPlayhead'),
        item('mergeWithNext'),
        item('fixCommonErrors'),
        { type: 'separator' },
        item('shiftTimes'),
        item('twoPointSync'),
        item('snapToShotChange'),
        item('convertFrameRate'),
        item('autoFix'),
      ],
    },
    {
      label: '&View',
      submenu: [
        item('zoomIn'),
        item('zoomOut'),
        item('zoomReset'),
        { type: 'separator' },
        {
          label: '&Theme',
          submenu: [
            item('themeSystem', { type: 'radio' }),
            item('themeLight', { type: 'radio' }),
            item('themeDark', { type: 'radio' }),
          ],
        },
        { type: 'separator' },
        item('fullPreview'),
        // F11 on Windows/Linux, ⌃⌘F on macOS: the OS's own full-screen chord.
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      submenu: [
        item('showShortcuts'),
        { label: 'X Closed Captions Help', click: () => actions.openExternal('https://help.x.com/') },
        { type: 'separator' },
        item('about'),
      ],
    },
  );
  return template;
}
