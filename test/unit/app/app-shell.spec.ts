import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { filesFromArgv } from '../../../main/app/argv.ts';
import { buildMenuTemplate, type MenuActions } from '../../../main/app/menu-template.ts';
import { fitToDisplays } from '../../../main/services/workspace/window-state.ts';

describe('filesFromArgv', () => {
  it('keeps the video and subtitle files, resolved against the cwd, without flags or the app path', () => {
    const argv = [
      '/opt/Cueline/cueline',
      '.',
      '--no-sandbox',
      'talk.mp4',
      '/abs/talk.en.SRT',
      'notes.txt',
      'talk.mp4',
    ];
    expect(filesFromArgv(argv, '/home/me')).toEqual([resolve('/home/me', 'talk.mp4'), '/abs/talk.en.SRT']);
  });
});

describe('menu', () => {
  const calls: string[] = [];
  const actions: MenuActions = {
    openVideo: () => calls.push('openVideo'),
    openSubtitles: () => calls.push('openSubtitles'),
    openFolder: () => calls.push('openFolder'),
    openRecent: (p) => calls.push(`recent ${p}`),
    clearRecent: () => calls.push('clearRecent'),
    command: (c) => calls.push(`command ${c}`),
    openExternal: (u) => calls.push(`external ${u}`),
  };
  const labels = (items: MenuItemConstructorOptions[]): string[] =>
    items.filter((i) => i.label).map((i) => (i.label ?? '').replace('&', ''));
  const find = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions => {
    const item = items.find((i) => (i.label ?? '').replace('&', '') === label);
    if (!item) throw new Error(`no ${label}`);
    return item;
  };
  const click = (item: MenuItemConstructorOptions): void => (item.click as unknown as () => void)();

  it('has File, Edit, View and Help with the issue’s items', () => {
    const t = buildMenuTemplate(actions, [{ path: '/v/a.mp4', label: 'a.mp4' }], 'linux');
    expect(labels(t)).toEqual(['File', 'Edit', 'View', 'Help']);
    const file = find(t, 'File').submenu as MenuItemConstructorOptions[];
    // The File items, in this order (other issues may add items between them).
    const required = [
      'Open Video…',
      'Open Subtitles…',
      'Open Folder for Batch…',
      'Open Recent',
      'Save',
      'Save As…',
      'Export…',
    ];
    expect(labels(file).filter((l) => required.includes(l))).toEqual(required);
    const edit = find(t, 'Edit').submenu as MenuItemConstructorOptions[];
    expect(
      edit
        .map((i) => i.role ?? (i.label ?? '').replace('&', ''))
        .filter(Boolean)
        .slice(0, 8),
    ).toEqual(['Undo', 'Redo', 'cut', 'copy', 'paste', 'selectAll', 'Find…', 'Replace…']);
    const recent = find(file, 'Open Recent').submenu as MenuItemConstructorOptions[];
    click(find(recent, 'a.mp4'));
    click(find(file, 'Save'));
    click(find(file, 'X Accounts…'));
    click(find(find(t, 'View').submenu as MenuItemConstructorOptions[], 'Zoom In'));
    click(find(find(t, 'Help').submenu as MenuItemConstructorOptions[], 'Keyboard Shortcuts'));
    click(find(file, 'Export…'));
    click(find(find(t, 'Help').submenu as MenuItemConstructorOptions[], 'About Cueline'));
    expect(calls).toEqual([
      'recent /v/a.mp4',
      'command save',
      'command accounts',
      'command zoomIn',
      'command showShortcuts',
      'command export',
      'command about',
    ]);
  });

  const items = (t: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    t.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);

  it('makes every item do something, and no two items share a key', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const all = items(buildMenuTemplate(actions, [{ path: '/v/a.mp4', label: 'a.mp4' }], platform));
      for (const i of all)
        if (i.type !== 'separator') expect(i.click ?? i.role ?? i.submenu, `${i.label}`).toBeTruthy();
      const accels = all.map((i) => i.accelerator).filter(Boolean);
      expect(new Set(accels).size).toBe(accels.length);
    }
  });

  it('takes its accelerators from the command table, ⌘ and Ctrl distinct on macOS', () => {
    const accel = (platform: NodeJS.Platform, label: string): unknown =>
      items(buildMenuTemplate(actions, [], platform)).find((i) => (i.label ?? '').replace(/&/g, '') === label)
        ?.accelerator;
    expect(accel('linux', 'Open Subtitles…')).toBe('Ctrl+O');
    expect(accel('linux', 'Open Video…')).toBe('Ctrl+Shift+O');
    expect(accel('darwin', 'Open Video…')).toBe('Command+Shift+O');
    expect(accel('darwin', 'Replace…')).toBe('Command+Alt+F');
    expect(accel('darwin', 'Redo')).toBe('Command+Shift+Z');
    const mac = items(buildMenuTemplate(actions, [], 'darwin'));
    expect(mac.some((i) => i.accelerator === 'Command+H')).toBe(false);
    // On Windows/Linux the page's keymap is the one dispatcher: accelerators shown, not registered.
    const save = items(buildMenuTemplate(actions, [], 'linux')).find((i) => i.label === '&Save');
    expect(save?.registerAccelerator).toBe(false);
    expect(items(buildMenuTemplate(actions, [], 'linux')).some((i) => i.accelerator === 'F11')).toBe(false);
  });

  it('starts with the app menu on macOS', () => {
    expect(buildMenuTemplate(actions, [], 'darwin')[0]).toEqual({ role: 'appMenu' });
  });
});

describe('fitToDisplays', () => {
  const state = { x: 3000, y: 100, width: 1200, height: 800, maximized: false };
  it('keeps a position that is still on a display', () => {
    expect(
      fitToDisplays(state, [
        { x: 0, y: 0, width: 1920, height: 1080 },
        { x: 1920, y: 0, width: 1920, height: 1080 },
      ]),
    ).toEqual(state);
  });
  it('drops a position whose display went away, keeping the size', () => {
    expect(fitToDisplays(state, [{ x: 0, y: 0, width: 1920, height: 1080 }])).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
  });
});
