// The renderer's keymap: the command table's defaults for this platform plus the user's overrides
// (stored in settings), and the chord → command lookup the window's key handler uses.
import {
  chordOf as sharedChordOf,
  displayChord as sharedDisplayChord,
  keyPlatform,
  normaliseChord as sharedNormalise,
  type ChordEvent,
  type KeyPlatform,
} from '../../../shared/chords.ts';
import { COMMANDS, defaultKeymap, isReserved, type CommandId } from '../../../shared/commands.ts';

export { COMMANDS, type CommandId };
export type { ChordEvent };

/** The user's overrides: only the commands they rebound. */
export type Keymap = Partial<Record<CommandId, string[]>>;

/** This window's platform ('mac' distinguishes ⌘ from Ctrl). */
export const PLATFORM: KeyPlatform = keyPlatform(globalThis.navigator?.platform ?? '');

export function chordOf(e: ChordEvent, platform: KeyPlatform = PLATFORM): string {
  return sharedChordOf(e, platform);
}

export function normaliseChord(chord: string, platform: KeyPlatform = PLATFORM): string {
  return sharedNormalise(chord, platform);
}

export function displayChord(chord: string, platform: KeyPlatform = PLATFORM): string {
  return sharedDisplayChord(chord, platform);
}

export function defaults(platform: KeyPlatform = PLATFORM): Record<CommandId, string[]> {
  return defaultKeymap(platform);
}

export function resolveKeymap(
  overrides: Keymap,
  platform: KeyPlatform = PLATFORM,
): Record<CommandId, string[]> {
  const out = defaultKeymap(platform);
  for (const [id, chords] of Object.entries(overrides) as [CommandId, string[] | undefined][]) {
    if (chords && id in out) out[id] = chords.map((c) => normaliseChord(c, platform));
  }
  return out;
}

/**
 * chord → command, for dispatch. Later commands don't steal a chord an earlier one has, and a
 * chord the OS owns (⌘H, F11…) is never dispatched, even if the user bound it.
 */
export function chordTable(
  keymap: Record<CommandId, string[]>,
  platform: KeyPlatform = PLATFORM,
): Map<string, CommandId> {
  const table = new Map<string, CommandId>();
  for (const c of COMMANDS)
    for (const chord of keymap[c.id])
      if (!table.has(chord) && !isReserved(chord, platform)) table.set(chord, c.id);
  return table;
}

/** A chord's problems: bound to more than one command, or owned by the OS. */
export function conflicts(
  keymap: Record<CommandId, string[]>,
  platform: KeyPlatform = PLATFORM,
): Map<string, CommandId[]> {
  const by = new Map<string, CommandId[]>();
  for (const c of COMMANDS) for (const chord of keymap[c.id]) by.set(chord, [...(by.get(chord) ?? []), c.id]);
  return new Map([...by].filter(([chord, ids]) => ids.length > 1 || isReserved(chord, platform)));
}
