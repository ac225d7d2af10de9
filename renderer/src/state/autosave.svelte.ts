// Autosave of the open document to the user-data folder, and crash recovery: an autosave left by
// a session that ended without saving is offered back on start.
import { cueline } from '../lib/cueline-api.ts';
import type { SavedDocument } from './document-core.ts';
import type { Editor } from './editor.svelte.ts';

export interface RecoveryOffer {
  docId: string;
  title: string;
  savedAt: string;
}

function randomDocId(): string {
  const a = new Uint8Array(9);
  crypto.getRandomValues(a);
  return 'doc-' + Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class Autosave {
  readonly #e: Editor;
  recovery: RecoveryOffer | null = $state(null);
  docId = randomDocId();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastSaved = -1;

  constructor(editor: Editor) {
    this.#e = editor;
  }

  schedule(): void {
    clearTimeout(this.#timer);
    // Soon after an edit (a crash loses at most a second of work), and not on every keystroke.
    this.#timer = setTimeout(() => void this.now(), 1000);
  }

  async now(): Promise<void> {
    const rev = this.#e.doc.snap.revision;
    if (!this.#e.doc.snap.dirty || rev === this.#lastSaved) return;
    const document = JSON.parse(JSON.stringify(this.#e.doc.core.toSaved())) as never;
    const r = await cueline.autosave.write({ docId: this.docId, title: this.#e.title, document });
    if (r.ok) this.#lastSaved = rev;
  }

  async discardIfClean(): Promise<void> {
    if (!this.#e.doc.snap.dirty) await cueline.autosave.discard({ docId: this.docId });
  }

  /** Looks for autosaves left by a session that ended without saving. */
  async check(): Promise<void> {
    const r = await cueline.autosave.list();
    if (!r.ok) return;
    const latest = [...r.value].sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
    if (latest && latest.docId !== this.docId)
      this.recovery = { docId: latest.docId, title: latest.title, savedAt: latest.savedAt };
  }

  async recover(): Promise<void> {
    const offer = this.recovery;
    if (!offer) return;
    const r = await cueline.autosave.read({ docId: offer.docId });
    this.recovery = null;
    if (!r.ok) return this.#e.toast(r.error.message, 'error');
    const saved = r.value.document as unknown as SavedDocument;
    if (!saved || saved.version !== 1 || !Array.isArray(saved.tracks))
      return this.#e.toast('That autosave is from another version of Cueline.', 'error');
    this.#e.doc.restore(saved);
    // Continue under the recovered id so the next autosave replaces it.
    this.docId = offer.docId;
    if (saved.video) {
      const url = await cueline.media.url({ id: saved.video.fileId });
      if (url.ok) {
        this.#e.videoUrl = url.value.url;
        void this.#e.files.loadMedia(saved.video.fileId);
      } else this.#e.toast(`Open ${saved.video.name} again to see the video.`);
    }
    this.#e.status = `Recovered ${offer.title}`;
  }

  async discard(): Promise<void> {
    const offer = this.recovery;
    this.recovery = null;
    if (offer) await cueline.autosave.discard({ docId: offer.docId });
  }
}
