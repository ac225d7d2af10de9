// The one table of the editor's commands: id, label, group and default keys per platform. The
// renderer's keymap, toolbar and shortcut sheet read it, each command's `run` lives beside it in
// the renderer (renderer/src/state/command-table.ts), and the main process builds the menu's
// accelerators from the same defaults, so a key shown in the menu is the key the editor answers.
//
// Defaults follow Subtitle Edit (Space play/pause, arrows ±1 s, Alt+arrows ±500 ms, Ctrl+Shift+M
// merge, Ctrl+Shift+A adjust all times) and Aegisub (Ctrl+3/Ctrl+4 set start/end at the video
// position, Enter commits and goes to the next line). No default takes a chord the OS owns:
// F11 is full screen on Windows/Linux, ⌘H hides the app and ⌃⌘F is full screen on macOS.
import { hasCommandModifier, normaliseChord, type KeyPlatform } from './chords.ts';

export type CommandGroup =
  'Playback' | 'Navigation' | 'Editing' | 'Timing' | 'Files' | 'Find' | 'View' | 'Help';

export interface CommandSpec {
  readonly id: string;
  readonly label: string;
  /** The menu's wording when it differs from the label (menus use title case and "…"). */
  readonly menuLabel?: string;
  readonly group: CommandGroup;
  /** Default chords on every platform; "Mod" is ⌘ on macOS and Ctrl elsewhere. */
  readonly keys: readonly string[];
  /** macOS defaults, when they differ (an OS-owned chord or a Mac convention). */
  readonly macKeys?: readonly string[];
  /** Fires while typing in a text field (only chords with Ctrl/⌘/Alt or F-keys are let through). */
  readonly inText?: boolean;
}

