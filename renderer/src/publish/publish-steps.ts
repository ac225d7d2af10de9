// The Publish dialog's step list: one item per thing the job does, in the order the engine does
// them (check, video upload, X's processing, each track's upload, each track's association, alt
// text, post), moved along by the job's progress events. An item that starts marks every earlier
// one done: the engine works in this order, and the ~10 Hz throttle may merge steps away (their
// events then arrive in `passed`, which `apply` reads first).
import type { PublishProgress, PublishStepName } from '../../../shared/ipc/channels/publish.ts';

export type ItemStatus = 'pending' | 'active' | 'done' | 'skipped' | 'failed';

export interface StepItem {
  id: string;
  /** What the item is, in the user's words ("Upload the video", "English (EN)"). */
  label: string;
  status: ItemStatus;
  /** What happened or is happening ("already on X as 1880…", "resuming at 61%"). */
  detail: string;
  /** The track's X code for upload and association items. */
  language?: string;
}

export interface StepPlan {
  tracks: ReadonlyArray<{ languageCode: string; name: string }>;
  altText: boolean;
  post: boolean;
  /** Attaching to a video already on X: no upload of the video. */
  attach: boolean;
}

/** The items of a job, all pending. */
export function planSteps(p: StepPlan): StepItem[] {
  const item = (id: string, label: string, language?: string): StepItem => ({
    id,
    label,
    status: 'pending',
    detail: '',
    ...(language !== undefined ? { language } : {}),
  });
  return [
    item('validate', p.attach ? 'Check the captions' : 'Check the video and captions'),
    ...(p.attach
      ? []
      : [item('upload-video', 'Upload the video'), item('processing', 'X processes the video')]),
    ...p.tracks.map((t) => item(`upload-subtitle:${t.languageCode}`, `Upload ${t.name}`, t.languageCode)),
    ...p.tracks.map((t) =>
      item(`associate:${t.languageCode}`, `Attach ${t.name} to the video`, t.languageCode),
    ),
    ...(p.altText ? [item('alt-text', 'Set the alt text')] : []),
    ...(p.post ? [item('post', 'Post')] : []),
  ];
}

function itemId(step: PublishStepName, language: string | undefined): string | null {
  if (step === 'upload-subtitle' || step === 'associate') return language ? `${step}:${language}` : null;
  if (step === 'done') return null;
  return step;
}

/** The items after one progress event (and the events the throttle merged into it). */
export function applyProgress(items: readonly StepItem[], p: PublishProgress): StepItem[] {
  let out = [...items];
  for (const e of [...(p.passed ?? []), p]) out = applyOne(out, e);
  return out;
}

function applyOne(items: StepItem[], e: Omit<PublishProgress, 'passed'>): StepItem[] {
  const out = items.map((i) => ({ ...i }));
  const at = (id: string | null): number => (id === null ? -1 : out.findIndex((i) => i.id === id));
  /** Everything before `index` is finished. */
  const before = (index: number): void => {
    for (const i of out.slice(0, index))
      if (i.status === 'pending' || i.status === 'active') i.status = 'done';
  };
  const set = (index: number, status: ItemStatus, detail?: string): void => {
    const i = out[index];
    if (!i) return;
    before(index);
    i.status = status;
    if (detail !== undefined) i.detail = detail;
  };
  if (e.step === 'done') {
    before(out.length);
    return out;
  }
  if (e.step === 'skip') {
    const reason = e.label.replace(/^[^:]*: /, '');
    if (e.of === undefined) {
      // The whole job was done by an earlier run.
      for (const i of out) if (i.status === 'pending' || i.status === 'active') i.status = 'skipped';
      return out;
    }
    const index = at(itemId(e.of, e.language));
    set(index, 'skipped', reason);
    // A video already on X needs no processing.
    if (e.of === 'upload-video') set(at('processing'), 'skipped', '');
    return out;
  }
  if (e.step === 'note' || e.step === 'retry') {
    const target =
      e.of !== undefined ? at(itemId(e.of, e.language)) : out.findIndex((i) => i.status === 'active');
    const i = out[target];
    if (!i) return out;
    if (e.resumedPercent !== undefined) i.detail = `resuming at ${e.resumedPercent}%`;
    else i.detail = e.label.replace(/^[^:]*: /, '');
    return out;
  }
  if (e.upload) {
    const u = e.upload;
    if (e.step === 'upload-video') {
      if (u.phase === 'processing') {
        const p = at('processing');
        set(p, 'active', u.processingPercent !== null ? `${u.processingPercent}%` : '');
      } else {
        const v = at('upload-video');
        if (out[v]?.status !== 'active') set(v, 'active');
      }
      return out;
    }
    const index = at(itemId('upload-subtitle', e.language));
    if (index >= 0 && out[index]?.status !== 'active') set(index, 'active');
    return out;
  }
  const index = at(itemId(e.step, e.language));
  if (index < 0) return out;
  // A step's own label: "Checking the account for the post" is worth showing; the rest repeat the item.
  set(index, 'active', e.step === 'post' && /Checking/.test(e.label) ? e.label : out[index]?.detail);
  return out;
}

/** After the job: what ran is done; the active item failed (with `failed`). */
export function finishSteps(items: readonly StepItem[], failed: boolean): StepItem[] {
  return items.map((i) =>
    i.status === 'active'
      ? { ...i, status: failed ? 'failed' : 'done' }
      : i.status === 'pending' && !failed
        ? { ...i, status: 'done' }
        : i,
  );
}
