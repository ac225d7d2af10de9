// The main window's size and place, remembered across launches and pulled back on screen when a
// monitor went away.
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonOr, writeJsonAtomic } from '../store/json-store.ts';

export const windowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});
export type WindowState = z.output<typeof windowState>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

/** Keeps a saved position only if the window's top-left area is still on some display. */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const visible = workAreas.some(
    (a) => x + 100 >= a.x && x + 100 <= a.x + a.width && y + 40 >= a.y && y + 40 <= a.y + a.height,
  );
  if (visible) return state;
  return { width: state.width, height: state.height, maximized: state.maximized };
}

export class WindowStateStore {
  readonly file: string;

  constructor(userData: string) {
    this.file = join(userData, 'window-state.json');
  }

  async load(): Promise<WindowState> {
    return readJsonOr(this.file, windowState, DEFAULT_WINDOW_STATE);
  }

  async save(state: WindowState): Promise<void> {
    await writeJsonAtomic(this.file, windowState.parse(state));
  }
}