const TABLE = [
  { id: 'playPause', label: 'Play / pause', group: 'Playback', keys: ['Space'] },
  {
    id: 'playSelection',
    label: 'Play the selected cue',
    group: 'Playback',
    keys: ['Ctrl+Space'],
    // ⌃Space switches the input source on macOS.
    macKeys: ['Cmd+P'],
    inText: true,
  },
  { id: 'loopSelection', label: 'Loop the selected cue', group: 'Playback', keys: ['Mod+L'], inText: true },
  { id: 'seekBack1s', label: 'Back 1 second', group: 'Playback', keys: ['ArrowLeft'] },
  { id: 'seekForward1s', label: 'Forward 1 second', group: 'Playback', keys: ['ArrowRight'] },
  { id: 'seekBack500', label: 'Back 500 ms', group: 'Playback', keys: ['Alt+ArrowLeft'], inText: true },
  {
    id: 'seekForward500',
    label: 'Forward 500 ms',
    group: 'Playback',
    keys: ['Alt+ArrowRight'],
    inText: true,
  },
  { id: 'frameBack', label: 'Previous frame', group: 'Playback', keys: ['Shift+ArrowLeft', ','] },
  { id: 'frameForward', label: 'Next frame', group: 'Playback', keys: ['Shift+ArrowRight', '.'] },
  { id: 'slower', label: 'Slower', group: 'Playback', keys: ['['] },
  { id: 'faster', label: 'Faster', group: 'Playback', keys: [']'] },
  { id: 'toggleMute', label: 'Mute / unmute', group: 'Playback', keys: ['M'] },
  {
    id: 'fullPreview',
    label: 'Full-window preview',
    menuLabel: 'Full-Window &Preview',
    group: 'View',
    keys: ['Mod+Shift+P'],
    inText: true,
  },
  { id: 'prevCue', label: 'Previous cue', group: 'Navigation', keys: ['ArrowUp', 'Alt+ArrowUp'] },
  { id: 'nextCue', label: 'Next cue', group: 'Navigation', keys: ['ArrowDown', 'Alt+ArrowDown'] },
  { id: 'firstCue', label: 'First cue', group: 'Navigation', keys: ['Home', 'Mod+Home'] },
  { id: 'lastCue', label: 'Last cue', group: 'Navigation', keys: ['End', 'Mod+End'] },
  { id: 'pageUpCue', label: 'A page of cues up', group: 'Navigation', keys: ['PageUp'] },
  { id: 'pageDownCue', label: 'A page of cues down', group: 'Navigation', keys: ['PageDown'] },
  {
    id: 'jumpToPlayhead',
    label: 'Select the cue under the playhead',
    group: 'Navigation',
    keys: ['Mod+J'],
    inText: true,
  },
  { id: 'nextFinding', label: 'Next quality finding', group: 'Navigation', keys: ['F8'], inText: true },
  {
    id: 'prevFinding',
    label: 'Previous quality finding',
    group: 'Navigation',
    keys: ['Shift+F8'],
    inText: true,
  },
  { id: 'editText', label: 'Edit the cue text', group: 'Editing', keys: ['Enter', 'F2'] },
  {
    id: 'insertCue',
    label: 'Insert a cue at the playhead',
    menuLabel: '&Insert Cue',
    group: 'Editing',
    keys: ['Insert', 'Mod+I'],
    macKeys: ['Cmd+I'],
    inText: true,
  },
  {
    id: 'deleteCue',
    label: 'Delete the selected cues',
    group: 'Editing',
    keys: ['Delete'],
    macKeys: ['Delete', 'Backspace'],
  },
  {
    id: 'splitAtPlayhead',
    label: 'Split at the playhead',
    menuLabel: 'S&plit at Playhead',
    group: 'Editing',
    keys: ['Mod+Shift+Enter'],
    inText: true,
  },
  {
    id: 'mergeWithNext',
    label: 'Merge with the next cue',
    menuLabel: '&Merge with Next',
    group: 'Editing',
    keys: ['Mod+Shift+M'],
    inText: true,
  },
  {
    id: 'fixCommonErrors',
    label: 'Fix common errors…',
    menuLabel: 'Fix &Common Errors…',
    group: 'Editing',
    keys: ['Mod+Shift+F'],
    inText: true,
  },
  {
    id: 'undo',
    label: 'Undo',
    menuLabel: '&Undo',
    group: 'Editing',
    keys: ['Mod+Z'],
  },
  {
    id: 'redo',
    label: 'Redo',
    menuLabel: '&Redo',
    group: 'Editing',
    keys: ['Ctrl+Y', 'Ctrl+Shift+Z'],
    macKeys: ['Cmd+Shift+Z'],
  },
  { id: 'setStart', label: 'Set start at the playhead', group: 'Timing', keys: ['Mod+3'], inText: true },
  { id: 'setEnd', label: 'Set end at the playhead', group: 'Timing', keys: ['Mod+4'], inText: true },
  { id: 'nudgeStartBackFrame', label: 'Start −1 frame', group: 'Timing', keys: ['Alt+1'], inText: true },
  { id: 'nudgeStartForwardFrame', label: 'Start +1 frame', group: 'Timing', keys: ['Alt+2'], inText: true },
  { id: 'nudgeEndBackFrame', label: 'End −1 frame', group: 'Timing', keys: ['Alt+3'], inText: true },
  { id: 'nudgeEndForwardFrame', label: 'End +1 frame', group: 'Timing', keys: ['Alt+4'], inText: true },
  { id: 'nudgeBothBackFrame', label: 'Cue −1 frame', group: 'Timing', keys: ['Alt+5'], inText: true },
  { id: 'nudgeBothForwardFrame', label: 'Cue +1 frame', group: 'Timing', keys: ['Alt+6'], inText: true },
  { id: 'nudgeStartBack100', label: 'Start −100 ms', group: 'Timing', keys: ['Alt+Shift+1'], inText: true },
  {
    id: 'nudgeStartForward100',
    label: 'Start +100 ms',
    group: 'Timing',
    keys: ['Alt+Shift+2'],
    inText: true,
  },
  { id: 'nudgeEndBack100', label: 'End −100 ms', group: 'Timing', keys: ['Alt+Shift+3'], inText: true },
  { id: 'nudgeEndForward100', label: 'End +100 ms', group: 'Timing', keys: ['Alt+Shift+4'], inText: true },
  { id: 'nudgeBothBack100', label: 'Cue −100 ms', group: 'Timing', keys: ['Alt+Shift+5'], inText: true },
  { id: 'nudgeBothForward100', label: 'Cue +100 ms', group: 'Timing', keys: ['Alt+Shift+6'], inText: true },
  {
    id: 'shiftTimes',
    label: 'Shift times…',
    menuLabel: 'S&hift Times…',
    group: 'Timing',
    keys: ['Mod+Shift+A'],
    inText: true,
  },
  {
    id: 'twoPointSync',
    label: 'Two-point sync…',
    menuLabel: '&Two-Point Sync…',
    group: 'Timing',
    keys: ['Mod+Shift+T'],
    inText: true,
  },
  {
    id: 'snapToShotChange',
    label: 'Snap to shot change',
    menuLabel: 'Snap to Shot &Change',
    group: 'Timing',
    keys: ['Mod+Shift+K'],
    inText: true,
  },
  {
    id: 'convertFrameRate',
    label: 'Convert frame rate…',
    menuLabel: 'Convert &Frame Rate…',
    group: 'Timing',
    keys: [],
  },
  {
    id: 'autoFix',
    label: 'Auto-fix timing findings',
    menuLabel: '&Auto-Fix Timing',
    group: 'Timing',
    keys: [],
    inText: true,
  },
  {
    id: 'openVideo',
    label: 'Open video…',
    menuLabel: 'Open &Video…',
    group: 'Files',
    keys: ['Mod+Shift+O'],
    inText: true,
  },
  {
    id: 'openSubtitles',
    label: 'Open subtitles…',
    menuLabel: 'Open &Subtitles…',
    group: 'Files',
    keys: ['Mod+O'],
    inText: true,
  },
  { id: 'save', label: 'Save', menuLabel: '&Save', group: 'Files', keys: ['Mod+S'], inText: true },
  {
    id: 'saveAs',
    label: 'Save as…',
    menuLabel: 'Save &As…',
    group: 'Files',
    keys: ['Mod+Shift+S'],
    inText: true,
  },
  {
    id: 'export',
    label: 'Export a copy…',
    menuLabel: '&Export…',
    group: 'Files',
    keys: ['Mod+E'],
    inText: true,
  },
  { id: 'accounts', label: 'X accounts…', menuLabel: 'X &Accounts…', group: 'Files', keys: [] },
  { id: 'find', label: 'Find', menuLabel: '&Find…', group: 'Find', keys: ['Mod+F'], inText: true },
  {
    id: 'replace',
    label: 'Find and replace',
    menuLabel: 'R&eplace…',
    group: 'Find',
    keys: ['Ctrl+H'],
    // ⌘H hides the app on macOS; ⌥⌘F is the Mac's Replace.
    macKeys: ['Cmd+Alt+F'],
    inText: true,
  },
  {
    id: 'zoomIn',
    label: 'Zoom the timeline in',
    menuLabel: 'Zoom &In',
    group: 'View',
    keys: ['Mod+='],
    inText: true,
  },
  {
    id: 'zoomOut',
    label: 'Zoom the timeline out',
    menuLabel: 'Zoom &Out',
    group: 'View',
    keys: ['Mod+-'],
    inText: true,
  },
  {
    id: 'zoomReset',
    label: 'Fit the timeline',
    menuLabel: '&Fit Timeline',
    group: 'View',
    keys: ['Mod+0'],
    inText: true,
  },
  { id: 'themeSystem', label: 'Theme: system', menuLabel: 'System', group: 'View', keys: [] },
  { id: 'themeLight', label: 'Theme: light', menuLabel: 'Light', group: 'View', keys: [] },
  { id: 'themeDark', label: 'Theme: dark', menuLabel: 'Dark', group: 'View', keys: [] },
  {
    id: 'showShortcuts',
    label: 'Keyboard shortcuts',
    menuLabel: '&Keyboard Shortcuts',
    group: 'Help',
    keys: ['Mod+/', 'F1', '?'],
    inText: true,
  },
  { id: 'about', label: 'About Cueline', menuLabel: '&About Cueline', group: 'Help', keys: [] },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof TABLE)[number]['id'];
