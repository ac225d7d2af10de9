// What the router needs from native dialogs. The app implements it with Electron's dialog module;
// the Playwright harness with a test double that answers with queued paths.

export interface Dialogs {
  /** One video path, or null when cancelled. */
  openVideo(): Promise<string | null>;
  /** Subtitle paths ([] when cancelled). */
  openSubtitles(): Promise<string[]>;
  openFolder(): Promise<string | null>;
  /** A batch manifest (CSV or JSON), or null when cancelled. */
  openManifest(): Promise<string | null>;
  /** Where to save subtitles, or null when cancelled. */
  saveSubtitles(suggestedName: string): Promise<string | null>;
}
