// What the Publish dialog remembers per video, and how publish progress survives the ~10 Hz throttle.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { testTempDir } from '../../support/temp-dir.ts';
import { PublishDrafts } from '../../../main/services/publish/drafts.ts';
import { mergePublishProgress, type PublishProgress } from '../../../shared/ipc/channels/publish.ts';
import { createThrottle } from '../../../main/services/jobs/throttle.ts';

const tempDir = (): string => testTempDir('cueline-drafts-');
const draft = (altText: string) => ({ post: 'Launch', altText, title: 'T', description: 'D' });

describe('publish drafts', () => {
  it('keeps one draft per video path, read back by a new store (a restart), private', async () => {
    const dir = tempDir();
    const a = new PublishDrafts(dir);
    await Promise.all([a.save('/v/one.mp4', draft('one')), a.save('/v/two.mp4', draft('two'))]);
    const b = new PublishDrafts(dir);
    expect(await b.get('/v/one.mp4')).toEqual(draft('one'));
    expect(await b.get('/v/two.mp4')).toEqual(draft('two'));
    expect(await b.get('/v/none.mp4')).toEqual({ post: '', altText: '', title: '', description: '' });
    if (process.platform !== 'win32') expect((await stat(b.file)).mode & 0o777).toBe(0o600);
  });

  it('forgets an emptied draft and keeps only the most recent ones', async () => {
    const dir = tempDir();
    const MAX = 3;
    const d = new PublishDrafts(dir, { max: MAX });
    for (let i = 0; i <= MAX; i++) await d.save(`/v/${i}.mp4`, draft(String(i)), 1000 + i);
    expect((await d.get('/v/0.mp4')).altText).toBe('');
    expect((await d.get(`/v/${MAX}.mp4`)).altText).toBe(String(MAX));
    await d.save('/v/1.mp4', { post: '', altText: '', title: '', description: '' });
    const file = JSON.parse(await readFile(d.file, 'utf8')) as { drafts: Record<string, unknown> };
    expect(Object.keys(file.drafts)).toHaveLength(MAX - 1);
  });

  it('reads a damaged file as no drafts, and saves over it', async () => {
    const dir = tempDir();
    const d = new PublishDrafts(dir);
    await writeFile(d.file, '{"version":1,"drafts":{"/v/a.mp4":{"altText":7}}}');
    expect((await d.get('/v/a.mp4')).altText).toBe('');
    await d.save('/v/a.mp4', draft('fixed'));
    expect((await d.get('/v/a.mp4')).altText).toBe('fixed');
  });
});

describe('publish progress through the throttle', () => {
  const ev = (step: PublishProgress['step'], label: string, upload = false): PublishProgress => ({
    step,
    label,
    upload: upload
      ? {
          phase: 'uploading',
          bytesSent: 1,
          totalBytes: 2,
          bytesPerSecond: 1,
          etaSeconds: 1,
          processingPercent: null,
        }
      : null,
  });

  it('keeps every step the latest value replaces, oldest first; upload figures only the latest', () => {
    const got: PublishProgress[] = [];
    let t = 0;
    const th = createThrottle(100, (p: PublishProgress) => got.push(p), {
      merge: mergePublishProgress,
      now: () => t,
      trailing: false,
    });
    th.push(ev('validate', 'Checking'));
    t = 10;
    th.push(ev('upload-video', 'Uploading launch.mp4'));
    th.push(ev('upload-video', 'Uploading the video', true));
    th.push(ev('upload-subtitle', 'Uploading English captions (EN)'));
    th.push(ev('associate', 'Associating EN (English)'));
    th.flush();
    expect(got.map((g) => g.label)).toEqual(['Checking', 'Associating EN (English)']);
    expect(got[1]?.passed?.map((p) => p.label)).toEqual([
      'Uploading launch.mp4',
      'Uploading English captions (EN)',
    ]);
  });
});
