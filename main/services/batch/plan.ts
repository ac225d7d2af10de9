// The batch planner: pairs each video with its subtitle files (`<video>.<lang>.srt|vtt`, or
// `<video>.srt` with a default language), or reads a manifest; then checks every input the way a
// publish would (video probed against X's limits, subtitles parsed, structural rules, language
// mapped to X's code), so the plan shows every problem before anything is sent.
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { CuelineError } from '../../../shared/errors.ts';
import type { LimitOptions, MediaCategory } from '../../../shared/media/constraints.ts';
import type { Violation } from '../../../shared/media/constraints.ts';
import { readyCopyPath } from '../media/transcode.ts';
import { prepareSubtitle, prepareVideo, type Probe } from '../publish/inputs.ts';
import type { ApiDialect } from '../x/dialects.ts';
import { readCaptionFile } from '../captions/caption-file.ts';
import { detectTrackLanguage } from './detect-language.ts';
import { languageFromSegment, languageFromUser, NAME_FLAGS } from './languages.ts';
import { readManifest, resolveFrom } from './manifest.ts';
import type {
  BatchPlan,
  FileReport,
  PlanCorrections,
  PlanItem,
  PlanSource,
  ItemFields,
  PlanSubtitle,
} from './plan-types.ts';
import { kindOfName, scanFolder, type ScannedFile } from './scan.ts';

export interface PlanOptions {
  category: MediaCategory;
  api: ApiDialect;
  limits?: Omit<LimitOptions, 'category'>;
  probe: Probe;
  corrections?: PlanCorrections;
  signal?: AbortSignal;
}

interface Draft {
  item: PlanItem;
  videoReport: FileReport | null;
  /** `detect`: no language named or given: detect it from the cue text. */
  subs: Array<{ report: FileReport; displayName?: string; detect?: boolean }>;
}

function stem(name: string): string {
  const b = basename(name);
  return b.slice(0, b.length - extname(b).length);
}

function relTo(root: string, p: string): string {
  const r = relative(root, p).split('\\').join('/');
  return r.startsWith('..') ? p : r;
}

/** The error's message on one line (a plan row): a list of violations becomes `a; b`. */
function message(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.replace(/:\n\s*- /, ': ').replace(/\n\s*- /g, '; ');
}

/** The language named after the video's base name: `clip.pt-BR.forced` → pt-BR; '' → null (none named). */
function languageAfter(remainder: string): { tag: string | null; named: boolean; bad?: string } {
  const segs = remainder.split('.').filter((s) => s && !NAME_FLAGS.has(s.toLowerCase()));
  if (segs.length === 0) return { tag: null, named: false };
  const last = segs[segs.length - 1] ?? '';
  const tag = languageFromSegment(last);
  if (!tag || segs.length > 1) return { tag: null, named: true, bad: segs.join('.') };
  return { tag, named: true };
}

function newItem(key: string, name: string, video: ScannedFile | null, mediaId: string | null): PlanItem {
  return {
    key,
    name,
    video: video?.file ?? null,
    videoPath: video?.path ?? null,
    readyCopy: null,
    fixable: false,
    mediaId,
    subtitles: [],
    post: null,
    altText: null,
    title: null,
    description: null,
    skip: null,
    problems: [],
    ready: true,
    excluded: false,
  };
}

