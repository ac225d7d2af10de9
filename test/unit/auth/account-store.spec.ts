import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountStore, toSummary, type AccountRecord } from '../../../main/services/auth/account-store.ts';

const rec = (id: string, userId = `u-${id}`): Omit<AccountRecord, 'isDefault'> => ({
  accountId: id,
  userId,
  handle: id,
  name: `Name ${id}`,
  method: 'oauth2',
  scopes: ['media.write'],
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('AccountStore', () => {
  let dir: string;
  let store: AccountStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cueline-accounts-'));
    store = new AccountStore(dir);
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('starts empty and makes the first account the default', async () => {
    expect(await store.list()).toEqual([]);
    await store.upsert(rec('a'));
    await store.upsert(rec('b'));
    const list = await store.list();
    expect(list.map((a) => [a.accountId, a.isDefault])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it('keeps exactly one default when switching, and promotes another when the default is removed', async () => {
    await store.upsert(rec('a'));
    await store.upsert(rec('b'));
    await store.upsert(rec('c'));
    await store.setDefault('b');
    expect((await store.list()).filter((a) => a.isDefault).map((a) => a.accountId)).toEqual(['b']);
    expect(await store.remove('b')).toBe(true);
    const after = await store.list();
    expect(after.filter((a) => a.isDefault)).toHaveLength(1);
    expect(after.map((a) => a.accountId).sort()).toEqual(['a', 'c']);
    expect(await store.remove('nope')).toBe(false);
  });

  it('replaces an account in place and keeps its default flag', async () => {
    await store.upsert(rec('a'));
    await store.upsert({ ...rec('a'), name: 'Renamed' });
    const [a] = await store.list();
    expect(a?.name).toBe('Renamed');
    expect(a?.isDefault).toBe(true);
  });

  it('summaries carry only what the UI may see', async () => {
    const r = await store.upsert(rec('a'));
    expect(Object.keys(toSummary(r)).sort()).toEqual([
      'accountId',
      'handle',
      'isDefault',
      'method',
      'name',
      'scopes',
    ]);
  });

  it('reports a corrupt file instead of forgetting every account', async () => {
    await writeFile(store.path, '{ not json');
    await expect(store.list()).rejects.toMatchObject({ code: 'settings.corrupt' });
    await writeFile(store.path, JSON.stringify({ version: 1, accounts: [{ accountId: 1 }] }));
    await expect(store.list()).rejects.toMatchObject({ code: 'settings.corrupt' });
  });

  it('writes valid JSON every time (atomic replace)', async () => {
    await store.upsert(rec('a'));
    expect(JSON.parse(await readFile(store.path, 'utf8'))).toMatchObject({ version: 1 });
  });
});
