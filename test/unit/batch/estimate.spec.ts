// The batch plan's "posts and requests" line: counts from the rows, skipping what is on X already.
import { describe, expect, it } from 'vitest';
import { estimateRun, PRICE_USD, uploadRequests } from '../../../shared/batch/estimate.ts';
import type { BatchPlanMessage } from '../../../shared/ipc/channels/batch.ts';

type Row = BatchPlanMessage['items'][number];
const MiB = 1024 * 1024;

function row(over: Partial<Row> = {}): Row {
  return {
    key: 'a.mp4',
    name: 'a',
    video: 'a.mp4',
    readyCopy: null,
    fixable: false,
    mediaId: null,
    post: null,
    altText: null,
    title: null,
    description: null,
    videoBytes: 10 * MiB,
    onX: null,
    subtitles: [
      { file: 'a.en.srt', language: 'en', languageCode: 'EN', displayName: 'English' },
      { file: 'a.es.srt', language: 'es', languageCode: 'ES', displayName: 'Español' },
    ],
    problems: [],
    skip: null,
    ready: true,
    excluded: false,
    ...over,
  };
}

describe('estimateRun', () => {
  it('counts upload chunks (4 MiB), two subtitle uploads with their associations, alt text and the post', () => {
    // 10 MiB: INIT, 3 APPENDs, FINALIZE = 5; each subtitle INIT, APPEND, FINALIZE + association = 4.
    expect(uploadRequests(10 * MiB)).toBe(5);
    const e = estimateRun([row({ altText: 'A talk' })], 'New: {name}');
    expect(e).toEqual({
      posts: 1,
      postsWithUrl: 0,
      requests: 5 + 8 + 1 + 1,
      costUsd: PRICE_USD.post + PRICE_USD.metadata,
    });
  });

  it('prices a post with a link higher, and makes no posts without a template', () => {
    const rows = [row(), row({ key: 'b.mp4', name: 'b', post: 'Watch https://example.com/b' })];
    expect(estimateRun(rows, '{name}')).toMatchObject({
      posts: 2,
      postsWithUrl: 1,
      costUsd: 0.215,
    });
    expect(estimateRun(rows, null)).toMatchObject({ posts: 0, costUsd: 0, requests: 2 * (5 + 8) });
  });

  it('leaves out what the journals say is on X, and rows that are skipped, excluded or not ready', () => {
    const done = row({
      onX: {
        videoId: '1',
        languages: [{ languageCode: 'EN', displayName: 'English' }],
        altText: false,
        postId: '9',
      },
    });
    // Only the Spanish track is left: its upload and association.
    expect(estimateRun([done], '{name}')).toEqual({ posts: 0, postsWithUrl: 0, requests: 4, costUsd: 0 });
    const idle = [row({ skip: 'no subtitles' }), row({ excluded: true }), row({ ready: false })];
    expect(estimateRun(idle, '{name}')).toEqual({ posts: 0, postsWithUrl: 0, requests: 0, costUsd: 0 });
  });
});
