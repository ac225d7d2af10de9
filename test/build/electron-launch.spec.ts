// The _electron suite finds the binary as the `electron` package does, so it runs wherever
// one exists — including a folder named by ELECTRON_OVERRIDE_DIST_PATH.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { electronBinary } from '../e2e/electron/launch.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cueline-electron-dist-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('treats ELECTRON_OVERRIDE_DIST_PATH as the folder holding the binary', async () => {
  expect(electronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dir })).toBeNull();
  await writeFile(join(dir, 'electron'), '');
  expect(electronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dir })).toBe(join(dir, 'electron'));
});
