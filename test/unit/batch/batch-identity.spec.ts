// A batch is its plan, its options and its account: two accounts publishing the same folder must
// not share the record of what is done (the second would skip every item as already published).
import { describe, expect, it } from 'vitest';
import { BatchRun } from '../../../main/services/batch/runner.ts';
import type { BatchPlan } from '../../../main/services/batch/plan-types.ts';
import type { BatchRunOptions } from '../../../main/services/batch/record.ts';
import { XClient } from '../../../main/services/x/client.ts';
import { bearerSigner } from '../../../main/services/x/signer.ts';
import { testTempDir } from '../../support/temp-dir.ts';

const plan: BatchPlan = { root: '/videos', source: { folder: '/videos' }, items: [], files: [] };
const options: BatchRunOptions = {
  concurrency: 1,
  category: 'tweet_video',
  api: 'v2',
  postTemplate: null,
  noPost: true,
};
const client = (accountKey: string): XClient =>
  new XClient({
    signer: bearerSigner(() => Promise.resolve('t'), undefined, { accountKey }),
    apiBase: 'http://127.0.0.1:9',
  });
const probe = (): never => {
  throw new Error('not probed');
};

describe('batch identity', () => {
  it('differs between accounts and is stable for one', async () => {
    const journalDir = testTempDir('cueline-batch-id-');
    const open = (key: string) => BatchRun.open(plan, options, { client: client(key), journalDir, probe });
    const [a, again, b] = await Promise.all([open('x:1'), open('x:1'), open('x:2')]);
    expect(again.jobId).toBe(a.jobId);
    expect(b.jobId).not.toBe(a.jobId);
  });
});