export const COMMANDS: readonly (CommandSpec & { readonly id: CommandId })[] = TABLE;
export const COMMAND_IDS = TABLE.map((c) => c.id) as [CommandId, ...CommandId[]];

const BY_ID = new Map<CommandId, CommandSpec & { readonly id: CommandId }>(COMMANDS.map((c) => [c.id, c]));

export function command(id: CommandId): CommandSpec & { readonly id: CommandId } {
  const c = BY_ID.get(id);
  if (!c) throw new Error(`Unknown command ${id}`);
  return c;
}

/** Chords the OS or the window manager owns: no command takes them, by default or by the user. */
export const RESERVED_CHORDS: Readonly<Record<KeyPlatform, readonly string[]>> = {
  mac: [
    'Cmd+H', // hide the app
    'Cmd+Alt+H', // hide others
    'Cmd+M', // minimise
    'Cmd+Q',
    'Cmd+W',
    'Cmd+,', // the app menu's Settings
    'Ctrl+Cmd+F', // full screen
    'Cmd+Space', // Spotlight
    'Ctrl+Space', // input source
    'Ctrl+Cmd+Space', // emoji & symbols
    'Cmd+Tab',
    'Cmd+`',
    'Cmd+Shift+3',
    'Cmd+Shift+4',
    'Cmd+Shift+5',
    'Ctrl+ArrowLeft', // Spaces and Mission Control
    'Ctrl+ArrowRight',
    'Ctrl+ArrowUp',
    'Ctrl+ArrowDown',
  ],
  pc: [
    'F10', // activates the menu bar
    'F11', // full screen
    'Alt+F4',
    'Alt+Space', // the window menu
    'Alt+Tab',
    'Ctrl+Alt+Delete',
    'Ctrl+Shift+Escape',
    // The menu bar's mnemonics (&File, &Edit, &View, &Help).
    'Alt+F',
    'Alt+E',
    'Alt+V',
    'Alt+H',
  ],
};

