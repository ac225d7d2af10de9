// A test double of the OS dialogs: tests queue the answer the "user" gives next. Answering a
// dialog nobody queued is a test bug, so it fails loudly rather than returning "cancelled".
import type { Dialogs } from '../../../main/router/dialogs.ts';

export class DialogsDouble implements Dialogs {
  readonly #answers: { kind: keyof Dialogs; value: string | string[] | null }[] = [];
  /** Every dialog the app asked for, in order (with the suggested name for saves). */
  readonly shown: { kind: keyof Dialogs; suggestedName?: string }[] = [];

  /** The next dialog of this kind answers with value (null or [] = cancelled). */
  answer(kind: 'openVideo' | 'openFolder' | 'openManifest' | 'saveSubtitles', value: string | null): this;
  answer(kind: 'openSubtitles', value: string[]): this;
  answer(kind: keyof Dialogs, value: string | string[] | null): this {
    this.#answers.push({ kind, value });
    return this;
  }

  #take(kind: keyof Dialogs): string | string[] | null {
    const i = this.#answers.findIndex((a) => a.kind === kind);
    if (i < 0)
      throw new Error(`DialogsDouble: the app opened a ${kind} dialog but the test queued no answer`);
    const [a] = this.#answers.splice(i, 1);
    return a ? a.value : null;
  }

  async openVideo(): Promise<string | null> {
    this.shown.push({ kind: 'openVideo' });
    return this.#take('openVideo') as string | null;
  }
  async openSubtitles(): Promise<string[]> {
    this.shown.push({ kind: 'openSubtitles' });
    return (this.#take('openSubtitles') as string[] | null) ?? [];
  }
  async openFolder(): Promise<string | null> {
    this.shown.push({ kind: 'openFolder' });
    return this.#take('openFolder') as string | null;
  }
  async openManifest(): Promise<string | null> {
    this.shown.push({ kind: 'openManifest' });
    return this.#take('openManifest') as string | null;
  }
  async saveSubtitles(suggestedName: string): Promise<string | null> {
    this.shown.push({ kind: 'saveSubtitles', suggestedName });
    return this.#take('saveSubtitles') as string | null;
  }
}
