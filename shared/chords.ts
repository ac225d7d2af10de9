// Key chords: how a key press is written ("Ctrl+Shift+M"), matched and shown, per platform. On
// macOS ⌘ ("Cmd") and Control ("Ctrl") are different keys and stay different; elsewhere the
// Windows/Super key ("Meta") belongs to the OS. Defaults are written with "Mod", the platform's
// primary modifier (⌘ on macOS, Ctrl elsewhere). Pure: shared by the renderer's keymap and the
// main process's menu accelerators.

export type KeyPlatform = 'mac' | 'pc';

/** 'mac' for Node's 'darwin' or a browser's 'MacIntel'; 'pc' for everything else. */
export function keyPlatform(platform: string): KeyPlatform {
  return /^(darwin|mac)/i.test(platform) ? 'mac' : 'pc';
}

export interface ChordEvent {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const CODE_KEYS: Record<string, string> = { Space: 'Space', Enter: 'Enter', NumpadEnter: 'Enter' };

function orderMods(mods: ReadonlySet<string>, key: string): string {
  const out = ['Ctrl', 'Cmd', 'Meta', 'Alt', 'Shift'].filter((m) => mods.has(m));
  return [...out, key].join('+');
}

/**
 * The chord for a key event: modifiers in a fixed order, then the key. Letters and digits come
 * from `code` so Alt/Shift combinations (which change `key`) and other layouts' letters still
 * match; punctuation from `key` ("?" is Shift+/ on US keyboards but not elsewhere).
 */
export function chordOf(e: ChordEvent, platform: KeyPlatform): string {
  let key: string;
  const letter = /^Key([A-Z])$/.exec(e.code);
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(e.code);
  if (letter?.[1]) key = letter[1];
  else if (digit?.[1]) key = digit[1];
  else if (CODE_KEYS[e.code]) key = CODE_KEYS[e.code] ?? e.key;
  else if (e.key.length === 1) key = e.key.toUpperCase();
  else key = e.key;
  const printable = key.length === 1 && !/[A-Z0-9]/.test(key);
  const mods = new Set<string>();
  if (e.ctrlKey) mods.add('Ctrl');
  if (e.metaKey) mods.add(platform === 'mac' ? 'Cmd' : 'Meta');
  if (e.altKey) mods.add('Alt');
  // Shift is part of a printable symbol ("?"), not a modifier of it.
  if (e.shiftKey && !printable) mods.add('Shift');
  return orderMods(mods, key);
}

/**
 * A written chord ("shift+mod+m", "Cmd+Alt+F") in canonical form for the platform: "Mod" becomes
 * Cmd on macOS and Ctrl elsewhere; "Cmd"/"Meta" mean the ⌘ key on macOS and the Super key elsewhere.
 */
export function normaliseChord(chord: string, platform: KeyPlatform): string {
  const parts = chord.split('+').map((p) => p.trim());
  // "Ctrl++" (the plus key) splits into an empty last part.
  let key = parts.pop() ?? '';
  if (key === '' && parts.at(-1) === '') {
    parts.pop();
    key = '+';
  }
  const mods = new Set<string>();
  for (const p of parts.map((x) => x.toLowerCase())) {
    if (p === 'mod') mods.add(platform === 'mac' ? 'Cmd' : 'Ctrl');
    else if (p === 'ctrl' || p === 'control') mods.add('Ctrl');
    else if (p === 'cmd' || p === 'command' || p === 'meta' || p === 'super')
      mods.add(platform === 'mac' ? 'Cmd' : 'Meta');
    else if (p === 'alt' || p === 'option') mods.add('Alt');
    else if (p === 'shift') mods.add('Shift');
  }
  const k = key.length === 1 ? key.toUpperCase() : key === ' ' ? 'Space' : key;
  return orderMods(mods, k);
}

/** True when the chord holds Ctrl, ⌘ or Alt (so it can fire while typing without eating text). */
export function hasCommandModifier(chord: string): boolean {
  return /(^|\+)(Ctrl|Cmd|Alt)\+/.test(chord);
}

const ACCELERATOR_KEYS: Record<string, string> = {
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  '+': 'Plus',
};

/** A canonical chord as an Electron accelerator ("Cmd+Shift+Z", "Ctrl+Y"); modifiers stay literal. */
export function toAccelerator(chord: string): string {
  const parts = chord.split('+');
  const key = parts.pop() ?? '';
  const mods = parts.map((m) => (m === 'Cmd' ? 'Command' : m === 'Meta' ? 'Super' : m));
  return [...mods, ACCELERATOR_KEYS[key] ?? key].join('+');
}

/** "Ctrl+Shift+M" as shown to the user (⌃⌘⌥⇧ on macOS). */
export function displayChord(chord: string, platform: KeyPlatform): string {
  const arrows: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };
  const parts = chord.split('+');
  const key = parts.pop() ?? '';
  const k = arrows[key] ?? key;
  if (platform !== 'mac') return [...parts, k].join('+');
  const sym: Record<string, string> = { Ctrl: '⌃', Alt: '⌥', Shift: '⇧', Cmd: '⌘' };
  return parts.map((p) => sym[p] ?? p).join('') + k;
}
