// What the batch planner hands the runner, the CLI and the app: items (one video, or one existing
// media id, with its subtitle files) and a report line for every file it looked at.

export type FileStatus = 'matched' | 'orphan' | 'ambiguous' | 'invalid' | 'duplicate_language' | 'excluded';

export interface FileReport {
  /** Path relative to the batch root (for display; stable key for corrections). */
  file: string;
  /** Absolute path (main-side only: never sent to the renderer). */
  path: string;
  kind: 'video' | 'subtitle';
  status: FileStatus;
  /** A `<video>.srt` whose language was detected from its cue text. */
  detected?: { language: string; confident: boolean };
  /** The video (relative) a subtitle file was paired with. */
  video?: string;
  /** BCP 47 tag when known. */
  language?: string;
  /** The video (relative) an X-ready copy was made from. */
  copyOf?: string;
  /** Why it is not matched: the parse error, the constraint violation, the ambiguity. */
  message?: string;
}

export interface PlanSubtitle {
  file: string;
  path: string;
  /** BCP 47 tag. */
  language: string;
  /** X's language_code (`PT` for `pt-BR`). */
  languageCode: string;
  displayName: string;
}

export interface PlanItem {
  /** Stable key: the video's relative path, or `media:<id>` for an already-published video. */
  key: string;
  /** The video's base name without extension (the post template's {name}). */
  name: string;
  video: string | null;
  videoPath: string | null;
  /**
   * The X-ready copy uploaded instead of the video (`<name>.x.mp4` beside it, made by Fix or
   * `cueline fix`, newer than the original), relative like `video`; null when the original goes.
   */
  readyCopy: string | null;
  /** The video breaks X's limits and transcoding (Fix) would resolve every one of them. */
  fixable: boolean;
  /** An existing media id: attach to it instead of uploading (the after-posting flow). */
  mediaId: string | null;
  subtitles: PlanSubtitle[];
  /** Post text from a manifest row (the template applies otherwise). */
  post: string | null;
  /** Manifest columns alt_text, title, description (the video's alt text, the post's card). */
  altText: string | null;
  title: string | null;
  description: string | null;
  /** Why the item is skipped without a request (a video with no subtitles: "no subtitles"). */
  skip: string | null;
  /** Reasons the item can't run as planned (invalid video, invalid or duplicate subtitles). */
  problems: string[];
  ready: boolean;
  /** Excluded by the user: neither run nor counted as failed. */
  excluded: boolean;
}

export interface PlanSource {
  folder: string;
  manifest?: string | undefined;
  recursive?: boolean | undefined;
  /** BCP 47 language for `<video>.srt` files that don't name one (the CLI's --lang). */
  defaultLanguage?: string | undefined;
  /**
   * The app's default-language setting: the last fallback for `<video>.srt`, after the language
   * detected from the cue text (a confident guess wins over it).
   */
  fallbackLanguage?: string | undefined;
}

/** Corrections the user made to a plan (the app's table): applied when planning again. */
export interface PlanCorrections {
  /** Relative subtitle file → BCP 47 tag. */
  languages?: Record<string, string> | undefined;
  /** Relative files left out. */
  excludedFiles?: string[] | undefined;
  /** Item keys left out. */
  excludedItems?: string[] | undefined;
  /** Item key → alt text, card title, description edited in the app (empty clears the manifest's). */
  items?: Record<string, ItemFields> | undefined;
}

export interface ItemFields {
  altText?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
}

export interface BatchPlan {
  root: string;
  source: PlanSource;
  items: PlanItem[];
  files: FileReport[];
}
