import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { canonicalJson, jobIdFor, JournalStore } from '../../../main/services/jobs/journal.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('job journal', () => {
  it('derives the same id from equal inputs whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(jobIdFor('pub', { a: 1, b: 2 })).toBe(jobIdFor('pub', { b: 2, a: 1 }));
    expect(jobIdFor('pub', { a: 1 })).not.toBe(jobIdFor('pub', { a: 2 }));
  });

  it('saves atomically, loads and validates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cueline-journal-'));
    dirs.push(dir);
    const store = new JournalStore(dir, z.object({ jobId: z.string(), n: z.number() }));
    expect(await store.load('pub-abc')).toBeNull();
    await store.save({ jobId: 'pub-abc', n: 1 });
    await store.save({ jobId: 'pub-abc', n: 2 });
    expect(await store.load('pub-abc')).toEqual({ jobId: 'pub-abc', n: 2 });
    expect(await store.list()).toEqual(['pub-abc']);
    writeFileSync(join(dir, 'pub-abc.json'), '{"jobId":"pub-abc"');
    await expect(store.load('pub-abc')).rejects.toThrow(/not valid JSON; it was kept aside as .*damaged-/);
    // Kept aside, never deleted; the job then starts with no journal and knows one was damaged.
    const aside = readdirSync(dir).find((f) => f.startsWith('pub-abc.json.damaged-')) ?? '';
    expect(readFileSync(join(dir, aside), 'utf8')).toContain('pub-abc');
    expect(await store.load('pub-abc')).toBeNull();
    expect(await store.setAsideExists('pub-abc')).toBe(true);
    expect(await store.list()).toEqual([]);
  });
});
