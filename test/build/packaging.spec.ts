// The packaging configuration, exercised offline: electron-builder packs `--linux dir` from
// electron-builder.yml against a stand-in Electron folder (the real one is a download this
// machine can't make) and the package is checked for what a user's install needs. The bundled
// ffmpeg comes through scripts/ffmpeg-bundle.ts from a local archive with its checksum.
import { listPackage } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { build, Platform, type Configuration } from 'electron-builder';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID } from '../../main/app/app-id.ts';
import { bundleDir, prepare, type FfmpegManifest } from '../../scripts/ffmpeg-bundle.ts';

const ROOT = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  homepage?: string;
  author?: { email?: string };
  desktopName?: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Configuration & {
  extraResources: { from: string; to: string; filter?: string[] }[];
};

let work: string;
let archive: string;
let archiveSha: string;
const which = (tool: string): string =>
  spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cueline-packaging-'));
  // An archive shaped like a release build: <dir>/bin/ffmpeg, <dir>/bin/ffprobe, <dir>/LICENSE.txt.
  const src = join(work, 'src', 'ffmpeg-test-linux64', 'bin');
  await mkdir(src, { recursive: true });
  await copyFile(which('ffmpeg'), join(src, 'ffmpeg'));
  await copyFile(which('ffprobe'), join(src, 'ffprobe'));
  await writeFile(join(src, '..', 'LICENSE.txt'), 'GPL\n');
  archive = join(work, 'ffmpeg-test-linux64.tar.xz');
  const tar = spawnSync('tar', ['-cJf', archive, '-C', join(work, 'src'), 'ffmpeg-test-linux64']);
  expect(tar.status).toBe(0);
  archiveSha = createHash('sha256')
    .update(await readFile(archive))
    .digest('hex');
  if (!existsSync(join(ROOT, 'out/main/index.js'))) {
    const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
  }
});
afterAll(() => rm(work, { recursive: true, force: true }));

const manifestFor = (sha256: string | null): FfmpegManifest => ({
  version: 'test',
  targets: {
    'linux-x64': [
      {
        url: pathToFileURL(archive).href,
        sha256,
        extract: {
          ffmpeg: 'ffmpeg-test-linux64/bin/ffmpeg',
          ffprobe: 'ffmpeg-test-linux64/bin/ffprobe',
          'LICENSE.txt': 'ffmpeg-test-linux64/LICENSE.txt',
        },
      },
    ],
  },
});

