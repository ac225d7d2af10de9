// What the Publish dialog says about one track before publishing: the engine's pre-flight problems
// (blocking: a cue starting after the video's end, no cues, a language X can't take) and the
// editor's findings under the chosen preset (quality errors and warnings, spelling), counted as the
// Checks list counts them. "Ready" only for a track the pre-flight passed that has no error at all.
import type { Finding } from '../../../shared/captions/rules.ts';
import type { PreflightResult } from '../../../shared/ipc/channels/publish.ts';

export interface Readiness {
  state: 'checking' | 'blocked' | 'errors' | 'warnings' | 'ready';
  problems: readonly string[];
  cueProblems: PreflightResult['tracks'][number]['cueProblems'];
  qualityErrors: number;
  qualityWarnings: number;
  spelling: number;
}

/** Findings that aren't the quality rules': spelling, and the video-bounds check (the pre-flight's). */
const NOT_QUALITY = new Set(['spelling', 'after-video']);

export function readiness(
  findings: readonly Finding[],
  pf: PreflightResult['tracks'][number] | undefined,
  checking: boolean,
): Readiness {
  const quality = findings.filter((f) => !NOT_QUALITY.has(f.rule) && f.severity !== 'info');
  const qualityErrors = quality.filter((f) => f.severity === 'error').length;
  const base = {
    problems: pf?.problems ?? [],
    cueProblems: pf?.cueProblems ?? [],
    qualityErrors,
    qualityWarnings: quality.length - qualityErrors,
    spelling: findings.filter((f) => f.rule === 'spelling').length,
  };
  if (base.problems.length > 0) return { state: 'blocked', ...base };
  // The editor sees a cue past the video's end at once (the pre-flight may be on its way): blocked.
  const beyond = findings.filter((f) => f.rule === 'after-video' && f.severity === 'error');
  if (beyond.length > 0)
    return {
      state: 'blocked',
      ...base,
      problems: beyond.map((f) => `${f.message}: are these the captions of another video?`),
      cueProblems: beyond.flatMap((f) =>
        f.cueId !== undefined && f.cueIndex !== undefined
          ? [{ code: 'after-video', message: f.message, cueId: f.cueId, cueIndex: f.cueIndex }]
          : [],
      ),
    };
  if (checking || !pf) return { state: 'checking', ...base };
  if (qualityErrors > 0) return { state: 'errors', ...base };
  if (base.qualityWarnings > 0 || base.spelling > 0) return { state: 'warnings', ...base };
  return { state: 'ready', ...base };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "14 quality errors, 3 quality warnings under BBC; 2 spelling findings": the counts as one phrase. */
export function findingsPhrase(r: Readiness, preset: string): string {
  const quality: string[] = [];
  if (r.qualityErrors > 0) quality.push(plural(r.qualityErrors, 'quality error'));
  if (r.qualityWarnings > 0) quality.push(plural(r.qualityWarnings, 'quality warning'));
  const parts = quality.length > 0 ? [`${quality.join(', ')} under ${preset}`] : [];
  if (r.spelling > 0) parts.push(plural(r.spelling, 'spelling finding'));
  return parts.join('; ');
}
