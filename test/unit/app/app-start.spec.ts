// What the OS hands the app at start: file URIs and folders, CLI mode, the right-click menu,
// and the order in which the media binaries are tried.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesFromArgv, pathOfArg } from '../../../main/app/argv.ts';
import { bundledMediaDir } from '../../../main/app/bundled-binaries.ts';
import { cliArgv } from '../../../main/app/cli-mode.ts';
import { contextMenuTemplate, type ContextMenuInput } from '../../../main/app/context-menu.ts';
import { candidatesFor, versionProblem } from '../../../main/services/media/binaries.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cueline-argv-'));
  await mkdir(join(dir, 'Clips 2026'));
  await writeFile(join(dir, 'Clips 2026', 'café talk.mp4'), '');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('filesFromArgv', () => {
  it('opens file:// URIs from Linux file managers (%U), percent-decoded', () => {
    const url = pathToFileURL(join(dir, 'Clips 2026', 'café talk.mp4')).href;
    expect(url).toContain('%20');
    expect(filesFromArgv(['/opt/Cueline/cueline', url], '/')).toEqual([
      join(dir, 'Clips 2026', 'café talk.mp4'),
    ]);
  });

  it('accepts folders (for batch), relative to the cwd, and skips other URI schemes', () => {
    expect(
      filesFromArgv(['/opt/Cueline/cueline', 'Clips 2026', 'https://x.com/a.mp4', '--flag'], dir),
    ).toEqual([join(dir, 'Clips 2026')]);
    expect(pathOfArg('https://x.com/a.mp4')).toBeNull();
    expect(pathOfArg('C:\\Users\\me\\a.mp4')).toBe('C:\\Users\\me\\a.mp4');
  });
});

describe('cliArgv', () => {
  it('runs the CLI when the first argument is a command or --version, packaged or not', () => {
    expect(cliArgv(['/opt/Cueline/cueline', 'check', 'a.srt'], false)).toEqual([
      '/opt/Cueline/cueline',
      'cueline',
      'check',
      'a.srt',
    ]);
    expect(cliArgv(['electron', '/src/cueline', '--version'], true)?.slice(2)).toEqual(['--version']);
  });

  it('opens the window for files, folders and no arguments', () => {
    expect(cliArgv(['/opt/Cueline/cueline'], false)).toBeNull();
    expect(cliArgv(['/opt/Cueline/cueline', 'talk.mp4'], false)).toBeNull();
    expect(cliArgv(['electron', '/src/cueline'], true)).toBeNull();
  });
});

describe('contextMenuTemplate', () => {
  const flags = {
    canUndo: true,
    canRedo: false,
    canCut: true,
    canCopy: true,
    canPaste: true,
    canSelectAll: true,
  };
  const base: ContextMenuInput = {
    misspelledWord: '',
    dictionarySuggestions: [],
    isEditable: true,
    selectionText: '',
    editFlags: { ...flags, canDelete: true, canEditRichly: false },
  };
  const replaced: string[] = [];
  const added: string[] = [];
  const actions = {
    replaceMisspelling: (w: string) => replaced.push(w),
    addToDictionary: (w: string) => added.push(w),
  };

  it('offers spelling suggestions and Add to Dictionary on a misspelled word', () => {
    const t = contextMenuTemplate(
      { ...base, misspelledWord: 'Teh', dictionarySuggestions: ['The', 'Tech'] },
      actions,
    );
    expect(t.slice(0, 3).map((i) => i.label)).toEqual(['The', 'Tech', 'Add “Teh” to Dictionary']);
    t[0]?.click?.({} as never, undefined, {} as never);
    t[2]?.click?.({} as never, undefined, {} as never);
    expect(replaced).toEqual(['The']);
    expect(added).toEqual(['Teh']);
  });

  it("gives text fields the platform's own undo and clipboard roles, as the page allows", () => {
    const t = contextMenuTemplate(base, actions);
    expect(t.filter((i) => i.role).map((i) => [i.role, i.enabled])).toEqual([
      ['undo', true],
      ['redo', false],
      ['cut', true],
      ['copy', true],
      ['paste', true],
      ['selectAll', true],
    ]);
  });

  it('offers Copy for selected text outside fields, and nothing on an empty spot', () => {
    expect(
      contextMenuTemplate({ ...base, isEditable: false, selectionText: 'hi' }, actions).map((i) => i.role),
    ).toEqual(['copy']);
    expect(contextMenuTemplate({ ...base, isEditable: false }, actions)).toEqual([]);
  });
});

describe('media binaries', () => {
  it('tries the setting, then CUELINE_FFMPEG, then the bundled build, then PATH', () => {
    const c = candidatesFor('ffmpeg', {
      ffmpegPath: '/mine/ffmpeg',
      env: { CUELINE_FFMPEG: '/env/ffmpeg' },
      bundledDir: bundledMediaDir('/app/resources'),
    });
    expect(c).toEqual([
      { source: 'setting', path: '/mine/ffmpeg' },
      { source: 'env', path: '/env/ffmpeg' },
      {
        source: 'bundled',
        path: join('/app/resources', 'ffmpeg', process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg'),
      },
      { source: 'path', path: process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg' },
    ]);
  });

  it('refuses builds older than ffmpeg 5.1 by their libavcodec, naming what was found', () => {
    const old =
      'ffmpeg version N-47683-g0e8eb07980-static\nlibavutil      56. 26.100\nlibavcodec     58. 42.104\n';
    expect(versionProblem(old)).toMatch(/N-47683.*libavcodec 58\.42.*older than ffmpeg 5\.1/);
    expect(
      versionProblem('ffmpeg version 5.1.9-0+deb12u1\nlibavcodec     59. 37.100 / 59. 37.100\n'),
    ).toBeNull();
    expect(versionProblem('ffmpeg version 7.1.1\nlibavcodec     61. 19.101\n')).toBeNull();
    expect(versionProblem('hello\n')).toBe('not an ffmpeg binary');
  });
});
