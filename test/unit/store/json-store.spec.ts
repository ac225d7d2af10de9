import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ensurePrivateDir,
  readJson,
  readJsonOr,
  STALE_TEMP_MS,
  tightenUserData,
  writeJsonAtomic,
} from '../../../main/services/store/json-store.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'cueline-store-'));
  dirs.push(d);
  return d;
}
const modeOf = async (p: string): Promise<number> => (await stat(p)).mode & 0o777;
const Doc = z.object({ n: z.number(), text: z.string() });

describe('the JSON store', () => {
  it('reads back what it wrote through the schema, and says why a file is not a value', async () => {
    const dir = await tempDir();
    const file = join(dir, 'doc.json');
    expect(await readJson(file, Doc)).toEqual({ ok: false, missing: true });
    expect(await writeJsonAtomic(file, { n: 1, text: 'é' })).toBe((await readFile(file)).length);
    expect(await readJson(file, Doc)).toEqual({ ok: true, value: { n: 1, text: 'é' } });
    await writeFile(file, '{"n": 1');
    expect(await readJson(file, Doc)).toMatchObject({ ok: false, missing: false, notJson: true });
    await writeFile(file, '{"n": "one", "text": ""}');
    const r = await readJson(file, Doc);
    expect(r).toMatchObject({ ok: false, notJson: false });
    expect(!r.ok && !r.missing && r.issues.join()).toMatch(/^n: /);
    expect(await readJsonOr(file, Doc, { n: 0, text: 'fallback' })).toEqual({ n: 0, text: 'fallback' });
  });

  it('writes files 0600 in folders it creates 0700', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a', 'b', 'doc.json');
    await writeJsonAtomic(file, { n: 1, text: '' });
    expect(await modeOf(file)).toBe(0o600);
    expect(await modeOf(join(dir, 'a', 'b'))).toBe(0o700);
    expect(await modeOf(join(dir, 'a'))).toBe(0o700);
    // An existing folder left open by an older version is tightened when written into.
    await chmod(join(dir, 'a', 'b'), 0o755);
    await writeJsonAtomic(file, { n: 2, text: '' });
    expect(await modeOf(join(dir, 'a', 'b'))).toBe(0o700);
    // No temp file is left beside it.
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['doc.json']);
  });

  it('tightens the user-data folder on start: its folders 0700, its files 0600, the cache and foreign names untouched', async () => {
    const home = await tempDir();
    await chmod(home, 0o755);
    await mkdir(join(home, 'jobs'), { mode: 0o755 });
    await writeFile(join(home, 'jobs', 'pub-1.json'), '{}', { mode: 0o644 });
    await writeFile(join(home, 'settings.json'), '{}', { mode: 0o644 });
    await mkdir(join(home, 'cache'), { mode: 0o755 });
    await writeFile(join(home, 'notes.txt'), 'mine', { mode: 0o644 });
    const leftover = join(home, 'jobs', 'pub-1.json.0123456789ab.tmp');
    await writeFile(leftover, '{', { mode: 0o600 });
    const longAgo = new Date(Date.now() - STALE_TEMP_MS - 60_000);
    await utimes(leftover, longAgo, longAgo);
    await tightenUserData(home);
    expect(await readdir(join(home, 'jobs'))).toEqual(['pub-1.json']);
    expect(await modeOf(home)).toBe(0o700);
    expect(await modeOf(join(home, 'jobs'))).toBe(0o700);
    expect(await modeOf(join(home, 'jobs', 'pub-1.json'))).toBe(0o600);
    expect(await modeOf(join(home, 'settings.json'))).toBe(0o600);
    expect(await modeOf(join(home, 'cache'))).toBe(0o755);
    expect(await modeOf(join(home, 'notes.txt'))).toBe(0o644);
    // A missing user-data folder is not created.
    await tightenUserData(join(home, 'absent'));
    await expect(stat(join(home, 'absent'))).rejects.toThrow();
    await ensurePrivateDir(join(home, 'cache'));
    expect(await modeOf(join(home, 'cache'))).toBe(0o700);
  });

  it('leaves the old file intact when a write is killed between the temp file and the rename', async () => {
    const dir = await tempDir();
    const file = join(dir, 'settings.json');
    const old = { n: 1, text: 'old' };
    await writeJsonAtomic(file, old);
    const next = { n: 2, text: 'x'.repeat(200_000) };
    const child = spawn(
      process.execPath,
      [
        join(import.meta.dirname, 'fixtures', 'write-stopped-before-rename.ts'),
        file,
        String(next.text.length),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, s) => resolve(s)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        if (b.toString().includes('before-rename')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`the writer exited (${String(code)}) before the rename`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // The file is the old one, whole; the new content got as far as a complete temp file.
    expect(await readJson(file, Doc)).toEqual({ ok: true, value: old });
    const temps = (await readdir(dir)).filter((n) => n.endsWith('.tmp'));
    expect(temps).toHaveLength(1);
    const temp = join(dir, temps[0] ?? '');
    expect(JSON.parse(await readFile(temp, 'utf8'))).toEqual(next);
    // The next start removes the leftover once no write can still be under way, and nothing else.
    const foreign = join(dir, 'notes.0123456789ab.tmp');
    await writeFile(foreign, 'mine');
    await tightenUserData(dir);
    expect((await readdir(dir)).sort()).toEqual(['notes.0123456789ab.tmp', 'settings.json', temps[0]].sort());
    const longAgo = new Date(Date.now() - STALE_TEMP_MS - 60_000);
    await utimes(temp, longAgo, longAgo);
    await utimes(foreign, longAgo, longAgo);
    await tightenUserData(dir);
    expect((await readdir(dir)).sort()).toEqual(['notes.0123456789ab.tmp', 'settings.json']);
    expect(await readJson(file, Doc)).toEqual({ ok: true, value: old });
  });
});