function pairFolder(
  files: ScannedFile[],
  source: PlanSource,
  corrections: PlanCorrections,
): {
  drafts: Draft[];
  reports: FileReport[];
} {
  const reports: FileReport[] = [];
  const allVideos = files.filter((f) => f.kind === 'video');
  // `<name>.x.mp4` beside exactly one `<name>.*` video is that video's X-ready copy (Fix made it):
  // not a video of its own; planBatch decides whether it is uploaded in the original's place.
  const videos = allVideos.filter((v) => {
    const original = copiedFrom(v, allVideos);
    if (!original) return true;
    // Orphaned until its video turns out to be an item that uploads it.
    reports.push({
      file: v.file,
      path: v.path,
      kind: 'video',
      status: 'orphan',
      copyOf: original.file,
      message: `the X-ready copy of ${basename(original.file)}, which is not sent`,
    });
    return false;
  });
  const drafts = new Map<string, Draft>();
  for (const v of videos) {
    const report: FileReport = {
      file: v.file,
      path: v.path,
      kind: 'video',
      status: 'orphan',
      message: `no subtitle file named ${stem(v.file)}.<language>.srt or .vtt beside it`,
    };
    drafts.set(v.file, { item: newItem(v.file, stem(v.file), v, null), videoReport: report, subs: [] });
    reports.push(report);
  }
  const defaultLang = source.defaultLanguage ? languageFromUser(source.defaultLanguage) : null;
  for (const s of files.filter((f) => f.kind === 'subtitle')) {
    const report: FileReport = { file: s.file, path: s.path, kind: 'subtitle', status: 'orphan' };
    reports.push(report);
    const x = stem(s.file);
    const dir = dirname(s.path);
    const candidates = videos.filter((v) => {
      if (dirname(v.path) !== dir) return false;
      const vs = stem(v.file);
      return x === vs || x.startsWith(`${vs}.`);
    });
    if (candidates.length === 0) {
      report.message = `no video named ${x.split('.')[0] ?? x}.* in its folder`;
      continue;
    }
    // The longest base name wins (`talk.part2.en.srt` goes with talk.part2.mp4, not talk.mp4).
    const longest = Math.max(...candidates.map((v) => stem(v.file).length));
    const best = candidates.filter((v) => stem(v.file).length === longest);
    if (best.length > 1) {
      report.status = 'ambiguous';
      report.message = `could go with ${best.map((v) => basename(v.file)).join(' or ')}`;
      continue;
    }
    const video = best[0] as ScannedFile;
    const draft = drafts.get(video.file) as Draft;
    report.video = video.file;
    const fixed = corrections.languages?.[s.file];
    const found = languageAfter(x.slice(longest + 1));
    const tag = fixed ? languageFromUser(fixed) : (found.tag ?? (found.named ? null : defaultLang));
    if (!tag && !fixed && !found.named) {
      draft.subs.push({ report, detect: true });
      continue;
    }
    if (!tag) {
      report.status = 'invalid';
      report.message = fixed
        ? `"${fixed}" is not a language tag (e.g. en, pt-BR)`
        : found.bad !== undefined
          ? `"${found.bad}" is not a language code (name it like ${stem(video.file)}.en${extname(s.file)}${found.bad === 'sp' ? '; Spanish is "es"' : ''})`
          : `can't tell the language: name it ${stem(video.file)}.en${extname(s.file)} or give a default language`;
    } else {
      report.language = tag;
    }
    draft.subs.push({ report });
  }
  return { drafts: [...drafts.values()], reports };
}

function copiedFrom(v: ScannedFile, videos: readonly ScannedFile[]): ScannedFile | null {
  if (!v.path.endsWith('.x.mp4')) return null;
  const originals = videos.filter((o) => o !== v && readyCopyPath(o.path) === v.path);
  return originals.length === 1 ? (originals[0] ?? null) : null;
}

async function mtimeOf(path: string): Promise<number | null> {
  try {
    const st = await stat(path);
    return st.isFile() ? st.mtimeMs : null;
  } catch {
    return null;
  }
}

/**
 * Uploads the X-ready copy instead of the video when Fix made one since the video last changed. A
 * copy older than its video is reported and left alone (the video was edited after the fix).
 */
async function useReadyCopy(item: PlanItem, root: string, reports: FileReport[]): Promise<FileReport | null> {
  if (!item.videoPath || !item.video) return null;
  const copy = readyCopyPath(item.videoPath);
  const copyTime = await mtimeOf(copy);
  if (copyTime === null) return null;
  const file = relTo(root, copy);
  let report = reports.find((r) => r.path === copy);
  if (!report) {
    report = { file, path: copy, kind: 'video', status: 'matched', copyOf: item.video };
    reports.push(report);
  }
  const videoTime = await mtimeOf(item.videoPath);
  if (videoTime !== null && copyTime < videoTime) {
    report.status = 'invalid';
    report.message = `older than ${basename(item.video)}, which changed after the fix: Fix it again`;
    return null;
  }
  report.status = 'matched';
  delete report.message;
  item.readyCopy = file;
  item.videoPath = copy;
  return report;
}

