// The open document without any UI: the video, its caption tracks (one per language), the active
// track, what each track was read from, dirty flags and the undo history. Pure TypeScript so the
// rules of editing are unit-tested under Node; document.svelte.ts makes it reactive.
import type { Edit } from '../../../shared/captions/edits.ts';
import { applyEdit } from '../../../shared/captions/edits.ts';
import type { Track } from '../../../shared/captions/model.ts';
import { History, type RecordMeta, type TakenStep } from './history.ts';

export type CaptionFormat = 'srt' | 'vtt';

export interface TrackSource {
  /** Opaque id of the file the track was read from / last saved to; null for a new track. */
  fileId: string | null;
  fileName: string | null;
  format: CaptionFormat;
  /** WHATWG encoding name the file was decoded with. */
  encoding: string;
  encodingConfidence: number;
}

export interface TrackDoc {
  /** Stable key of the track within the document (file ids change between sessions). */
  key: string;
  track: Track;
  source: TrackSource;
  /** Names the track's state: a new number on every change, the earlier one again on undo;
   *  `dirty` is version !== savedVersion. */
  version: number;
  savedVersion: number;
}

export interface VideoRef {
  fileId: string;
  name: string;
}

export interface DocumentSnapshot {
  video: VideoRef | null;
  tracks: readonly TrackDoc[];
  activeKey: string | null;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  dirty: boolean;
  /** Bumped on any change, for autosave. */
  revision: number;
}

/** What autosave stores: enough to rebuild the document after a crash. */
export interface SavedDocument {
  version: 1;
  video: VideoRef | null;
  activeKey: string | null;
  tracks: { key: string; track: Track; source: TrackSource; dirty: boolean }[];
}

let keys = 0;
/** Versions are unique across the document, so a track's version names one state of it. */
let versions = 0;
function newVersion(): number {
  return ++versions;
}
export function newTrackKey(): string {
  keys++;
  return `t${Date.now().toString(36)}${keys}`;
}

export class DocumentCore {
  video: VideoRef | null = null;
  tracks: TrackDoc[] = [];
  activeKey: string | null = null;
  readonly history = new History();
  revision = 0;

  get active(): TrackDoc | null {
    return this.tracks.find((t) => t.key === this.activeKey) ?? null;
  }

  get dirty(): boolean {
    return this.tracks.some((t) => t.version !== t.savedVersion);
  }

  trackDoc(key: string): TrackDoc | null {
    return this.tracks.find((t) => t.key === key) ?? null;
  }

  snapshot(): DocumentSnapshot {
    return {
      video: this.video,
      tracks: [...this.tracks],
      activeKey: this.activeKey,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      undoLabel: this.history.undoLabel,
      redoLabel: this.history.redoLabel,
      dirty: this.dirty,
      revision: this.revision,
    };
  }

  setVideo(video: VideoRef | null): void {
    this.video = video;
    this.revision++;
  }

  /** Adds a track (opened from a file or new) and makes it active. */
  /** `undoable`: a track made in the editor (not opened from a file) is an undo step. */
  addTrack(
    track: Track,
    source: TrackSource,
    opts: { key?: string; dirty?: boolean; undoable?: boolean } = {},
  ): string {
    const key = opts.key ?? newTrackKey();
    const saved = newVersion();
    const doc: TrackDoc = {
      key,
      track,
      source,
      version: opts.dirty ? newVersion() : saved,
      savedVersion: saved,
    };
    const previous = this.activeKey;
    const add = (): void => {
      this.tracks = [...this.tracks, doc];
      this.activeKey = key;
      this.revision++;
    };
    add();
    if (opts.undoable)
      this.history.recordOp(key, 'Add track', {
        undo: () => {
          this.tracks = this.tracks.filter((t) => t.key !== key);
          this.activeKey = previous && this.trackDoc(previous) ? previous : (this.tracks[0]?.key ?? null);
          this.revision++;
        },
        redo: add,
      });
    return key;
  }

  /** Replaces a track's content wholesale (re-open in another encoding): not undoable, history dropped. */
  replaceTrack(key: string, track: Track, source: TrackSource): void {
    const v = newVersion();
    this.#update(key, (d) => ({ ...d, track, source, version: v, savedVersion: v }));
    this.history.dropTrack(key);
  }

  /** Removes a track as one undo step (undo puts it back where it was, with its history). */
  removeTrack(key: string): void {
    const index = this.tracks.findIndex((t) => t.key === key);
    const doc = this.tracks[index];
    if (!doc) return;
    const remove = (): void => {
      this.tracks = this.tracks.filter((t) => t.key !== key);
      if (this.activeKey === key) this.activeKey = this.tracks[Math.max(0, index - 1)]?.key ?? null;
      this.revision++;
    };
    remove();
    this.history.recordOp(key, 'Delete track', {
      undo: () => {
        const tracks = [...this.tracks];
        tracks.splice(index, 0, doc);
        this.tracks = tracks;
        this.activeKey = key;
        this.revision++;
      },
      redo: remove,
    });
  }

