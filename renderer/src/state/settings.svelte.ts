// Preferences: theme, rule preset per project (a project is the video, or the first subtitle file
// when there is no video), rule overrides, keymap overrides, snapping offsets and pane sizes. Kept
// through settings:get/set; the editor's own keys live under settings.editor.
import { PRESETS, type PresetName, type RuleSettings } from '../../../shared/captions/rules.ts';
import { cueline } from '../lib/cueline-api.ts';
import { DEFAULT_SNAP, type SnapSettings } from '../timeline/snapping.ts';
import type { Keymap } from './keymap.ts';

/** The limits a user may set per preset (the numbers; severities stay the preset's). */
export const LIMIT_KEYS = [
  'maxCps',
  'maxCharsPerLine',
  'maxLines',
  'minDurationMs',
  'maxDurationMs',
  'minGapFrames',
] as const;
export type RuleLimits = Pick<RuleSettings, (typeof LIMIT_KEYS)[number]>;

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface PaneSizes {
  sidePx: number;
  timelinePx: number;
  videoPx: number;
}

/** 0 = follow the window: the side column takes ~42% of it and the picture keeps 16:9. */
const DEFAULT_PANES: PaneSizes = { sidePx: 0, timelinePx: 190, videoPx: 0 };
const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

function isPreset(v: unknown): v is PresetName {
  return typeof v === 'string' && (PRESET_NAMES as string[]).includes(v);
}
function record(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export class SettingsStore {
  theme: ThemeChoice = $state('system');
  systemDark = $state(false);
  projectPresets: Record<string, PresetName> = $state.raw({});
  ruleOverrides: Partial<RuleSettings> = $state.raw({});
  /** The user's own limits per preset (e.g. 17 cps with Netflix's other rules), saved. */
  presetLimits: Partial<Record<PresetName, Partial<RuleLimits>>> = $state.raw({});
  keymap: Keymap = $state.raw({});
  snap: SnapSettings = $state.raw(DEFAULT_SNAP);
  panes: PaneSizes = $state.raw(DEFAULT_PANES);
  autosaveSeconds = $state(30);
  /** The user's dictionary ("Add to dictionary"): words spell check accepts in every language. */
  userWords: readonly string[] = $state.raw([]);
  loaded = $state(false);

  get resolvedTheme(): 'light' | 'dark' {
    return this.theme === 'system' ? (this.systemDark ? 'dark' : 'light') : this.theme;
  }

  presetFor(project: string | null): PresetName {
    return (project && this.projectPresets[project]) || 'netflix-adult';
  }

  rulesFor(project: string | null): RuleSettings {
    const preset = this.presetFor(project);
    return { ...PRESETS[preset], ...this.ruleOverrides, ...this.presetLimits[preset] };
  }

  async load(): Promise<void> {
    const r = await cueline.settings.get();
    if (!r.ok) return;
    const s = r.value;
    this.theme = s.theme;
    this.autosaveSeconds = s.autosaveSeconds;
    const overrides: Partial<RuleSettings> = {};
    for (const [k, v] of Object.entries(s.captionRules)) (overrides as Record<string, number>)[k] = v;
    this.ruleOverrides = overrides;
    const ed = record(s.editor);
    const presets: Record<string, PresetName> = {};
    for (const [k, v] of Object.entries(record(ed['projectPresets']))) if (isPreset(v)) presets[k] = v;
    this.projectPresets = presets;
    const km: Keymap = {};
    for (const [k, v] of Object.entries(record(ed['keymap'])))
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) (km as Record<string, string[]>)[k] = v;
    this.keymap = km;
    const limits: Partial<Record<PresetName, Partial<RuleLimits>>> = {};
    for (const [k, v] of Object.entries(record(ed['presetLimits']))) {
      if (!isPreset(k)) continue;
      const l: Partial<RuleLimits> = {};
      for (const [name, n] of Object.entries(record(v)))
        if (
          (LIMIT_KEYS as readonly string[]).includes(name) &&
          typeof n === 'number' &&
          Number.isFinite(n) &&
          n >= 0
        )
          l[name as keyof RuleLimits] = n;
      limits[k] = l;
    }
    this.presetLimits = limits;
    const words = ed['userWords'];
    this.userWords = Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : [];
    const snap = record(ed['snap']);
    this.snap = {
      ...DEFAULT_SNAP,
      ...Object.fromEntries(
        Object.entries(snap).filter(
          ([k, v]) => k in DEFAULT_SNAP && typeof v === typeof DEFAULT_SNAP[k as keyof SnapSettings],
        ),
      ),
    };
    const panes = record(ed['panes']);
    this.panes = {
      ...DEFAULT_PANES,
      ...Object.fromEntries(Object.entries(panes).filter(([, v]) => typeof v === 'number')),
    };
    this.loaded = true;
  }

  async setTheme(theme: ThemeChoice): Promise<void> {
    this.theme = theme;
    await cueline.settings.set({ theme });
  }

  async setPreset(project: string | null, preset: PresetName): Promise<void> {
    if (!project) return;
    this.projectPresets = { ...this.projectPresets, [project]: preset };
    await this.#saveEditor();
  }

  async setKeymap(keymap: Keymap): Promise<void> {
    this.keymap = keymap;
    await this.#saveEditor();
  }

  /** Sets (or, with `undefined`, resets) one limit of a preset. */
  async setPresetLimit(preset: PresetName, key: keyof RuleLimits, value: number | undefined): Promise<void> {
    const cur = { ...this.presetLimits[preset] };
    if (value === undefined) delete cur[key];
    else cur[key] = value;
    this.presetLimits = { ...this.presetLimits, [preset]: cur };
    await this.#saveEditor();
  }

  async resetPresetLimits(preset: PresetName): Promise<void> {
    const next = { ...this.presetLimits };
    delete next[preset];
    this.presetLimits = next;
    await this.#saveEditor();
  }

  async addUserWord(word: string): Promise<void> {
    if (this.userWords.some((w) => w.toLowerCase() === word.toLowerCase())) return;
    this.userWords = [...this.userWords, word];
    await this.#saveEditor();
  }

  async setSnap(snap: SnapSettings): Promise<void> {
    this.snap = snap;
    await this.#saveEditor();
  }

  setPanes(panes: PaneSizes): void {
    this.panes = panes;
    clearTimeout(this.#panesTimer);
    // Splitter drags fire often; store once they settle.
    this.#panesTimer = setTimeout(() => void this.#saveEditor(), 400);
  }
  #panesTimer: ReturnType<typeof setTimeout> | undefined;

  async #saveEditor(): Promise<void> {
    await cueline.settings.set({
      editor: {
        projectPresets: this.projectPresets,
        keymap: this.keymap as Record<string, string[]>,
        snap: { ...this.snap },
        userWords: [...this.userWords],
        presetLimits: this.presetLimits as Record<string, Record<string, number>>,
        panes: { ...this.panes },
      },
    });
  }
}
