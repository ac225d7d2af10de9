// "On X" from the journals: a video is one entry whatever jobs touched it (its publish, captions
// replaced or added later), each language from the latest job that associated it, removals noted
// by the app applied, and the display name X was given (older journals: the language's own name).
import { describe, expect, it } from 'vitest';
import { JournalStore } from '../../../main/services/jobs/journal.ts';
import { HistoryNotes, listOnX } from '../../../main/services/publish/history-store.ts';
import { PublishRecord } from '../../../main/services/publish/record.ts';
import { testTempDir } from '../../support/temp-dir.ts';

const VIDEO = '1880028106020523759';

function record(o: {
  jobId: string;
  kind: 'publish' | 'attach';
  at: number;
  tracks: Record<string, { id: string; displayName?: string }>;
  postId?: string;
}): PublishRecord {
  const subtitles: PublishRecord['subtitles'] = {};
  const associations: PublishRecord['associations'] = {};
  for (const [code, t] of Object.entries(o.tracks)) {
    subtitles[code] = {
      id: t.id,
      expiresAt: null,
      uploadedAt: o.at,
      sha256: code,
      ...(t.displayName ? { displayName: t.displayName } : {}),
    };
    associations[code] = `${VIDEO}:${t.id}`;
  }
  return {
    version: 1,
    jobId: o.jobId,
    kind: o.kind,
    createdAt: o.at,
    updatedAt: o.at,
    status: 'completed',
    video: { id: VIDEO, expiresAt: null, uploadedAt: o.at },
    subtitles,
    associations,
    ...(o.postId ? { post: { intentAt: o.at, id: o.postId } } : {}),
  };
}

describe('listOnX', () => {
  it('merges a publish and a later replace into one video; a removal after both drops the language', async () => {
    const userData = testTempDir('cueline-onx-');
    const store = new JournalStore(JournalStore.dirFor(userData), PublishRecord);
    const notes = new HistoryNotes(userData);
    await store.save(
      record({
        jobId: 'pub-1',
        kind: 'publish',
        at: 100,
        tracks: { EN: { id: 's-en', displayName: 'English (CC)' }, ES: { id: 's-es-1' } },
        postId: '42',
      }),
    );
    await notes.note('pub-1', { videoName: 'launch.mp4', account: null, category: 'tweet_video', api: 'v2' });
    // Replace ES: the old track is removed (noted), then a fresh attach job associates the new one.
    await notes.markRemoved(VIDEO, 'ES', 200);
    await store.save(
      record({
        jobId: 'att-1',
        kind: 'attach',
        at: 300,
        tracks: { ES: { id: 's-es-2', displayName: 'Español' } },
      }),
    );
    // Remove EN afterwards.
    await notes.markRemoved(VIDEO, 'EN', 400);

    const videos = await listOnX(userData);
    expect(videos).toHaveLength(1);
    expect(videos[0]).toEqual({
      videoId: VIDEO,
      videoName: 'launch.mp4',
      account: null,
      category: 'tweet_video',
      api: 'v2',
      languages: [{ languageCode: 'ES', displayName: 'Español', subtitleId: 's-es-2', at: 300 }],
      removed: [{ languageCode: 'EN', at: 400 }],
      post: { id: '42', url: 'https://x.com/i/status/42', at: 100 },
      updatedAt: 400,
    });
  });

  it('names a language from an older journal (no display name kept) as the language names itself', async () => {
    const userData = testTempDir('cueline-onx-');
    const store = new JournalStore(JournalStore.dirFor(userData), PublishRecord);
    await store.save(record({ jobId: 'pub-2', kind: 'publish', at: 100, tracks: { ES: { id: 's-es' } } }));
    const [v] = await listOnX(userData);
    expect(v?.languages.map((l) => l.displayName)).toEqual(['Español']);
    expect(v?.videoName).toBeNull();
    expect(v?.post).toBeNull();
  });
});
