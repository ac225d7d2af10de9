// The editor: the stores together, and every action the UI can take (open, save, edit commands,
// undo, autosave and recovery). Components call these; they keep no document data themselves.
import type { Edit } from '../../../shared/captions/edits.ts';
import type { Cue, Track } from '../../../shared/captions/model.ts';
import { cueCps, type Finding, type PresetName, type RuleSettings } from '../../../shared/captions/rules.ts';
import { framesToDurationMs, type FrameRate } from '../../../shared/captions/time.ts';
import { beyondVideo } from '../../../shared/captions/video-bounds.ts';
import { applyFixesEdit, type ProposedFix } from '../../../shared/captions/common-errors.ts';
import { IncrementalChecker, mergeInCueOrder } from './incremental-checks.ts';
import { SpellingStore } from '../spelling/spelling.svelte.ts';
import type { FileRef } from '../../../shared/ipc/common.ts';
import * as cmd from './commands.ts';
import type { TrackSource } from './document-core.ts';
import { DocumentStore } from './document.svelte.ts';
import { jobsStore } from './jobs.svelte.ts';
import { MediaStore } from './media.svelte.ts';
import { command, type CommandId } from '../../../shared/commands.ts';
import { displayChord, resolveKeymap } from './keymap.ts';
import { RUN } from './command-table.ts';
import { cueline } from '../lib/cueline-api.ts';
import { Autosave } from './autosave.svelte.ts';
import { EditorFiles } from './editor-files.ts';
import { PlaybackStore } from './playback.svelte.ts';
import { SelectionStore, type SelectMode } from './selection.svelte.ts';
import { SettingsStore } from './settings.svelte.ts';

export type Dialog =
  | 'shortcuts'
  | 'shift'
  | 'sync'
  | 'rename'
  | 'saveAs'
  | 'export'
  | 'about'
  | 'fixErrors'
  | 'frameRate'
  | null;

/** What the commands need from the timeline view (zoom lives in the view). */
export interface TimelineView {
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
}
export type Panel = 'inspector' | 'findings';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

/** A question asked in a dialog; `yes` and `no` are the buttons' words. */
export interface Question {
  title: string;
  message: string;
  yes: string;
  no: string;
}

export class Editor {
  readonly doc = new DocumentStore();
  readonly selection = new SelectionStore();
  readonly playback = new PlaybackStore();
  readonly settings = new SettingsStore();
  readonly jobs = jobsStore;
  readonly media = new MediaStore();
  readonly spelling = new SpellingStore(() => this.settings.userWords);
  readonly files: EditorFiles = new EditorFiles(this);
  readonly autosave: Autosave = new Autosave(this);

  dialog: Dialog = $state(null);
  panel: Panel = $state('inspector');
  view: 'list' | 'translation' = $state('list');
  /** Key of the source track shown beside the active one in the translation view. */
  sourceKey: string | null = $state(null);
  sharedTiming = $state(true);
  findOpen = $state(false);
  accountsOpen = $state(false);
  /** The preview fills the window (captions included). */
  fullPreview = $state(false);
  /** Set by the shell once the timeline is mounted. */
  timelineView: TimelineView | null = null;
  /** Rows the cue list shows at once (PageUp/PageDown step this many). */
  pageRows = 10;
  findReplace = $state(false);
  /** Cue whose text is being edited inline in the list. */
  editingId: string | null = $state(null);
  videoUrl: string | null = $state(null);
  /** A folder or manifest opened from the menu, a drop or Open Recent: the batch view opens on it. */
  batchSource: FileRef | null = $state.raw(null);
  toasts: readonly Toast[] = $state.raw([]);
  /** The question being asked (answered through `answer`). */
  question: Question | null = $state.raw(null);
  #answer: ((yes: boolean) => void) | null = null;
  /** What the status line says after each action (also announced politely). */
  status = $state('');
  #toastId = 0;

  get track(): Track | null {
    return this.doc.active?.track ?? null;
  }

  /** The active track's language: changes only when another track (or language) is active. */
  readonly #language = $derived(this.doc.active?.track.language ?? null);

