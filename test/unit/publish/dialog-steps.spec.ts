// The Publish dialog's step list and track readiness (pure modules of the renderer).
import { describe, expect, it } from 'vitest';
import type { PublishProgress } from '../../../shared/ipc/channels/publish.ts';
import type { Finding } from '../../../shared/captions/rules.ts';
import { applyProgress, finishSteps, planSteps } from '../../../renderer/src/publish/publish-steps.ts';
import { findingsPhrase, readiness } from '../../../renderer/src/publish/track-readiness.ts';

const plan = planSteps({
  tracks: [
    { languageCode: 'EN', name: 'English (EN)' },
    { languageCode: 'FR', name: 'French (FR)' },
  ],
  altText: true,
  post: true,
  attach: false,
});
const ev = (p: Partial<PublishProgress> & Pick<PublishProgress, 'step'>): PublishProgress => ({
  label: '',
  upload: null,
  ...p,
});
const status = (items: ReturnType<typeof planSteps>) =>
  Object.fromEntries(items.map((i) => [i.id, i.status]));

describe('publish steps', () => {
  it('a step that starts finishes every earlier one, including those the throttle merged away', () => {
    let items = applyProgress(plan, ev({ step: 'validate' }));
    items = applyProgress(
      items,
      ev({
        step: 'associate',
        language: 'FR',
        passed: [
          ev({ step: 'upload-video' }),
          ev({
            step: 'skip',
            of: 'upload-subtitle',
            language: 'EN',
            label: 'EN subtitles: already uploaded as 7',
          }),
        ],
      }),
    );
    expect(status(items)).toEqual({
      validate: 'done',
      'upload-video': 'done',
      processing: 'done',
      'upload-subtitle:EN': 'skipped',
      'upload-subtitle:FR': 'done',
      'associate:EN': 'done',
      'associate:FR': 'active',
      'alt-text': 'pending',
      post: 'pending',
    });
    expect(items.find((i) => i.id === 'upload-subtitle:EN')?.detail).toBe('already uploaded as 7');
  });

  it('says how far X had a resumed upload, shows processing, and marks the failed step', () => {
    let items = applyProgress(plan, ev({ step: 'upload-video', label: 'Uploading a.mp4' }));
    items = applyProgress(
      items,
      ev({ step: 'note', of: 'upload-video', resumedPercent: 61, label: 'Video: continuing' }),
    );
    const upload = { bytesSent: 1, totalBytes: 1, bytesPerSecond: 1, etaSeconds: null };
    items = applyProgress(
      items,
      ev({ step: 'upload-video', upload: { ...upload, phase: 'processing', processingPercent: 40 } }),
    );
    expect(items.find((i) => i.id === 'upload-video')).toMatchObject({
      status: 'done',
      detail: 'resuming at 61%',
    });
    expect(items.find((i) => i.id === 'processing')).toMatchObject({ status: 'active', detail: '40%' });
    expect(status(finishSteps(items, true))).toMatchObject({ processing: 'failed', post: 'pending' });
  });

  it('a job done by an earlier run marks every step already done', () => {
    const items = applyProgress(
      plan,
      ev({ step: 'skip', label: 'Everything: already published by job pub-1' }),
    );
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['skipped']));
  });
});

describe('track readiness', () => {
  const f = (rule: string, severity: Finding['severity'], cueIndex = 0): Finding => ({
    rule,
    severity,
    cueId: `c${cueIndex}`,
    cueIndex,
    message: `cue ${cueIndex + 1}: ${rule}`,
  });
  const pf = { language: 'en', languageCode: 'EN', displayName: 'English', problems: [], cueProblems: [] };

  it('is never "ready" with errors, while checking, or with a cue past the video', () => {
    expect(readiness([], pf, false).state).toBe('ready');
    expect(readiness([], pf, true).state).toBe('checking');
    expect(readiness([f('cps', 'error'), f('cps', 'warning')], pf, false)).toMatchObject({
      state: 'errors',
      qualityErrors: 1,
      qualityWarnings: 1,
    });
    const past = readiness([f('after-video', 'error', 2)], pf, false);
    expect(past).toMatchObject({ state: 'blocked', cueProblems: [{ cueId: 'c2', cueIndex: 2 }] });
    expect(readiness([], { ...pf, problems: ['The track has no cues.'] }, false).state).toBe('blocked');
  });

  it('counts spelling apart from the quality rules', () => {
    const r = readiness(
      [f('spelling', 'warning'), f('spelling', 'warning'), f('maxLines', 'error')],
      pf,
      false,
    );
    expect(findingsPhrase(r, 'BBC')).toBe('1 quality error under BBC; 2 spelling findings');
  });
});
