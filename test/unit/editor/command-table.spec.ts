import { describe, expect, it } from 'vitest';
import { hasCommandModifier, toAccelerator } from '../../../shared/chords.ts';
import { COMMANDS, defaultKeys, isReserved, menuChord, type CommandId } from '../../../shared/commands.ts';

describe('the command table', () => {
  it('gives each command one id and a label', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of COMMANDS) expect(c.label.length).toBeGreaterThan(0);
  });

  it.each(['mac', 'pc'] as const)('never means two things by one chord, nor takes the OS’s (%s)', (p) => {
    const seen = new Map<string, CommandId>();
    for (const c of COMMANDS)
      for (const k of defaultKeys(c.id, p)) {
        expect(seen.get(k), `${k}: ${seen.get(k)} and ${c.id}`).toBeUndefined();
        expect(isReserved(k, p), `${k} (${c.id}) is the OS's`).toBe(false);
        seen.set(k, c.id);
      }
  });

  it('keeps the platform conventions the issue names', () => {
    expect(defaultKeys('openSubtitles', 'pc')).toEqual(['Ctrl+O']);
    expect(defaultKeys('openVideo', 'mac')).toEqual(['Cmd+Shift+O']);
    // F11 is full screen on Windows/Linux, not "set start".
    expect(defaultKeys('setStart', 'pc')).toEqual(['Ctrl+3']);
    // ⌘H stays Hide on macOS; Replace is ⌥⌘F there.
    expect(defaultKeys('replace', 'mac')).toEqual(['Cmd+Alt+F']);
    expect(defaultKeys('redo', 'mac')).toEqual(['Cmd+Shift+Z']);
    expect(menuChord('redo', 'pc')).toBe('Ctrl+Y');
  });

  it('only offers the menu chords that cannot be typed text', () => {
    for (const p of ['mac', 'pc'] as const)
      for (const c of COMMANDS) {
        const k = menuChord(c.id, p);
        if (k) expect(hasCommandModifier(k) || /^(Shift\+)?F\d+$/.test(k), `${c.id}: ${k}`).toBe(true);
      }
    expect(menuChord('showShortcuts', 'pc')).toBe('Ctrl+/');
    expect(menuChord('playPause', 'pc')).toBeNull();
  });

  it('writes Electron accelerators with ⌘ and Ctrl kept apart', () => {
    expect(toAccelerator('Cmd+Alt+F')).toBe('Command+Alt+F');
    expect(toAccelerator('Ctrl+Shift+Enter')).toBe('Ctrl+Shift+Enter');
    expect(toAccelerator('Alt+ArrowLeft')).toBe('Alt+Left');
  });
});
