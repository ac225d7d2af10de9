// A test double of the OS dialogs: tests queue the answer the "user" gives next. Answering a
// dialog nobody queued is a test bug, so it fails loudly rather than returning "cancelled".
import type { Dialogs } from '../../../main/router/dialogs.ts';

export class DialogsDouble implements Dialogs {
  readonly #answers: { kind: keyof Dialogs; value: string | string[] | null; until?: Promise<unknown> }[] =
    [];
  /** Every dialog the app asked for, in order (with the suggested name for saves). */
  readonly shown: { kind: keyof Dialogs; suggestedName?: string }[] = [];

  /**
   * The next dialog of this kind answers with value (null or [] = cancelled); with `until`, only
   * once that settles (a user slow to pick, or a slow disk behind the dialog).
   */
  answer(
    kind: 'openVideo' | 'openFolder' | 'openManifest' | 'saveSubtitles',
    value: string | null,
    until?: Promise<unknown>,
  ): this;
  answer(kind: 'openSubtitles', value: string[], until?: Promise<unknown>): this;
  answer(kind: keyof Dialogs, value: string | string[] | null, until?: Promise<unknown>): this {
    this.#answers.push({ kind, value, ...(until ? { until } : {}) });
    return this;
  }

  async #take(kind: keyof Dialogs): Promise<string | string[] | null> {
    const i = this.#answers.findIndex((a) => a.kind === kind);
    if (i < 0)
      throw new Error(`DialogsDouble: the app opened a ${kind} dialog but the test queued no answer`);
    const [a] = this.#answers.splice(i, 1);
    await a?.until;
    return a ? a.value : null;
  }

  async openVideo(): Promise<string | null> {
    this.shown.push({ kind: 'openVideo' });
    return (await this.#take('openVideo')) as string | null;
  }
  async openSubtitles(): Promise<string[]> {
    this.shown.push({ kind: 'openSubtitles' });
    return ((await this.#take('openSubtitles')) as string[] | null) ?? [];
  }
  async openFolder(): Promise<string | null> {
    this.shown.push({ kind: 'openFolder' });
    return (await this.#take('openFolder')) as string | null;
  }
  async openManifest(): Promise<string | null> {
    this.shown.push({ kind: 'openManifest' });
    return (await this.#take('openManifest')) as string | null;
  }
  async saveSubtitles(suggestedName: string): Promise<string | null> {
    this.shown.push({ kind: 'saveSubtitles', suggestedName });
    return (await this.#take('saveSubtitles')) as string | null;
  }
}