async function manifestDrafts(
  source: PlanSource & { manifest: string },
  corrections: PlanCorrections,
): Promise<{ drafts: Draft[]; reports: FileReport[] }> {
  const { base, rows } = await readManifest(source.manifest);
  const root = resolve(source.folder);
  const reports: FileReport[] = [];
  const drafts = new Map<string, Draft>();
  const defaultLang = source.defaultLanguage ? languageFromUser(source.defaultLanguage) : null;
  for (const row of rows) {
    const videoPath = row.video ? resolveFrom(base, row.video) : null;
    const key = row.mediaId ? `media:${row.mediaId}` : relTo(root, videoPath ?? '');
    let draft = drafts.get(key);
    if (!draft) {
      const file = videoPath ? relTo(root, videoPath) : null;
      const scanned: ScannedFile | null = videoPath && file ? { path: videoPath, file, kind: 'video' } : null;
      const item = newItem(
        key,
        videoPath ? stem(videoPath) : `media ${row.mediaId ?? ''}`,
        scanned,
        row.mediaId,
      );
      // With a media id the video is already on X: nothing of it is uploaded or checked.
      const videoReport: FileReport | null =
        scanned && !row.mediaId
          ? { file: scanned.file, path: scanned.path, kind: 'video', status: 'orphan' }
          : null;
      if (videoReport) {
        if (kindOfName(scanned?.path ?? '') !== 'video') {
          videoReport.status = 'invalid';
          videoReport.message = `row ${row.row}: not a video file X takes (MP4, MOV, WebM, MPEG-TS)`;
        }
        reports.push(videoReport);
      }
      draft = { item, videoReport, subs: [] };
      drafts.set(key, draft);
    }
    if (row.post && !draft.item.post) draft.item.post = row.post;
    if (row.altText && !draft.item.altText) draft.item.altText = row.altText;
    if (row.title && !draft.item.title) draft.item.title = row.title;
    if (row.description && !draft.item.description) draft.item.description = row.description;
    if (!row.subtitle) continue;
    const path = resolveFrom(base, row.subtitle);
    const file = relTo(root, path);
    const report: FileReport = {
      file,
      path,
      kind: 'subtitle',
      status: 'orphan',
      video: draft.item.video ?? key,
    };
    reports.push(report);
    const fixed = corrections.languages?.[file];
    const given = fixed ?? row.language;
    const fromName = languageAfter(stem(path).split('.').slice(1).join('.'));
    const tag = given ? languageFromUser(given) : (fromName.tag ?? defaultLang);
    if (!tag && !given && !fromName.named) {
      draft.subs.push({ report, detect: true, ...(row.displayName ? { displayName: row.displayName } : {}) });
      continue;
    }
    if (!tag) {
      report.status = 'invalid';
      report.message = given
        ? `row ${row.row}: "${given}" is not a language tag (e.g. en, pt-BR)`
        : `row ${row.row}: no language (fill the language column or name the file like clip.en.srt)`;
    } else report.language = tag;
    draft.subs.push({ report, ...(row.displayName ? { displayName: row.displayName } : {}) });
  }
  return { drafts: [...drafts.values()], reports };
}

/**
 * A `<video>.srt` that names no language and was given none: the cue text says. A confident guess
 * is used and reported ("detected English"); an unsure one falls back to the app's default
 * language when there is one, else the file needs a language.
 */
async function detectLanguage(r: FileReport, source: PlanSource): Promise<void> {
  let guess: ReturnType<typeof detectTrackLanguage>;
  try {
    guess = detectTrackLanguage((await readCaptionFile(r.path)).track);
  } catch (err) {
    if (!(err instanceof CuelineError)) throw err;
    r.status = 'invalid';
    r.message = message(err).replace(`${r.path}: `, '');
    return;
  }
  const name = (tag: string): string => new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  if (guess.tag && guess.confident) {
    r.language = guess.tag;
    r.detected = { language: guess.tag, confident: true };
    r.message = `detected ${name(guess.tag)}`;
    return;
  }
  const fallback = source.fallbackLanguage ? languageFromUser(source.fallbackLanguage) : null;
  if (guess.tag) r.detected = { language: guess.tag, confident: false };
  const unsure = guess.tag
    ? `it may be ${name(guess.tag)}, but the cue text is too short to be sure`
    : 'the cue text gives no clue';
  if (fallback) {
    r.language = fallback;
    r.message = `${unsure}: using the default language, ${name(fallback)}`;
    return;
  }
  r.status = 'invalid';
  r.message = `can't tell the language (${unsure}): name it like clip.en${extname(r.file)} or give the language`;
}

/** The user's edits of a row's alt text and card over the manifest's (an empty one clears it). */
function applyFields(item: PlanItem, f: ItemFields | undefined): void {
  if (!f) return;
  for (const k of ['altText', 'title', 'description'] as const) {
    const v = f[k];
    if (v !== undefined) item[k] = v.trim() === '' ? null : v;
  }
}

