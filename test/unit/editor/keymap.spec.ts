import { describe, expect, it } from 'vitest';
import {
  chordOf,
  chordTable,
  conflicts,
  defaults,
  normaliseChord,
  resolveKeymap,
} from '../../../renderer/src/state/keymap.ts';

const ev = (
  key: string,
  code: string,
  mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {},
) => ({
  key,
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('keymap', () => {
  it('turns key events into chords by code for letters and digits', () => {
    expect(chordOf(ev('M', 'KeyM', { ctrlKey: true, shiftKey: true }), 'pc')).toBe('Ctrl+Shift+M');
    expect(chordOf(ev('¡', 'Digit1', { altKey: true }), 'pc')).toBe('Alt+1');
    expect(chordOf(ev(' ', 'Space'), 'pc')).toBe('Space');
    expect(chordOf(ev('?', 'Slash', { shiftKey: true }), 'pc')).toBe('?');
    expect(chordOf(ev('ArrowLeft', 'ArrowLeft', { altKey: true }), 'pc')).toBe('Alt+ArrowLeft');
  });

  it('keeps ⌘ and Ctrl apart on macOS, and leaves the Super key to the OS elsewhere', () => {
    expect(chordOf(ev('z', 'KeyZ', { metaKey: true }), 'mac')).toBe('Cmd+Z');
    expect(chordOf(ev('z', 'KeyZ', { ctrlKey: true }), 'mac')).toBe('Ctrl+Z');
    expect(chordOf(ev('f', 'KeyF', { ctrlKey: true, metaKey: true }), 'mac')).toBe('Ctrl+Cmd+F');
    expect(chordTable(resolveKeymap({}, 'mac'), 'mac').get('Cmd+Z')).toBe('undo');
    // ⌃Z on a Mac is not ⌘Z.
    expect(chordTable(resolveKeymap({}, 'mac'), 'mac').get('Ctrl+Z')).toBeUndefined();
    // ⌃⌘F is full screen: it isn't Find.
    expect(chordTable(resolveKeymap({}, 'mac'), 'mac').get('Ctrl+Cmd+F')).toBeUndefined();
    expect(chordOf(ev('z', 'KeyZ', { metaKey: true }), 'pc')).toBe('Meta+Z');
    expect(chordTable(resolveKeymap({}, 'pc'), 'pc').get('Meta+Z')).toBeUndefined();
  });

  it('has no conflicting defaults on either platform and dispatches the Subtitle Edit merge chord', () => {
    expect([...conflicts(defaults('pc'), 'pc')]).toEqual([]);
    expect([...conflicts(defaults('mac'), 'mac')]).toEqual([]);
    expect(chordTable(resolveKeymap({}, 'pc'), 'pc').get('Ctrl+Shift+M')).toBe('mergeWithNext');
    expect(chordTable(resolveKeymap({}, 'mac'), 'mac').get('Cmd+Shift+M')).toBe('mergeWithNext');
  });

  it('applies user overrides, normalised, and flags clashes and chords the OS owns', () => {
    const km = resolveKeymap({ splitAtPlayhead: ['shift+ctrl+k'] }, 'pc');
    expect(km.splitAtPlayhead).toEqual(['Ctrl+Shift+K']);
    expect(normaliseChord('cmd+alt+x', 'mac')).toBe('Cmd+Alt+X');
    expect(normaliseChord('mod+alt+x', 'pc')).toBe('Ctrl+Alt+X');
    expect(conflicts(km, 'pc').get('Ctrl+Shift+K')).toEqual(['splitAtPlayhead', 'snapToShotChange']);
    const f11 = resolveKeymap({ setStart: ['F11'] }, 'pc');
    expect(conflicts(f11, 'pc').get('F11')).toEqual(['setStart']);
    // Bound or not, F11 stays the OS's full screen.
    expect(chordTable(f11, 'pc').get('F11')).toBeUndefined();
  });
});
