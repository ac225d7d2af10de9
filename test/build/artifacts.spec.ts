// The build as users run it: what `npm start`, `npm run dist` and the installers load is out/,
// not the TypeScript sources. Every bundle parses; the preload is self-contained CommonJS; the
// main bundle loads under Node with a stand-in `electron` (electron-stand-in/) that records
// start-up order and opens no window. A real Electron binary (the _electron suite) remains the
// final proof wherever one can be downloaded.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeSpec } from '../../shared/ipc/contract.ts';

const ROOT = join(import.meta.dirname, '../..');
const OUT = join(ROOT, 'out');
const MAIN = join(OUT, 'main/index.js');
const PRELOAD = join(OUT, 'preload/preload.cjs');
const REGISTER = join(import.meta.dirname, 'electron-stand-in/register.mjs');

interface Call {
  call: string;
  args: unknown[];
}

let home: string;
beforeAll(async () => {
  const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  home = await mkdtemp(join(tmpdir(), 'cueline-artifacts-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

/** Runs the main bundle under the stand-in with its own user-data folder; returns what it did. */
async function startMain(o: {
  args?: string[];
  exitOn?: string;
  name: string;
  env?: Record<string, string>;
}): Promise<{
  calls: Call[];
  status: number | null;
  stdout: string;
  stderr: string;
}> {
  const userData = join(home, o.name);
  const log = join(home, `${o.name}.jsonl`);
  const r = spawnSync(process.execPath, ['--import', REGISTER, MAIN, ...(o.args ?? [])], {
    cwd: home,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      CUELINE_HOME: userData,
      CUELINE_STAND_IN_LOG: log,
      ...(o.exitOn ? { CUELINE_STAND_IN_EXIT_ON: o.exitOn } : {}),
      ...o.env,
    },
  });
  const text = existsSync(log) ? await readFile(log, 'utf8') : '';
  const calls = text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Call);
  return { calls, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const names = (calls: Call[]): string[] => calls.map((c) => c.call);

describe('every bundle in out/ parses', () => {
  it('node --check passes for each JavaScript file, the main bundle first', () => {
    const scripts = filesUnder(OUT).filter((f) => /\.(m|c)?js$/.test(f));
    expect(scripts).toContain(MAIN);
    expect(scripts).toContain(PRELOAD);
    for (const file of [MAIN, ...scripts.filter((f) => f !== MAIN)]) {
      const r = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
      expect(r.status, `${relative(ROOT, file)}: ${r.stderr}`).toBe(0);
    }
  });

  it('the preload is one self-contained CommonJS file whose only require is electron', () => {
    expect(readdirSync(join(OUT, 'preload'))).toEqual(['preload.cjs']);
    const code = readFileSync(PRELOAD, 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s/m);
    // Evaluated as the sandbox would: it exposes exactly window.cueline, one method per channel.
    const exposed: Record<string, unknown> = {};
    const electron = {
      contextBridge: { exposeInMainWorld: (k: string, v: unknown) => (exposed[k] = v) },
      ipcRenderer: { invoke: () => Promise.resolve(), on: () => undefined, removeListener: () => undefined },
      webUtils: { getPathForFile: () => '' },
    };
    const module = { exports: {} };
    runInNewContext(code, {
      require: (id: string) => (id === 'electron' ? electron : undefined),
      module,
      exports: module.exports,
    });
    expect(Object.keys(exposed)).toEqual(['cueline']);
    const api = exposed['cueline'] as Record<string, Record<string, unknown>>;
    for (const channel of bridgeSpec().channels) {
      const [area, verb] = channel.split(':') as [string, string];
      expect(typeof api[area]?.[verb], channel).toBe('function');
    }
  });
});

describe('the main bundle under a stand-in electron', () => {
  it('starts in order: paths, lock and schemes before ready; protocols, permissions, menu, window after', async () => {
    const { calls, status, stderr } = await startMain({ name: 'start' });
    expect(status, stderr).toBe(0);
    const order = names(calls);
    const at = (name: string): number => {
      const i = order.indexOf(name);
      expect(i, `${name} was called`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const ready = at('ready');
    for (const before of [
      'app.setPath',
      'app.requestSingleInstanceLock',
      'protocol.registerSchemesAsPrivileged',
    ])
      expect(at(before), before).toBeLessThan(ready);
    expect(calls.find((c) => c.call === 'app.setPath')?.args).toEqual(['userData', join(home, 'start')]);
    for (const after of [
      'protocol.handle',
      'session.setPermissionRequestHandler',
      'session.setPermissionCheckHandler',
      'Menu.setApplicationMenu',
      'new BrowserWindow',
    ])
      expect(at(after), after).toBeGreaterThan(ready);
    expect(calls.filter((c) => c.call === 'protocol.handle').map((c) => c.args[0])).toEqual([
      'app',
      'cueline-media',
    ]);
    expect(at('new BrowserWindow')).toBeGreaterThan(at('Menu.setApplicationMenu'));
    expect(calls.find((c) => c.call === 'new BrowserWindow')?.args[0]).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
    });
    expect(calls.find((c) => c.call === 'BrowserWindow.loadURL')?.args).toEqual(['app://cueline/index.html']);
    expect(order).toContain('BrowserWindow.show');
    expect(order.filter((n) => n.endsWith('before ready-to-show'))).toEqual([]);
  });

  it('binds every contract channel with ipcMain.handle exactly once', async () => {
    const { calls } = await startMain({ name: 'channels' });
    const bound = calls.filter((c) => c.call === 'ipcMain.handle').map((c) => c.args[0] as string);
    expect([...bound].sort()).toEqual([...bridgeSpec().channels].sort());
    expect(new Set(bound).size).toBe(bound.length);
  });

  it("sets Electron's spellchecker from the window's spelling:setLanguages, mapped to its languages", async () => {
    const { calls, status, stderr } = await startMain({
      name: 'spelling',
      env: {
        CUELINE_STAND_IN_INVOKE: JSON.stringify({
          channel: 'spelling:setLanguages',
          payload: { languages: ['pt'] },
        }),
      },
    });
    expect(status, stderr).toBe(0);
    expect(calls.find((c) => c.call === 'ipc.reply')?.args).toEqual([
      'spelling:setLanguages',
      { ok: true, value: { applied: ['pt-BR'], enabled: true } },
    ]);
    expect(calls.filter((c) => c.call.startsWith('session.setSpellChecker'))).toEqual([
      { call: 'session.setSpellCheckerLanguages', args: [['pt-BR']] },
      { call: 'session.setSpellCheckerEnabled', args: [true] },
    ]);
  });

  it('a maximized window is maximized when ready to show, never shown before', async () => {
    const userData = join(home, 'maximized');
    await mkdir(userData, { recursive: true });
    await writeFile(
      join(userData, 'window-state.json'),
      JSON.stringify({ x: 0, y: 0, width: 1000, height: 700, maximized: true }),
    );
    const { calls, status } = await startMain({ name: 'maximized' });
    expect(status).toBe(0);
    expect(names(calls)).toContain('BrowserWindow.maximize');
    expect(names(calls).filter((n) => n.endsWith('before ready-to-show'))).toEqual([]);
  });

  it('opens a file:// URI from the command line in the window and adds it to Open Recent', async () => {
    const srt = join(home, 'My Clips', 'talk é.en.srt');
    await mkdir(join(home, 'My Clips'), { recursive: true });
    await writeFile(srt, '1\n00:00:01,000 --> 00:00:02,000\nHello\n');
    const { calls, status, stderr } = await startMain({
      name: 'argv',
      args: [pathToFileURL(srt).href],
      exitOn: 'recent:talk é.en.srt',
    });
    expect(status, stderr).toBe(0);
    const opened = calls.find((c) => c.call === 'webContents.send' && c.args[0] === 'files:opened');
    expect(opened?.args[1]).toMatchObject({
      source: 'argv',
      files: [{ name: 'talk é.en.srt', kind: 'subtitles' }],
    });
    const menus = calls.filter((c) => c.call === 'Menu.setApplicationMenu');
    const recent = (menus.at(-1)?.args[0] as Record<string, string[]>)['File/Open Recent'];
    expect(recent).toContain('talk é.en.srt');
  });

  it('opens a window for a file opened while no window is open (macOS keeps running)', async () => {
    const video = join(home, 'later.mp4');
    await writeFile(video, '');
    const { calls, status, stderr } = await startMain({
      name: 'reopen',
      exitOn: 'files:opened',
      env: { CUELINE_STAND_IN_CLOSE_THEN_OPEN_FILE: video },
    });
    expect(status, stderr).toBe(0);
    const order = names(calls);
    const closed = order.indexOf('BrowserWindow.close');
    expect(closed).toBeGreaterThan(0);
    expect(order.slice(closed).filter((n) => n === 'new BrowserWindow')).toHaveLength(1);
    const opened = calls
      .slice(closed)
      .find((c) => c.call === 'webContents.send' && c.args[0] === 'files:opened');
    expect(opened?.args[1]).toMatchObject({ source: 'os', files: [{ name: 'later.mp4', kind: 'video' }] });
  });

  it('runs the CLI with no window when its first argument is a command', async () => {
    const { calls, status, stdout } = await startMain({ name: 'cli', args: ['--version'] });
    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(stdout).toMatch(/^ffmpeg: /m);
    expect(names(calls)).not.toContain('new BrowserWindow');
    expect(names(calls)).not.toContain('app.requestSingleInstanceLock');
    expect(calls.at(-1)).toEqual({ call: 'exit', args: [0] });

    const srt = join(home, 'cli.en.srt');
    await writeFile(srt, '1\n00:00:01,000 --> 00:00:02,000\nHelo there\n');
    const check = await startMain({ name: 'cli-check', args: ['check', srt] });
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/1 cues?/);
    // Spelling loads the Hunspell dictionary the main bundle leaves to node_modules.
    expect(check.stdout).toMatch(/“Helo” may be misspelled/);
  });
});
