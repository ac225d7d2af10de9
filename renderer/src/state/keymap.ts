// Keyboard commands and the default keymap. Defaults follow Subtitle Edit (Space play/pause,
// arrows ±1 s, Alt+arrows ±500 ms, F11/F12 set start/end, Ctrl+Shift+M merge, Ctrl+Shift+A adjust
// all times, Ctrl+Shift+F fix common errors) and Aegisub (play the current line, Enter commits and
// goes to the next line). Bindings are chords like "Ctrl+Shift+M"; users override them in settings.

export type CommandId =
  | 'playPause'
  | 'playSelection'
  | 'seekBack1s'
  | 'seekForward1s'
  | 'seekBack500'
  | 'seekForward500'
  | 'frameBack'
  | 'frameForward'
  | 'prevCue'
  | 'nextCue'
  | 'jumpToPlayhead'
  | 'insertCue'
  | 'deleteCue'
  | 'splitAtPlayhead'
  | 'mergeWithNext'
  | 'setStart'
  | 'setEnd'
  | 'nudgeStartBackFrame'
  | 'nudgeStartForwardFrame'
  | 'nudgeEndBackFrame'
  | 'nudgeEndForwardFrame'
  | 'nudgeBothBackFrame'
  | 'nudgeBothForwardFrame'
  | 'nudgeStartBack100'
  | 'nudgeStartForward100'
  | 'nudgeEndBack100'
  | 'nudgeEndForward100'
  | 'nudgeBothBack100'
  | 'nudgeBothForward100'
  | 'shiftTimes'
  | 'twoPointSync'
  | 'snapToShotChange'
  | 'autoFix'
  | 'editText'
  | 'undo'
  | 'redo'
  | 'save'
  | 'saveAs'
  | 'openVideo'
  | 'openSubtitles'
  | 'find'
  | 'replace'
  | 'nextFinding'
  | 'prevFinding'
  | 'showShortcuts';

export interface CommandInfo {
  id: CommandId;
  label: string;
  group: 'Playback' | 'Navigation' | 'Editing' | 'Timing' | 'Files' | 'Find' | 'Help';
  /** Fires even while typing in a text field (only sensible for chords with Ctrl/Alt or F-keys). */
  inText?: boolean;
}

