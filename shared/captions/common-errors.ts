// "Fix common errors" (Subtitle Edit's best-loved command): the mistakes a caption file picks up in
// typing and conversion, each found and proposed as a change the user accepts or not. Pure: a
// proposal carries the edit that makes it (shared/captions/edits.ts), so accepted proposals apply
// as one batch — one undo step.
import type { Edit } from './edits.ts';
import type { Cue, Track } from './model.ts';
import { countCharacters, type RuleSettings } from './rules.ts';

export type FixKind =
  'double-space' | 'space-before-punctuation' | 'edge-space' | 'unbalanced-tag' | 'long-line' | 'min-gap';

export const FIX_LABELS: Record<FixKind, string> = {
  'double-space': 'double spaces',
  'space-before-punctuation': 'space before punctuation',
  'edge-space': 'leading or trailing spaces',
  'unbalanced-tag': 'unbalanced tags',
  'long-line': 'lines rebalanced',
  'min-gap': 'gap below the minimum',
};

export interface ProposedFix {
  /** Stable within one proposal list: `${cueId}:text` or `${cueId}:gap`. */
  key: string;
  cueId: string;
  cueIndex: number;
  kinds: FixKind[];
  /** What changes, as the user reads it ("text" before/after, or times). */
  before: string;
  after: string;
  edit: Edit;
}

export interface FixOptions {
  rules: RuleSettings;
  /** The minimum gap in whole ms (the rules' frames at the video's rate, rounded up). */
  minGapMs: number;
}

// French typography puts a (thin) space before ; : ! ? — not an error there.
const SPACED_PUNCT_LANGS = /^fr\b/i;

/** The text fixes of one cue's text, in a fixed order; the kinds that changed something. */
export function fixText(
  text: string,
  language: string,
  rules: RuleSettings,
): { text: string; kinds: FixKind[] } {
  const kinds: FixKind[] = [];
  let t = text;
  const step = (kind: FixKind, f: (s: string) => string): void => {
    const next = f(t);
    if (next !== t) {
      kinds.push(kind);
      t = next;
    }
  };
  step('edge-space', (s) =>
    s
      .split('\n')
      .map((l) => l.trim())
      .join('\n'),
  );
  step('double-space', (s) => s.replace(/ {2,}/g, ' '));
  step('space-before-punctuation', (s) =>
    SPACED_PUNCT_LANGS.test(language)
      ? s.replace(/ +([,.])/g, '$1')
      : s.replace(/ +([,.!?;:])(?=\s|$|<)/g, '$1'),
  );
  step('unbalanced-tag', balanceTags);
  step('long-line', (s) => rebalance(s, language, rules));
  return { text: t, kinds };
}

const TAGS = ['i', 'b', 'u'] as const;

/** Closes tags left open at the end and drops closing tags that close nothing. */
function balanceTags(s: string): string {
  let out = s;
  for (const tag of TAGS) {
    const re = new RegExp(`<(/?)${tag}>`, 'gi');
    let depth = 0;
    out = out.replace(re, (m, close: string) => {
      if (!close) {
        depth++;
        return m;
      }
      if (depth === 0) return '';
      depth--;
      return m;
    });
    if (depth > 0) out += `</${tag}>`.repeat(depth);
  }
  return out;
}

/**
 * Lines over the limit re-broken at word boundaries, when the whole text fits in the allowed
 * lines: the most even break (the bottom line not shorter than needed, as broadcast guides prefer).
 */
function rebalance(s: string, language: string, rules: RuleSettings): string {
  const lines = s.split('\n');
  const len = (x: string): number => countCharacters(x, language);
  if (lines.every((l) => len(l) <= rules.maxCharsPerLine)) return s;
  const words = lines.join(' ').split(/ +/).filter(Boolean);
  if (rules.maxLines < 2 || words.length < 2) return s;
  let best: string | null = null;
  let bestScore = Infinity;
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(' ');
    const b = words.slice(i).join(' ');
    if (len(a) > rules.maxCharsPerLine || len(b) > rules.maxCharsPerLine) continue;
    const score = Math.abs(len(a) - len(b));
    if (score < bestScore) {
      bestScore = score;
      best = `${a}\n${b}`;
    }
  }
  return best ?? s;
}

function fmt(ms: number): string {
  const s = Math.floor(ms / 1000);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(Math.floor(s / 3600))}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}.${p(ms % 1000, 3)}`;
}

/** Every proposed fix of a track, in cue order: one text change and/or one timing change per cue. */
export function proposeFixes(track: Track, opts: FixOptions): ProposedFix[] {
  const out: ProposedFix[] = [];
  const cues = track.cues;
  cues.forEach((cue: Cue, i) => {
    const t = fixText(cue.text, track.language, opts.rules);
    if (t.text !== cue.text)
      out.push({
        key: `${cue.id}:text`,
        cueId: cue.id,
        cueIndex: i,
        kinds: t.kinds,
        before: cue.text,
        after: t.text,
        edit: { kind: 'setText', id: cue.id, text: t.text },
      });
    const next = cues[i + 1];
    if (next && next.start >= cue.start) {
      const gap = next.start - cue.end;
      const end = next.start - opts.minGapMs;
      // Only gaps that exist and are too short, where ending earlier leaves the cue a duration.
      if (gap >= 0 && gap < opts.minGapMs && end > cue.start)
        out.push({
          key: `${cue.id}:gap`,
          cueId: cue.id,
          cueIndex: i,
          kinds: ['min-gap'],
          before: `ends ${fmt(cue.end)}`,
          after: `ends ${fmt(end)}`,
          edit: { kind: 'resize', id: cue.id, end },
        });
    }
  });
  return out;
}

/** The accepted proposals as one edit (one undo step). */
export function applyFixesEdit(fixes: readonly ProposedFix[]): Edit | null {
  if (fixes.length === 0) return null;
  const first = fixes[0];
  return fixes.length === 1 && first ? first.edit : { kind: 'batch', edits: fixes.map((f) => f.edit) };
}