describe('the bundled ffmpeg (scripts/ffmpeg-bundle.ts)', () => {
  it('extracts a pinned archive whose checksum matches, executable, with its version', async () => {
    const dest = join(work, 'bundle-ok');
    await prepare({ manifest: manifestFor(archiveSha), target: 'linux-x64', dest });
    expect((await readdir(dest)).sort()).toEqual(['LICENSE.txt', 'VERSION', 'ffmpeg', 'ffprobe']);
    const r = spawnSync(join(dest, 'ffprobe'), ['-hide_banner', '-version'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^ffprobe version/);
  });

  it('refuses an archive with another checksum, or none pinned, and leaves the folder as it was', async () => {
    const dest = join(work, 'bundle-refused');
    await mkdir(dest);
    await writeFile(join(dest, 'ffmpeg'), 'previous');
    await expect(
      prepare({ manifest: manifestFor('0'.repeat(64)), target: 'linux-x64', dest }),
    ).rejects.toThrow(new RegExp(`sha256 ${archiveSha}, build/ffmpeg.json pins 0{64}; refusing it`));
    await expect(prepare({ manifest: manifestFor(null), target: 'linux-x64', dest })).rejects.toThrow(
      /no pinned sha256.*npm run ffmpeg:pin/,
    );
    expect(await readdir(dest)).toEqual(['ffmpeg']);
    expect(await readFile(join(dest, 'ffmpeg'), 'utf8')).toBe('previous');
  });

  it('electron-builder ships the folder that prepare writes', () => {
    const ffmpeg = config.extraResources.find((r) => r.to === 'ffmpeg');
    expect(join(ROOT, ffmpeg?.from.replace('${platform}-${arch}', 'linux-x64') ?? '')).toBe(
      bundleDir('linux-x64'),
    );
  });
});

describe('electron-builder --linux dir with a stand-in Electron', () => {
  let unpacked: string;
  let desktopEntry: string;

  beforeAll(async () => {
    // The stand-in Electron: a script carrying Electron's fuse sentinel and a wire of 9 fuses in
    // their shipped states, so electron-builder's fuse flipping runs as on the real binary.
    const dist = join(work, 'electron-dist');
    await mkdir(join(dist, 'resources'), { recursive: true });
    const wire = Buffer.concat([
      Buffer.from('#!/bin/sh\necho stand-in electron\nexit 0\n# '),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
      Buffer.from([1, 9]),
      Buffer.from('101100010'),
      Buffer.from('\n'),
    ]);
    await writeFile(join(dist, 'electron'), wire);
    await chmod(join(dist, 'electron'), 0o755);
    const ffmpegDir = join(work, 'ffmpeg-for-package');
    await prepare({ manifest: manifestFor(archiveSha), target: 'linux-x64', dest: ffmpegDir });
    const output = join(work, 'dist');
    // electron-builder's own desktop entry for this configuration (deb and AppImage write it).
    desktopEntry = join(work, 'cueline.desktop');
    const afterPack = join(work, 'after-pack.cjs');
    await writeFile(
      afterPack,
      `const { LinuxTargetHelper } = require(${JSON.stringify(require.resolve('app-builder-lib/out/targets/LinuxTargetHelper.js'))});
exports.default = async (ctx) => {
  await new LinuxTargetHelper(ctx.packager).writeDesktopEntry(ctx.packager.platformSpecificBuildOptions, undefined, ${JSON.stringify(desktopEntry)});
};
`,
    );
    // The configuration as a file of its own (a config object would be merged into
    // electron-builder.yml, not replace it), with the test's swaps: the stand-in Electron, a temp
    // output folder, the ffmpeg prepared above instead of build/ffmpeg/<platform>-<arch>.
    const configFile = join(work, 'electron-builder.json');
    await writeFile(
      configFile,
      JSON.stringify({
        ...config,
        electronDist: dist,
        directories: { ...config.directories, output },
        extraResources: config.extraResources.map((r) => (r.to === 'ffmpeg' ? { ...r, from: ffmpegDir } : r)),
        afterPack,
      }),
    );
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir'),
      config: configFile,
      publish: 'never',
    });
    unpacked = join(output, 'linux-unpacked');
  });

  it('packs out/ and the production dependencies into the asar, and nothing for development', () => {
    const files = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false });
    for (const f of [
      '/out/main/index.js',
      '/out/preload/preload.cjs',
      '/out/renderer/index.html',
      '/package.json',
    ])
      expect(files, f).toContain(f);
    for (const dep of Object.keys(pkg.dependencies)) expect(files, dep).toContain(`/node_modules/${dep}`);
    for (const dev of ['electron', 'vitest', 'svelte', 'electron-builder'])
      expect(files, dev).not.toContain(`/node_modules/${dev}`);
    expect(files.some((f) => f.startsWith('/out/cli'))).toBe(false);
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
  });

  it("unpacks the keychain's native module beside the asar", async () => {
    const dir = join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', '@napi-rs');
    const found = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.node'));
    expect(found.length).toBeGreaterThan(0);
  });

  it('ships ffmpeg and ffprobe in resources/ffmpeg, executable, and the cueline command in resources/bin', () => {
    for (const tool of ['ffmpeg', 'ffprobe']) {
      const path = join(unpacked, 'resources', 'ffmpeg', tool);
      accessSync(path, constants.X_OK);
      expect(spawnSync(path, ['-hide_banner', '-version'], { encoding: 'utf8' }).stdout).toMatch(
        new RegExp(`^${tool} version`),
      );
    }
    accessSync(join(unpacked, 'resources', 'bin', 'cueline'), constants.X_OK);
    expect(existsSync(join(unpacked, 'resources', 'bin', 'cueline.cmd'))).toBe(true);
  });

  it('flips the fuses: no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS, asar integrity and asar-only on', async () => {
    // @electron/fuses is CommonJS with const enums: the wire positions and '0'/'1' states by value.
    const fuses = (await getCurrentFuseWire(join(unpacked, 'cueline'))) as unknown as Record<number, number>;
    const [OFF, ON] = ['0'.charCodeAt(0), '1'.charCodeAt(0)];
    expect(fuses[0], 'RunAsNode').toBe(OFF);
    expect(fuses[1], 'EnableCookieEncryption').toBe(ON);
    expect(fuses[2], 'EnableNodeOptionsEnvironmentVariable').toBe(OFF);
    expect(fuses[3], 'EnableNodeCliInspectArguments').toBe(OFF);
    expect(fuses[4], 'EnableEmbeddedAsarIntegrityValidation').toBe(ON);
    expect(fuses[5], 'OnlyLoadAppFromAsar').toBe(ON);
    expect(fuses[7], 'GrantFileProtocolExtraPrivileges').toBe(OFF);
  });

  it('writes a desktop entry that opens URIs (%U), names the MIME types and matches the window (desktopName)', async () => {
    const entry = await readFile(desktopEntry, 'utf8');
    expect(entry).toMatch(/^Exec=.*cueline.* %U$/m);
    expect(entry).toMatch(/^MimeType=application\/x-subrip;text\/vtt;?$/m);
    expect(pkg.desktopName).toBe('cueline.desktop');
    expect(entry).toMatch(/^StartupWMClass=cueline$/m);
    expect(entry).toMatch(/^Name=Cueline$/m);
  });

  it('has what the deb needs: homepage, maintainer e-mail, the default dependencies (xdg-utils)', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author?.email).toMatch(/@/);
    // A `depends` list would replace electron-builder's defaults (GTK, NSS, xdg-utils, libsecret…).
    expect((config as { deb?: { depends?: unknown } }).deb?.depends).toBeUndefined();
    expect(config.appId).toBe(APP_ID);
  });
});