export const COMMANDS: readonly CommandInfo[] = [
  { id: 'playPause', label: 'Play / pause', group: 'Playback' },
  { id: 'playSelection', label: 'Play the selected cue', group: 'Playback', inText: true },
  { id: 'seekBack1s', label: 'Back 1 second', group: 'Playback' },
  { id: 'seekForward1s', label: 'Forward 1 second', group: 'Playback' },
  { id: 'seekBack500', label: 'Back 500 ms', group: 'Playback', inText: true },
  { id: 'seekForward500', label: 'Forward 500 ms', group: 'Playback', inText: true },
  { id: 'frameBack', label: 'Previous frame', group: 'Playback' },
  { id: 'frameForward', label: 'Next frame', group: 'Playback' },
  { id: 'prevCue', label: 'Previous cue', group: 'Navigation' },
  { id: 'nextCue', label: 'Next cue', group: 'Navigation' },
  { id: 'jumpToPlayhead', label: 'Select the cue under the playhead', group: 'Navigation', inText: true },
  { id: 'nextFinding', label: 'Next quality finding', group: 'Navigation', inText: true },
  { id: 'prevFinding', label: 'Previous quality finding', group: 'Navigation', inText: true },
  { id: 'editText', label: 'Edit the cue text', group: 'Editing' },
  { id: 'insertCue', label: 'Insert a cue at the playhead', group: 'Editing', inText: true },
  { id: 'deleteCue', label: 'Delete the selected cues', group: 'Editing' },
  { id: 'splitAtPlayhead', label: 'Split at the playhead', group: 'Editing', inText: true },
  { id: 'mergeWithNext', label: 'Merge with the next cue', group: 'Editing', inText: true },
  { id: 'undo', label: 'Undo', group: 'Editing' },
  { id: 'redo', label: 'Redo', group: 'Editing' },
  { id: 'setStart', label: 'Set start at the playhead', group: 'Timing', inText: true },
  { id: 'setEnd', label: 'Set end at the playhead', group: 'Timing', inText: true },
  { id: 'nudgeStartBackFrame', label: 'Start −1 frame', group: 'Timing', inText: true },
  { id: 'nudgeStartForwardFrame', label: 'Start +1 frame', group: 'Timing', inText: true },
  { id: 'nudgeEndBackFrame', label: 'End −1 frame', group: 'Timing', inText: true },
  { id: 'nudgeEndForwardFrame', label: 'End +1 frame', group: 'Timing', inText: true },
  { id: 'nudgeBothBackFrame', label: 'Cue −1 frame', group: 'Timing', inText: true },
  { id: 'nudgeBothForwardFrame', label: 'Cue +1 frame', group: 'Timing', inText: true },
  { id: 'nudgeStartBack100', label: 'Start −100 ms', group: 'Timing', inText: true },
  { id: 'nudgeStartForward100', label: 'Start +100 ms', group: 'Timing', inText: true },
  { id: 'nudgeEndBack100', label: 'End −100 ms', group: 'Timing', inText: true },
  { id: 'nudgeEndForward100', label: 'End +100 ms', group: 'Timing', inText: true },
  { id: 'nudgeBothBack100', label: 'Cue −100 ms', group: 'Timing', inText: true },
  { id: 'nudgeBothForward100', label: 'Cue +100 ms', group: 'Timing', inText: true },
  { id: 'shiftTimes', label: 'Shift times…', group: 'Timing', inText: true },
  { id: 'twoPointSync', label: 'Two-point sync…', group: 'Timing', inText: true },
  { id: 'snapToShotChange', label: 'Snap to shot change', group: 'Timing', inText: true },
  { id: 'autoFix', label: 'Auto-fix timing findings', group: 'Timing', inText: true },
  { id: 'openVideo', label: 'Open video…', group: 'Files', inText: true },
  { id: 'openSubtitles', label: 'Open subtitles…', group: 'Files', inText: true },
  { id: 'save', label: 'Save', group: 'Files', inText: true },
  { id: 'saveAs', label: 'Save as…', group: 'Files', inText: true },
  { id: 'find', label: 'Find', group: 'Find', inText: true },
  { id: 'replace', label: 'Find and replace', group: 'Find', inText: true },
  { id: 'showShortcuts', label: 'Keyboard shortcuts', group: 'Help' },
];

export type Keymap = Partial<Record<CommandId, string[]>>;

export const DEFAULT_KEYMAP: Readonly<Record<CommandId, string[]>> = {
  playPause: ['Space'],
  playSelection: ['Ctrl+Space'],
  seekBack1s: ['ArrowLeft'],
  seekForward1s: ['ArrowRight'],
  seekBack500: ['Alt+ArrowLeft'],
  seekForward500: ['Alt+ArrowRight'],
  frameBack: ['Shift+ArrowLeft', ','],
  frameForward: ['Shift+ArrowRight', '.'],
  prevCue: ['ArrowUp', 'Alt+ArrowUp'],
  nextCue: ['ArrowDown', 'Alt+ArrowDown'],
  jumpToPlayhead: ['Ctrl+J'],
  nextFinding: ['F8'],
  prevFinding: ['Shift+F8'],
  editText: ['Enter', 'F2'],
  insertCue: ['Insert', 'Ctrl+I'],
  deleteCue: ['Delete'],
  splitAtPlayhead: ['Ctrl+Shift+Enter'],
  mergeWithNext: ['Ctrl+Shift+M'],
  undo: ['Ctrl+Z'],
  redo: ['Ctrl+Y', 'Ctrl+Shift+Z'],
  setStart: ['F11', 'Ctrl+3'],
  setEnd: ['F12', 'Ctrl+4'],
  nudgeStartBackFrame: ['Alt+1'],
  nudgeStartForwardFrame: ['Alt+2'],
  nudgeEndBackFrame: ['Alt+3'],
  nudgeEndForwardFrame: ['Alt+4'],
  nudgeBothBackFrame: ['Alt+5'],
  nudgeBothForwardFrame: ['Alt+6'],
  nudgeStartBack100: ['Alt+Shift+1'],
  nudgeStartForward100: ['Alt+Shift+2'],
  nudgeEndBack100: ['Alt+Shift+3'],
  nudgeEndForward100: ['Alt+Shift+4'],
  nudgeBothBack100: ['Alt+Shift+5'],
  nudgeBothForward100: ['Alt+Shift+6'],
  shiftTimes: ['Ctrl+Shift+A'],
  twoPointSync: ['Ctrl+Shift+T'],
  snapToShotChange: ['Ctrl+Shift+K'],
  autoFix: ['Ctrl+Shift+F'],
  openVideo: ['Ctrl+Shift+O'],
  openSubtitles: ['Ctrl+O'],
  save: ['Ctrl+S'],
  saveAs: ['Ctrl+Shift+S'],
  find: ['Ctrl+F'],
  replace: ['Ctrl+H'],
  showShortcuts: ['?', 'F1'],
};