  constructor() {
    // The window's own spellchecker (squiggles and suggestions in the text fields) checks in the
    // active track's language.
    $effect(() => {
      const language = this.#language;
      if (language) void cueline.spelling.setLanguages({ languages: [language] });
    });
  }
  /** The project a rule preset is remembered for. */
  get project(): string | null {
    return this.doc.video?.name ?? this.doc.tracks[0]?.source.fileName ?? null;
  }
  get preset(): PresetName {
    return this.settings.presetFor(this.project);
  }
  /** One object per settings change, so the checker's cache survives edits. */
  // Compared as text: `project` changes identity on every edit, the rules only when settings do.
  readonly #rulesKey = $derived(JSON.stringify(this.settings.rulesFor(this.project)));
  readonly #rules: RuleSettings = $derived(JSON.parse(this.#rulesKey) as RuleSettings);
  get rules(): RuleSettings {
    return this.#rules;
  }
  readonly #checker = new IncrementalChecker();
  get title(): string {
    return this.doc.video?.name ?? this.doc.active?.source.fileName ?? 'Untitled';
  }

  /** Bumped once a freshly opened track's first rows are painted: its checks may run then. */
  #checksDue = $state(0);
  #coldAllowed: Track | null = null;

  findingsFor(track: Track | null): Finding[] {
    if (!track) return [];
    void this.#checksDue;
    // Checking a freshly opened 10,000-cue track takes longer than drawing its first rows: draw
    // them first, check once that frame is painted (an edit's few cues are checked at once).
    if (
      track !== this.#coldAllowed &&
      this.#checker.isCold(track, this.rules, this.playback.frameRate, 2000)
    ) {
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          this.#coldAllowed = track;
          this.#checksDue++;
        }),
      );
      return [];
    }
    const found = this.#checker.check(track, this.rules, this.playback.frameRate);
    // Cues past the video's end (captions opened with another video) are findings too.
    const video = this.doc.video ? this.media.durationMs || this.playback.durationMs : 0;
    const extra = [...beyondVideo(track, video), ...this.spelling.check(track)];
    if (extra.length === 0) return found;
    return mergeInCueOrder(found, extra);
  }

  cps(text: string, start: number, end: number): number {
    return cueCps(
      { id: '', start, end, text },
      { language: this.track?.language ?? '', countSpaces: this.rules.cpsCountsSpaces },
    );
  }

  // Reading speed per cue object (cues are immutable; counting graphemes costs): the cue list
  // reuses its rows while scrolling and would count every row again on each step.
  #cpsCache = new WeakMap<Cue, number>();
  #cpsKey = '';

  /** A cue's reading speed, counted once per cue object, language and rule settings. */
  cueCps(cue: Cue): number {
    const key = `${this.track?.language ?? ''}|${this.rules.cpsCountsSpaces}`;
    if (key !== this.#cpsKey) {
      this.#cpsCache = new WeakMap();
      this.#cpsKey = key;
    }
    let cps = this.#cpsCache.get(cue);
    if (cps === undefined) {
      cps = this.cps(cue.text, cue.start, cue.end);
      this.#cpsCache.set(cue, cps);
    }
    return cps;
  }

  /** 'ok' | 'near' | 'over' for a reading speed against the project's limit. */
  cpsLevel(cps: number): 'ok' | 'near' | 'over' {
    const max = this.rules.maxCps;
    return cps > max ? 'over' : cps > max * 0.85 ? 'near' : 'ok';
  }

  // ---- notifications -------------------------------------------------------------------------
  toast(text: string, kind: Toast['kind'] = 'info'): void {
    const t = { id: ++this.#toastId, kind, text };
    this.toasts = [...this.toasts, t];
    this.status = text;
    setTimeout(
      () => (this.toasts = this.toasts.filter((x) => x.id !== t.id)),
      kind === 'error' ? 8000 : 3500,
    );
  }

  /** Asks the user; resolves true for `yes`, false for `no` or a closed dialog. */
  ask(q: Question): Promise<boolean> {
    this.#answer?.(false);
    this.question = q;
    return new Promise((resolve) => (this.#answer = resolve));
  }

  answer(yes: boolean): void {
    const done = this.#answer;
    this.#answer = null;
    this.question = null;
    done?.(yes);
  }

  // ---- tracks --------------------------------------------------------------------------------
  newTrack(language: string, label: string, copyTimingFrom?: string): void {
    const from = copyTimingFrom ? this.doc.core.trackDoc(copyTimingFrom)?.track : undefined;
    const cues = from ? from.cues.map((c) => ({ id: c.id, start: c.start, end: c.end, text: '' })) : [];
    const source: TrackSource = {
      fileId: null,
      fileName: null,
      format: 'srt',
      encoding: 'utf-8',
      encodingConfidence: 1,
    };
    this.doc.addTrack({ language, label, cues }, source, { dirty: true, undoable: true });
    this.status = `Added track ${label}`;
  }

  /** Deletes a track after asking; one undo step brings it back. */
  async deleteTrack(key: string): Promise<void> {
    const t = this.doc.core.trackDoc(key);
    if (!t) return;
    const name = t.track.label || t.track.language || t.source.fileName || 'Untitled';
    const unsaved = t.version !== t.savedVersion ? ' It has unsaved edits.' : '';
    const yes = await this.ask({
      title: 'Delete track',
      message: `Delete the track “${name}” (${t.track.cues.length} cues)?${unsaved} Undo brings it back.`,
      yes: 'Delete track',
      no: 'Cancel',
    });
    if (!yes) return;
    this.doc.removeTrack(key);
    if (this.sourceKey === key) this.sourceKey = null;
    this.selection.prune(this.track);
    this.status = `Deleted track ${name}`;
    this.autosave.schedule();
  }

  // ---- edits ---------------------------------------------------------------------------------
  /** Applies an edit to the active track (or `trackKey`); false (and a message) if it is invalid. */
  apply(
    edit: Edit,
    meta: { label: string; coalesceKey?: string; final?: boolean },
    trackKey?: string,
  ): boolean {
    try {
      this.doc.apply(edit, meta, trackKey);
    } catch (err) {
      this.toast(err instanceof Error ? err.message : String(err), 'error');
      return false;
    }
    this.selection.prune(this.track);
    if (meta.final !== false) this.status = meta.label;
    this.autosave.schedule();
    return true;
  }

  runResult(r: cmd.CommandResult): void {
    if ('error' in r) {
      this.toast(r.error);
      return;
    }
    if (this.apply(r.edit, { label: r.label }) && r.select) {
      this.selection.select(this.track, r.select);
    }
  }

  /** The minimum gap between cues the active rules ask for, in whole ms (rounded up). */
  minGapMs(): number {
    const r = this.rules;
    const fr = this.playback.frameRate;
    return Math.ceil(r.minGapFrames !== undefined ? framesToDurationMs(r.minGapFrames, fr) : r.minGapMs);
  }

  commandContext(): cmd.CommandContext {
    return {
      selectedIds: this.selection.ids,
      playheadMs: this.playback.currentTimeMs,
      frameRate: this.playback.frameRate,
    };
  }

  undo(): void {
    const label = this.doc.undo();
    this.selection.prune(this.track);
    this.status = label ? `Undid ${label.toLowerCase()}` : 'Nothing to undo';
    if (label) this.autosave.schedule();
  }

  redo(): void {
    const label = this.doc.redo();
    this.selection.prune(this.track);
    this.status = label ? `Redid ${label.toLowerCase()}` : 'Nothing to redo';
    if (label) this.autosave.schedule();
  }

  setText(id: string, text: string, final: boolean): void {
    const cue = this.track?.cues.find((c) => c.id === id);
    if (!cue || cue.text === text) {
      if (final) this.doc.seal();
      return;
    }
    this.apply({ kind: 'setText', id, text }, { label: 'Edit text', coalesceKey: `text:${id}`, final });
  }

  select(ids: readonly string[], mode: SelectMode = 'replace', seek = false): void {
    this.selection.select(this.track, ids, mode);
    const cue = this.track?.cues.find((c) => c.id === ids.at(-1));
    if (seek && cue) this.playback.seek(cue.start);
  }

  /** Selects a finding's cue and moves the playhead there; the findings list stays in view. */
  selectFinding(f: Finding): void {
    if (!f.cueId) return;
    this.select([f.cueId], 'replace', true);
  }

  /**
   * Shifts all cues, the selection, or the cues from the selected one onward; with `allTracks`, the
   * same cues' times in every track (by position for "from here": tracks share timing by index).
   */
  shift(deltaMs: number, scope: 'all' | 'selection' | 'fromHere', allTracks = false): void {
    const t = this.track;
    if (!t) return;
    const first = this.selection.ids[0];
    const ids = (track: Track): string[] | 'all' => {
      if (scope === 'all') return 'all';
      if (scope === 'selection')
        return [...this.selection.ids].filter((id) => track.cues.some((c) => c.id === id));
      const from = t.cues.findIndex((c) => c.id === first);
      return from < 0 ? [] : track.cues.slice(from).map((c) => c.id);
    };
    if (!allTracks || this.doc.tracks.length < 2) return this.runResult(cmd.shiftBy(t, ids(t), deltaMs));
    const edits: { trackKey: string; edit: Edit }[] = [];
    for (const d of this.doc.tracks) {
      const r = cmd.shiftBy(d.track, ids(d.track), deltaMs);
      if ('edit' in r) edits.push({ trackKey: d.key, edit: r.edit });
    }
    if (edits.length === 0) return this.toast('There are no cues to shift.');
    try {
      this.doc.applyToTracks(edits, 'Shift all tracks');
    } catch (err) {
      return this.toast(err instanceof Error ? err.message : String(err), 'error');
    }
    this.status = `Shifted ${edits.length} tracks`;
    this.autosave.schedule();
  }

  /** Retimes every cue of the active track from one frame rate to another (one undo step). */
  convertFrameRate(from: FrameRate, to: FrameRate): void {
    if (!this.track) return;
    this.runResult(cmd.convertFrameRate(this.track, from, to));
    this.playback.frameRate = to;
  }

  twoPointSync(firstTo: number, lastTo: number): void {
    if (this.track) this.runResult(cmd.twoPointSync(this.track, firstTo, lastTo));
  }

  replaceAll(re: RegExp, replacement: string): void {
    if (this.track) this.runResult(cmd.replaceAll(this.track, re, replacement));
  }

  autoFix(onlySelected = false): void {
    const t = this.track;
    if (!t) return;
    this.runResult(
      cmd.autoFix(
        t,
        this.rules,
        this.playback.frameRate,
        cmd.DEFAULT_AUTOFIX,
        onlySelected ? this.selection.set : undefined,
      ),
    );
  }

  /** Replaces `word` with `replacement` in one cue (a spelling suggestion), as one undo step. */
  replaceWord(cueId: string, word: string, replacement: string): void {
    const cue = this.track?.cues.find((c) => c.id === cueId);
    if (!cue) return;
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const text = cue.text.replace(
      new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u'),
      replacement,
    );
    if (text !== cue.text) this.apply({ kind: 'setText', id: cueId, text }, { label: `Correct “${word}”` });
  }

  async addToDictionary(word: string): Promise<void> {
    await this.settings.addUserWord(word);
    this.status = `Added “${word}” to your dictionary`;
  }

  /** Applies the accepted "fix common errors" proposals as one undo step. */
  applyFixes(fixes: readonly ProposedFix[]): void {
    const edit = applyFixesEdit(fixes);
    if (!edit) return this.toast('No changes applied.');
    this.apply(edit, { label: fixes.length === 1 ? 'Fix 1 error' : `Fix ${fixes.length} errors` });
  }

  createCue(startMs: number, endMs: number): void {
    if (this.track) this.runResult(cmd.insertRange(this.track, startMs, endMs));
  }

  /** Moves the selection to the previous/next cue and the playhead to its start. */
  stepCue(delta: number, mode: SelectMode = 'replace'): void {
    const t = this.track;
    if (!t || t.cues.length === 0) return;
    const cur = this.selection.focusId ?? this.selection.ids.at(-1);
    let i = cur ? t.cues.findIndex((c) => c.id === cur) : -1;
    if (i < 0) {
      // Nothing selected: step from the cue under (or last before) the playhead.
      const at = this.playback.currentTimeMs;
      const under = cmd.cueAtTime(t, at);
      if (under) i = under.index;
      else {
        const before = t.cues.findLastIndex((c) => c.start <= at);
        i = before >= 0 ? before + (delta > 0 ? 0 : 1) : delta > 0 ? -1 : t.cues.length;
      }
    }
    const next = t.cues[Math.max(0, Math.min(t.cues.length - 1, i + delta))];
    if (next) this.select([next.id], mode, true);
  }

  stepFinding(delta: number): void {
    const findings = this.findingsFor(this.track).filter((f) => f.cueIndex !== undefined);
    if (findings.length === 0) return this.toast('No quality findings.');
    const cur = this.track?.cues.findIndex((c) => c.id === this.selection.ids[0]) ?? -1;
    const next =
      delta > 0
        ? (findings.find((f) => (f.cueIndex ?? 0) > cur) ?? findings[0])
        : ([...findings].reverse().find((f) => (f.cueIndex ?? 0) < cur) ?? findings.at(-1));
    if (next) {
      this.selectFinding(next);
      this.status = next.message;
    }
  }

  /** This user's chords, for dispatch and for the hints beside buttons. */
  readonly keymap = $derived(resolveKeymap(this.settings.keymap));

  /** "Set end at the playhead (Ctrl+4)": a button's tooltip, from the table and the user's keys. */
  hint(id: CommandId, label = command(id).label): string {
    const keys = this.keymap[id].map((k) => displayChord(k));
    return keys.length ? `${label} (${keys.join(' / ')})` : label;
  }

  /** Runs a command from the table (keys, menu, toolbar, shortcut sheet). */
  run(id: CommandId): void {
    RUN[id](this);
  }
}