  /** Renames a track (label and language) as one undo step. */
  renameTrack(key: string, label: string, language: string): void {
    const doc = this.trackDoc(key);
    if (!doc) return;
    const before = { label: doc.track.label, language: doc.track.language, version: doc.version };
    const after = { label, language, version: newVersion() };
    const set = (v: typeof before): void =>
      this.#update(key, (d) => ({
        ...d,
        track: { ...d.track, label: v.label, language: v.language },
        version: v.version,
      }));
    set(after);
    this.history.recordOp(key, 'Rename track', { undo: () => set(before), redo: () => set(after) });
  }

  setActive(key: string): void {
    if (this.trackDoc(key)) {
      this.activeKey = key;
      this.revision++;
    }
  }

  /** Applies an edit to a track (the active one by default) and records it for undo. Throws on an invalid edit. */
  apply(edit: Edit, meta: RecordMeta, trackKey = this.activeKey): void {
    if (trackKey === null) throw new Error('no track to edit');
    const doc = this.trackDoc(trackKey);
    if (!doc) throw new Error(`no track ${trackKey}`);
    const { track, inverse } = applyEdit(doc.track, edit);
    const version = this.history.record(trackKey, edit, inverse, meta, {
      before: doc.version,
      after: newVersion(),
    });
    this.#update(trackKey, (d) => ({ ...d, track, version }));
  }

  /** Applies one edit to each of several tracks as a single undo step (e.g. shift all tracks). */
  applyToTracks(edits: readonly { trackKey: string; edit: Edit }[], label: string): void {
    const before = new Map<string, TrackDoc>();
    const after = new Map<string, TrackDoc>();
    for (const { trackKey, edit } of edits) {
      const doc = this.trackDoc(trackKey);
      if (!doc) throw new Error(`no track ${trackKey}`);
      const { track } = applyEdit(doc.track, edit);
      before.set(trackKey, doc);
      after.set(trackKey, { ...doc, track, version: newVersion() });
    }
    const put = (docs: ReadonlyMap<string, TrackDoc>): void => {
      this.tracks = this.tracks.map((t) => {
        const d = docs.get(t.key);
        // Keep what was saved since: only the track and its version come back.
        return d ? { ...t, track: d.track, version: d.version } : t;
      });
      this.revision++;
    };
    put(after);
    this.history.recordOp(this.activeKey ?? edits[0]?.trackKey ?? '', label, {
      undo: () => put(before),
      redo: () => put(after),
    });
  }

  undo(): string | null {
    const step = this.history.takeUndo();
    if (!step) return null;
    this.#replay(step);
    return step.label;
  }

  redo(): string | null {
    const step = this.history.takeRedo();
    if (!step) return null;
    this.#replay(step);
    return step.label;
  }

  markSaved(key: string, source: Partial<TrackSource>): void {
    this.#update(key, (d) => ({ ...d, source: { ...d.source, ...source }, savedVersion: d.version }));
  }

  toSaved(): SavedDocument {
    return {
      version: 1,
      video: this.video,
      activeKey: this.activeKey,
      tracks: this.tracks.map((t) => ({
        key: t.key,
        track: t.track,
        source: t.source,
        dirty: t.version !== t.savedVersion,
      })),
    };
  }

  /** Rebuilds from an autosave; tracks that had unsaved edits stay dirty. */
  restore(saved: SavedDocument): void {
    this.history.clear();
    this.video = saved.video;
    this.tracks = saved.tracks.map((t) => {
      const v = newVersion();
      return {
        key: t.key,
        track: t.track,
        source: t.source,
        version: t.dirty ? newVersion() : v,
        savedVersion: v,
      };
    });
    this.activeKey = saved.activeKey ?? this.tracks[0]?.key ?? null;
    this.revision++;
  }

  clear(): void {
    this.video = null;
    this.tracks = [];
    this.activeKey = null;
    this.history.clear();
    this.revision++;
  }

  #replay(step: TakenStep): void {
    if ('run' in step) return step.run();
    const doc = this.trackDoc(step.trackKey);
    if (!doc) return;
    const { track } = applyEdit(doc.track, step.edit);
    this.activeKey = step.trackKey;
    this.#update(step.trackKey, (d) => ({ ...d, track, version: step.version }));
  }

  #update(key: string, f: (d: TrackDoc) => TrackDoc): void {
    this.tracks = this.tracks.map((t) => (t.key === key ? f(t) : t));
    this.revision++;
  }
}