export interface ChordEvent {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const CODE_KEYS: Record<string, string> = { Space: 'Space', Enter: 'Enter', NumpadEnter: 'Enter' };

/**
 * The chord for a key event: modifiers in a fixed order, then the key. Letters and digits come
 * from `code` so Alt/Shift combinations (which change `key`) and other layouts' letters still
 * match; punctuation from `key` ("?" is Shift+/ on US keyboards but not elsewhere). ⌘ counts as Ctrl.
 */
export function chordOf(e: ChordEvent): string {
  let key: string;
  const letter = /^Key([A-Z])$/.exec(e.code);
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(e.code);
  if (letter?.[1]) key = letter[1];
  else if (digit?.[1]) key = digit[1];
  else if (CODE_KEYS[e.code]) key = CODE_KEYS[e.code] ?? e.key;
  else if (e.key.length === 1) key = e.key.toUpperCase();
  else key = e.key;
  const printable = key.length === 1 && !/[A-Z0-9]/.test(key);
  const mods: string[] = [];
  if (e.ctrlKey || e.metaKey) mods.push('Ctrl');
  if (e.altKey) mods.push('Alt');
  // Shift is part of a printable symbol ("?"), not a modifier of it.
  if (e.shiftKey && !printable) mods.push('Shift');
  return [...mods, key].join('+');
}

/** Normalises a user-written chord ("shift+ctrl+m") to the canonical order. */
export function normaliseChord(chord: string): string {
  const parts = chord.split('+').map((p) => p.trim());
  const key = parts.pop() ?? '';
  const set = new Set(parts.map((p) => p.toLowerCase()));
  const mods: string[] = [];
  if (set.has('ctrl') || set.has('cmd') || set.has('meta')) mods.push('Ctrl');
  if (set.has('alt') || set.has('option')) mods.push('Alt');
  if (set.has('shift')) mods.push('Shift');
  const k = key.length === 1 ? key.toUpperCase() : key === ' ' ? 'Space' : key;
  return [...mods, k].join('+');
}

export function resolveKeymap(overrides: Keymap): Record<CommandId, string[]> {
  const out = { ...DEFAULT_KEYMAP } as Record<CommandId, string[]>;
  for (const [id, chords] of Object.entries(overrides) as [CommandId, string[] | undefined][]) {
    if (chords && id in out) out[id] = chords.map(normaliseChord);
  }
  return out;
}

/** chord → command, for dispatch. Later commands don't steal a chord an earlier one has. */
export function chordTable(keymap: Record<CommandId, string[]>): Map<string, CommandId> {
  const table = new Map<string, CommandId>();
  for (const c of COMMANDS) for (const chord of keymap[c.id]) if (!table.has(chord)) table.set(chord, c.id);
  return table;
}

/** Chords bound to more than one command (shown as conflicts in the keymap editor). */
export function conflicts(keymap: Record<CommandId, string[]>): Map<string, CommandId[]> {
  const by = new Map<string, CommandId[]>();
  for (const c of COMMANDS) for (const chord of keymap[c.id]) by.set(chord, [...(by.get(chord) ?? []), c.id]);
  return new Map([...by].filter(([, ids]) => ids.length > 1));
}

/** "Ctrl+Shift+M" as shown to the user (⌘ on macOS). */
export function displayChord(chord: string, mac: boolean): string {
  const c = chord.replace('ArrowLeft', '←').replace('ArrowRight', '→').replace('ArrowUp', '↑');
  const d = c.replace('ArrowDown', '↓');
  return mac ? d.replace('Ctrl+', '⌘').replace('Alt+', '⌥').replace('Shift+', '⇧') : d;
}
