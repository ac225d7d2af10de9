// The editor's file I/O: open videos and subtitle files (dialogs, drops, the OS), re-open in
// another encoding, save, save as and export. Every path asks before it would drop the open
// captions and reports through the editor's toasts and status line.
import type { Track } from '../../../shared/captions/model.ts';
import type { FileRef } from '../../../shared/ipc/common.ts';
import type { RecentEntry } from '../../../shared/ipc/channels/recent.ts';
import { cueline } from '../lib/cueline-api.ts';
import type { TrackSource } from './document-core.ts';
import type { Editor } from './editor.svelte.ts';

export class EditorFiles {
  readonly #e: Editor;

  constructor(editor: Editor) {
    this.#e = editor;
  }

  async openVideoDialog(): Promise<void> {
    // The captions open now are the ones to ask about: subtitles opened while the dialog is up
    // were chosen for this video.
    const before = this.#trackKeys();
    const r = await cueline.files.openVideo();
    if (!r.ok) return this.#e.toast(r.error.message, 'error');
    if (r.value) await this.openFiles([r.value], before);
  }

  /** The videos and subtitle files opened lately, newest first (none when the list can't be read). */
  async recent(limit: number): Promise<RecentEntry[]> {
    const r = await cueline.recent.list();
    return r.ok ? r.value.filter((f) => f.kind === 'video' || f.kind === 'subtitles').slice(0, limit) : [];
  }

  #trackKeys(): ReadonlySet<string> {
    return new Set(this.#e.doc.tracks.map((t) => t.key));
  }

  async openSubtitlesDialog(): Promise<void> {
    const r = await cueline.files.openSubtitles();
    if (!r.ok) return this.#e.toast(r.error.message, 'error');
    await this.openFiles(r.value);
  }

  async dropFiles(files: readonly File[]): Promise<void> {
    const r = await cueline.files.dropped(files);
    if (!r.ok) return this.#e.toast(r.error.message, 'error');
    for (const x of r.value.rejected) this.#e.toast(`${x.name}: ${x.reason}`, 'error');
    await this.openFiles(r.value.accepted);
  }

  /**
   * Opens files handed over together (a drop, the command line, the OS): the video first, so the
   * subtitles that came with it are never asked about. `before`: the tracks open when the user
   * started opening (by default, now).
   */
  async openFiles(files: readonly FileRef[], before: ReadonlySet<string> = this.#trackKeys()): Promise<void> {
    const ordered = [...files].sort((a, b) => Number(b.kind === 'video') - Number(a.kind === 'video'));
    for (const f of ordered) {
      if (f.kind === 'video') await this.#openVideo(f, before);
      else if (f.kind === 'subtitles') await this.#openSubtitles(f);
      else this.#e.batchSource = f;
    }
  }

