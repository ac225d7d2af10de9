// The reactive document: DocumentCore (pure) behind a $state.raw snapshot that is replaced after
// every change. Tracks are immutable values from applyEdit, so components re-render by identity
// and a 10,000-cue track is never deep-proxied.
import type { Edit } from '../../../shared/captions/edits.ts';
import type { Track } from '../../../shared/captions/model.ts';
import {
  DocumentCore,
  type DocumentSnapshot,
  type SavedDocument,
  type TrackSource,
  type VideoRef,
} from './document-core.ts';
import type { RecordMeta } from './history.ts';

export class DocumentStore {
  readonly core = new DocumentCore();
  snap: DocumentSnapshot = $state.raw(this.core.snapshot());

  get tracks(): DocumentSnapshot['tracks'] {
    return this.snap.tracks;
  }
  get active(): DocumentSnapshot['tracks'][number] | null {
    return this.snap.tracks.find((t) => t.key === this.snap.activeKey) ?? null;
  }
  get video(): VideoRef | null {
    return this.snap.video;
  }
  get isEmpty(): boolean {
    return this.snap.video === null && this.snap.tracks.length === 0;
  }

  #sync(): void {
    this.snap = this.core.snapshot();
  }

  setVideo(v: VideoRef | null): void {
    this.core.setVideo(v);
    this.#sync();
  }
  addTrack(track: Track, source: TrackSource, opts: { dirty?: boolean; undoable?: boolean } = {}): string {
    const key = this.core.addTrack(track, source, opts);
    this.#sync();
    return key;
  }
  replaceTrack(key: string, track: Track, source: TrackSource): void {
    this.core.replaceTrack(key, track, source);
    this.#sync();
  }
  removeTrack(key: string): void {
    this.core.removeTrack(key);
    this.#sync();
  }
  renameTrack(key: string, label: string, language: string): void {
    this.core.renameTrack(key, label, language);
    this.#sync();
  }
  setActive(key: string): void {
    this.core.setActive(key);
    this.#sync();
  }
  apply(edit: Edit, meta: RecordMeta, trackKey?: string): void {
    this.core.apply(edit, meta, trackKey);
    this.#sync();
  }
  applyToTracks(edits: readonly { trackKey: string; edit: Edit }[], label: string): void {
    this.core.applyToTracks(edits, label);
    this.#sync();
  }
  seal(): void {
    this.core.history.seal();
  }
  undo(): string | null {
    const l = this.core.undo();
    this.#sync();
    return l;
  }
  redo(): string | null {
    const l = this.core.redo();
    this.#sync();
    return l;
  }
  markSaved(key: string, source: Partial<TrackSource>): void {
    this.core.markSaved(key, source);
    this.#sync();
  }
  restore(saved: SavedDocument): void {
    this.core.restore(saved);
    this.#sync();
  }
  clear(): void {
    this.core.clear();
    this.#sync();
  }
}