/** Plans a batch: pairing (or the manifest), then every input checked. */
export async function planBatch(source: PlanSource, opts: PlanOptions): Promise<BatchPlan> {
  const root = resolve(source.folder);
  const corrections = opts.corrections ?? {};
  const { drafts, reports } = source.manifest
    ? await manifestDrafts({ ...source, manifest: source.manifest }, corrections)
    : pairFolder(await scanFolder(root, source.recursive === true), source, corrections);

  const excludedFiles = new Set(corrections.excludedFiles ?? []);
  const excludedItems = new Set(corrections.excludedItems ?? []);
  const items: PlanItem[] = [];
  for (const d of drafts) {
    if (opts.signal?.aborted) throw new CuelineError('job.cancelled', 'Cancelled.');
    const { item } = d;
    applyFields(item, corrections.items?.[item.key]);
    for (const s of d.subs)
      if (excludedFiles.has(s.report.file)) {
        s.report.status = 'excluded';
        delete s.report.message;
      }
    const subs = d.subs.filter((s) => s.report.status !== 'excluded');
    if (subs.length === 0 && !item.post && item.mediaId) continue;
    items.push(item);
    // A video with no subtitle file and nothing to post is listed, and skipped: "no subtitles".
    if (subs.length === 0 && !item.post) {
      item.skip = 'no subtitles';
      item.ready = false;
      continue;
    }
    item.excluded =
      excludedItems.has(item.key) || (d.videoReport !== null && excludedFiles.has(d.videoReport.file));
    if (d.videoReport) {
      d.videoReport.status = 'matched';
      delete d.videoReport.message;
      if (item.excluded) d.videoReport.status = 'excluded';
      else if (item.videoPath) {
        // Problems of the X-ready copy (should it have any) are reported against the copy.
        const checked = (await useReadyCopy(item, root, reports)) ?? d.videoReport;
        try {
          await prepareVideo(item.videoPath, {
            category: opts.category,
            api: opts.api,
            probe: opts.probe,
            ...(opts.limits ? { limits: opts.limits } : {}),
            ...(opts.signal ? { signal: opts.signal } : {}),
          });
        } catch (err) {
          if (!(err instanceof CuelineError)) throw err;
          checked.status = 'invalid';
          checked.message = message(err).replace(`${item.videoPath}: `, '');
          item.problems.push(`video: ${checked.message}`);
          const violations = (err.details as { violations?: Violation[] } | undefined)?.violations;
          // Transcoding resolves a wrong container or codec, not a clip that is too long or too short.
          item.fixable =
            item.readyCopy === null &&
            err.code === 'media.constraint' &&
            (violations?.every((v) => v.fixable) ?? true);
        }
      }
    }
    const byCode = new Map<string, FileReport[]>();
    for (const s of subs) {
      const r = s.report;
      if (s.detect) await detectLanguage(r, source);
      if (r.status === 'invalid' || !r.language) {
        item.problems.push(`${r.file}: ${r.message ?? 'invalid'}`);
        continue;
      }
      try {
        const p = await prepareSubtitle(
          { path: r.path, language: r.language, ...(s.displayName ? { displayName: s.displayName } : {}) },
          {},
        );
        r.status = 'matched';
        const sub: PlanSubtitle = {
          file: r.file,
          path: r.path,
          language: p.tag,
          languageCode: p.languageCode,
          displayName: p.displayName,
        };
        item.subtitles.push(sub);
        byCode.set(p.languageCode, [...(byCode.get(p.languageCode) ?? []), r]);
      } catch (err) {
        if (!(err instanceof CuelineError)) throw err;
        r.status = 'invalid';
        r.message = message(err).replace(`${r.path}: `, '');
        item.problems.push(`${r.file}: ${r.message}`);
      }
    }
    // X keeps one track per language_code: `pt` and `pt-BR` files for one video collide.
    for (const [code, list] of byCode) {
      if (list.length < 2) continue;
      for (const r of list) {
        r.status = 'duplicate_language';
        r.message = `${list.length} files map to language_code ${code}: ${list.map((x) => basename(x.file)).join(', ')}; exclude all but one`;
      }
      item.subtitles = item.subtitles.filter((s) => s.languageCode !== code);
      item.problems.push(`${list.length} files for language ${code}`);
    }
    item.ready =
      !item.excluded && item.problems.length === 0 && (item.subtitles.length > 0 || item.post !== null);
  }
  // The report reads in folder order: every file once.
  reports.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { root, source, items, files: reports };
}