  async #openVideo(f: FileRef, before: ReadonlySet<string>): Promise<void> {
    if (!(await this.#captionsGoWith(f, before))) return;
    const r = await cueline.media.url({ id: f.id });
    if (!r.ok) return this.#e.toast(r.error.message, 'error');
    this.#e.videoUrl = r.value.url;
    this.#e.doc.setVideo({ fileId: f.id, name: f.name });
    this.#e.status = `Opened ${f.name}`;
    void this.loadMedia(f.id);
  }

  /**
   * Opening a video while captions are open: asks whether they belong to it. No closes them (asking
   * again before unsaved edits go); false when the user cancels the opening. Only captions that
   * were open before this opening started (`before`) are asked about.
   */
  async #captionsGoWith(f: FileRef, before: ReadonlySet<string>): Promise<boolean> {
    const tracks = this.#e.doc.tracks.filter((t) => before.has(t.key));
    if (tracks.length === 0 || this.#e.doc.video?.fileId === f.id) return true;
    const names = tracks.map((t) => t.track.label || t.source.fileName || t.track.language).join(', ');
    const keep = await this.#e.ask({
      title: `Open ${f.name}`,
      message: `Do the open captions (${names}) belong to ${f.name}?`,
      yes: 'Keep them with this video',
      no: 'Close them',
    });
    if (keep) return true;
    if (this.#e.doc.snap.dirty) {
      const discard = await this.#e.ask({
        title: 'Unsaved captions',
        message:
          'The open captions have unsaved edits. Close them anyway? (Autosave keeps a copy until you save.)',
        yes: 'Close without saving',
        no: 'Cancel',
      });
      if (!discard) return false;
    }
    this.#e.doc.clear();
    this.#e.selection.select(null, []);
    this.#e.editingId = null;
    return true;
  }

  async loadMedia(fileId: string): Promise<void> {
    await this.#e.media.load(fileId);
    if (this.#e.media.frameRate) this.#e.playback.frameRate = this.#e.media.frameRate;
  }

  async #openSubtitles(f: FileRef): Promise<void> {
    const r = await cueline.captions.open({ fileId: f.id });
    if (!r.ok) return this.#e.toast(`${f.name}: ${r.error.message}`, 'error');
    const v = r.value;
    const source: TrackSource = {
      fileId: v.fileId,
      fileName: v.name,
      format: v.format,
      encoding: v.encoding.name,
      encodingConfidence: v.encoding.confidence,
    };
    const existing = this.#e.doc.tracks.find((t) => t.source.fileId === v.fileId);
    if (existing) this.#e.doc.replaceTrack(existing.key, v.track as Track, source);
    else this.#e.doc.addTrack(v.track as Track, source);
    this.#e.selection.select(null, []);
    for (const w of v.warnings.slice(0, 3)) this.#e.toast(`${v.name} line ${w.line}: ${w.message}`);
    this.#e.status = `Opened ${v.name} (${v.track.cues.length} cues, ${v.encoding.name})`;
  }

  /** Re-reads the active track's file in another encoding (the detection got it wrong). */
  async reopenWithEncoding(encoding: string): Promise<void> {
    const t = this.#e.doc.active;
    if (!t?.source.fileId) return;
    if (
      t.version !== t.savedVersion &&
      !(await this.#e.ask({
        title: 'Re-open the track',
        message: `Re-opening ${t.source.fileName ?? 'the track'} as ${encoding} discards its unsaved edits.`,
        yes: 'Re-open',
        no: 'Cancel',
      }))
    )
      return;
    const r = await cueline.captions.open({ fileId: t.source.fileId, encoding });
    if (!r.ok) return this.#e.toast(r.error.message, 'error');
    this.#e.doc.replaceTrack(t.key, r.value.track as Track, {
      ...t.source,
      encoding: r.value.encoding.name,
      encodingConfidence: r.value.encoding.confidence,
    });
    this.#e.status = `Re-opened ${t.source.fileName} as ${r.value.encoding.name}`;
  }

  async save(): Promise<boolean> {
    const t = this.#e.doc.active;
    if (!t) return false;
    if (!t.source.fileId) return this.saveAs();
    const r = await cueline.captions.save({
      fileId: t.source.fileId,
      track: t.track,
      format: t.source.format,
      // Saved in the encoding it was opened in (Save As keeps it too).
      encoding: t.source.encoding,
    });
    if (!r.ok) {
      // After a crash the file ids of the old session are gone: ask where to save.
      if (r.error.code === 'file.unknown_id') return this.saveAs();
      this.#e.toast(r.error.message, 'error');
      return false;
    }
    this.#e.doc.markSaved(t.key, {});
    for (const n of r.value.notes) this.#e.toast(n.message);
    this.#e.status = `Saved ${t.source.fileName}`;
    await this.#e.autosave.discardIfClean();
    return true;
  }

  async saveAs(format?: 'srt' | 'vtt', encoding?: string): Promise<boolean> {
    const t = this.#e.doc.active;
    if (!t) return false;
    const fmt = format ?? t.source.format;
    const r = await cueline.captions.saveAs({
      track: t.track,
      format: fmt,
      encoding: encoding ?? t.source.encoding,
      suggestedName: this.#suggestedName(fmt),
    });
    if (!r.ok) {
      this.#e.toast(r.error.message, 'error');
      return false;
    }
    if (!r.value) return false;
    this.#e.doc.markSaved(t.key, {
      fileId: r.value.file.id,
      fileName: r.value.file.name,
      format: r.value.format,
      encoding: encoding ?? t.source.encoding,
    });
    this.#e.status = `Saved ${r.value.file.name}`;
    await this.#e.autosave.discardIfClean();
    return true;
  }

  /** Writes a copy of the active track elsewhere (another format or encoding); the track keeps its file. */
  async exportCopy(format: 'srt' | 'vtt', encoding: string): Promise<boolean> {
    const t = this.#e.doc.active;
    if (!t) return false;
    const r = await cueline.captions.saveAs({
      track: t.track,
      format,
      encoding,
      suggestedName: this.#suggestedName(format),
    });
    if (!r.ok) {
      this.#e.toast(r.error.message, 'error');
      return false;
    }
    if (!r.value) return false;
    this.#e.status = `Exported ${r.value.file.name}`;
    return true;
  }

  /** The save dialog's proposed name for the active track in `format`. */
  #suggestedName(format: 'srt' | 'vtt'): string {
    const t = this.#e.doc.active;
    const base = t?.source.fileName
      ? t.source.fileName.replace(/\.(srt|vtt)$/i, '')
      : `${this.#projectStem()}.${t?.track.language || 'captions'}`;
    return `${base}.${format}`;
  }

  /** "launch" for launch.mp4 or launch.en.srt: what new tracks' files are named after. */
  #projectStem(): string {
    if (this.#e.doc.video) return this.#e.doc.video.name.replace(/\.[^.]+$/, '');
    const named = this.#e.doc.tracks.find((t) => t.source.fileName)?.source.fileName;
    if (named) return named.replace(/\.(srt|vtt)$/i, '').replace(/\.[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/, '');
    return 'captions';
  }
}