export function isReserved(chord: string, platform: KeyPlatform): boolean {
  // The Windows/Super key is the OS's on Windows and Linux.
  return RESERVED_CHORDS[platform].includes(chord) || (platform === 'pc' && /(^|\+)Meta\+/.test(chord));
}

/** A command's default chords on a platform, in canonical form. */
export function defaultKeys(id: CommandId, platform: KeyPlatform): string[] {
  const c = command(id);
  const keys = (platform === 'mac' && c.macKeys) || c.keys;
  return keys.map((k) => normaliseChord(k, platform));
}

export type Keymap = Record<CommandId, string[]>;

/** Every command's default chords on a platform. */
export function defaultKeymap(platform: KeyPlatform): Keymap {
  return Object.fromEntries(COMMANDS.map((c) => [c.id, defaultKeys(c.id, platform)])) as Keymap;
}

/**
 * The chord a menu shows as its accelerator: the first default with ⌘/Ctrl or Alt, else an F-key.
 * Bare keys (Space, "?") never become accelerators: the menu would take them from text fields.
 */
export function menuChord(id: CommandId, platform: KeyPlatform): string | null {
  const keys = defaultKeys(id, platform);
  return keys.find(hasCommandModifier) ?? keys.find((k) => /^(Shift\+)?F\d{1,2}$/.test(k)) ?? null;
}
