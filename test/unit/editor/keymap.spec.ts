import { describe, expect, it } from 'vitest';
import {
  chordOf,
  chordTable,
  conflicts,
  DEFAULT_KEYMAP,
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
    expect(chordOf(ev('M', 'KeyM', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+M');
    expect(chordOf(ev('¡', 'Digit1', { altKey: true }))).toBe('Alt+1');
    expect(chordOf(ev(' ', 'Space'))).toBe('Space');
    expect(chordOf(ev('?', 'Slash', { shiftKey: true }))).toBe('?');
    expect(chordOf(ev('ArrowLeft', 'ArrowLeft', { altKey: true }))).toBe('Alt+ArrowLeft');
    expect(chordOf(ev('z', 'KeyZ', { metaKey: true }))).toBe('Ctrl+Z');
  });

  it('has no conflicting defaults and dispatches the Subtitle Edit merge chord', () => {
    expect([...conflicts(DEFAULT_KEYMAP as Record<keyof typeof DEFAULT_KEYMAP, string[]>)]).toEqual([]);
    expect(chordTable(resolveKeymap({})).get('Ctrl+Shift+M')).toBe('mergeWithNext');
  });

  it('applies user overrides, normalised', () => {
    const km = resolveKeymap({ splitAtPlayhead: ['shift+ctrl+k'] });
    expect(km.splitAtPlayhead).toEqual(['Ctrl+Shift+K']);
    expect(normaliseChord('cmd+alt+x')).toBe('Ctrl+Alt+X');
    expect(conflicts(km).get('Ctrl+Shift+K')).toEqual(['splitAtPlayhead', 'snapToShotChange']);
  });
});
