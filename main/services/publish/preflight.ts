// The Publish dialog's pre-flight: the video against X's limits, each track mapped to X's language
// code (two tracks mapping to one code is a problem: X keeps one track per language) and written
// and parsed as the upload would (its cues must start before the video ends), and the post's
// weighted length. Nothing is sent to X.
import { toAppError } from '../../../shared/errors.ts';
import type { PreflightResult, PublishTrack } from '../../../shared/ipc/channels/publish.ts';
import { checkConstraints, type MediaCategory } from '../../../shared/media/constraints.ts';
import { toApiLanguage } from '../../../shared/x/languages.ts';
import { postTextProblem, postWeightedLength } from '../../../shared/x/post-text.ts';
import { prepareSubtitle, type Probe } from './inputs.ts';
import { writeTrackFile } from './track-files.ts';

export interface PreflightRequest {
  /** The video's path, or null when only tracks are checked. */
  videoPath: string | null;
  category: MediaCategory;
  tracks: readonly PublishTrack[];
  post: string | null;
}

export async function preflight(
  req: PreflightRequest,
  deps: { probe: Probe; userData: string },
): Promise<PreflightResult> {
  const { videoPath, category, tracks, post } = req;
  let violations: NonNullable<PreflightResult['video']>['violations'] | null = null;
  /** Captions must fit the video: a cue starting after its end is refused, as the publish would. */
  let videoDurationMs: number | undefined;
  if (videoPath !== null) {
    const info = await deps.probe(videoPath, {});
    if (info.durationMs > 0) videoDurationMs = info.durationMs;
    const r = checkConstraints(info, { category });
    violations = [...r.violations, ...r.warnings].map((v) => ({
      code: v.rule,
      severity: v.severity,
      message: v.message,
      fix: v.fix,
    }));
  }
  const seen = new Map<string, string>();
  const out: PreflightResult['tracks'] = [];
  for (const t of tracks) {
    const problems: string[] = [];
    const cueProblems: PreflightResult['tracks'][number]['cueProblems'] = [];
    let languageCode: string | null = null;
    let displayName = t.displayName ?? t.language;
    try {
      const api = toApiLanguage(t.language, t.displayName);
      languageCode = api.code;
      displayName = api.displayName;
      const other = seen.get(api.code);
      if (other)
        problems.push(`${other} and ${t.language} both map to ${api.code}; X keeps one track per language.`);
      seen.set(api.code, t.language);
    } catch (err) {
      problems.push(toAppError(err).message);
    }
    if (t.cues.length === 0) problems.push('The track has no cues.');
    else if (languageCode) {
      try {
        await prepareSubtitle(
          await writeTrackFile(deps.userData, t),
          videoDurationMs !== undefined ? { videoDurationMs } : {},
        );
      } catch (err) {
        // The track file is the app's own (written from the editor): the cue number names the place.
        const e = toAppError(err);
        const message = e.message.replace(/^[^:]*\.srt(:\d+)?: /, '');
        problems.push(message);
        cueProblems.push(...cuesNamedBy(e, message, t));
      }
    }
    out.push({ language: t.language, languageCode, displayName, problems, cueProblems });
  }
  const postInfo =
    post === null ? null : { length: postWeightedLength(post), problem: postTextProblem(post) };
  const ok =
    (violations ?? []).every((v) => v.severity !== 'error') &&
    out.every((t) => t.problems.length === 0) &&
    (postInfo?.problem ?? null) === null &&
    (tracks.length > 0 || post !== null);
  return { ok, video: violations ? { violations } : null, tracks: out, post: postInfo };
}

/**
 * The cues an engine error names (a cue starting after the video's end; structural findings), as
 * the editor's cue ids: the track file is written from these cues in this order.
 */
function cuesNamedBy(
  e: { code: string; details?: unknown },
  message: string,
  t: PublishTrack,
): PreflightResult['tracks'][number]['cueProblems'] {
  const d = (e.details ?? {}) as { cue?: unknown; findings?: unknown };
  const at = (cueIndex: number, text: string) => {
    const cue = t.cues[cueIndex];
    return cue ? [{ code: e.code, message: text, cueId: cue.id, cueIndex }] : [];
  };
  if (typeof d.cue === 'number') return at(d.cue - 1, message);
  if (!Array.isArray(d.findings)) return [];
  return d.findings.flatMap((f: { cueIndex?: unknown; message?: unknown }) =>
    typeof f.cueIndex === 'number'
      ? at(f.cueIndex, `cue ${f.cueIndex + 1}: ${typeof f.message === 'string' ? f.message : message}`)
      : [],
  );
}
