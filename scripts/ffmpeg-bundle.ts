// The ffmpeg/ffprobe the packaged app bundles: build/ffmpeg.json pins each platform's archives by
// URL and SHA-256; `prepare` (part of `npm run dist`) fetches them, refuses any whose checksum
// differs, and extracts the tools into build/ffmpeg/<platform>-<arch>/, which electron-builder
// ships as resources/ffmpeg. `pin` records the checksums of the archives the URLs serve now:
// run it after changing the version, review the diff, commit.
//
//   node scripts/ffmpeg-bundle.ts prepare [--target linux-x64] [--manifest build/ffmpeg.json]
//   node scripts/ffmpeg-bundle.ts pin [--manifest build/ffmpeg.json]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const ROOT = join(import.meta.dirname, '..');
export const DEFAULT_MANIFEST = join(ROOT, 'build', 'ffmpeg.json');

const archive = z.object({
  url: z.url(),
  /** Hex SHA-256 of the archive; null until `pin` has recorded it. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  /** File name in the bundle folder → its path inside the archive. */
  extract: z.record(z.string().regex(/^[\w.-]+$/), z.string().min(1)),
});
export const manifestSchema = z.object({
  $comment: z.string().optional(),
  version: z.string().min(1),
  targets: z.record(z.string().regex(/^(linux|darwin|win32)-(x64|arm64)$/), z.array(archive).min(1)),
});
export type FfmpegManifest = z.output<typeof manifestSchema>;

export function readManifest(file = DEFAULT_MANIFEST): FfmpegManifest {
  return manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Where `prepare` puts a target's tools: electron-builder.yml's extraResources reads this folder. */
export function bundleDir(target: string, root = ROOT): string {
  return join(root, 'build', 'ffmpeg', target);
}

export function currentTarget(): string {
  return `${process.platform}-${process.arch}`;
}

async function download(url: string): Promise<Buffer> {
  if (url.startsWith('file:')) return readFileSync(fileURLToPath(url));
  const res = await fetch(url, { redirect: 'follow' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

function extractArchive(file: string, into: string): void {
  // tar reads .tar.xz everywhere, and .zip on Windows and macOS (bsdtar); GNU tar needs unzip.
  const zipOnGnu = file.endsWith('.zip') && process.platform === 'linux';
  const [cmd, args] = zipOnGnu
    ? ['unzip', ['-q', '-o', file, '-d', into]]
    : ['tar', ['-xf', file, '-C', into]];
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} could not extract ${file}: ${r.stderr || r.error?.message}`);
}

/**
 * Fetches, verifies and extracts one target's archives into `dest` (replaced whole, never half
 * written: the files land in a temp folder first). Refuses an archive without a pinned checksum
 * or with another one, before extracting anything.
 */
export async function prepare(o: {
  manifest: FfmpegManifest;
  target: string;
  dest: string;
}): Promise<string[]> {
  const archives = o.manifest.targets[o.target];
  if (!archives) throw new Error(`build/ffmpeg.json has no ffmpeg for ${o.target}`);
  const work = mkdtempSync(join(tmpdir(), 'cueline-ffmpeg-'));
  try {
    const staged = join(work, 'bundle');
    mkdirSync(staged);
    for (const [i, a] of archives.entries()) {
      if (!a.sha256)
        throw new Error(
          `${o.target}: ${a.url} has no pinned sha256 in build/ffmpeg.json; run \`npm run ffmpeg:pin\`, review, commit`,
        );
      const data = await download(a.url);
      const got = sha256(data);
      if (got !== a.sha256)
        throw new Error(
          `${o.target}: ${a.url} has sha256 ${got}, build/ffmpeg.json pins ${a.sha256}; refusing it`,
        );
      const name = a.url.split('/').pop() ?? `archive-${i}`;
      const file = join(work, `${i}-${name}`);
      writeFileSync(file, data);
      const unpacked = join(work, `x${i}`);
      mkdirSync(unpacked);
      extractArchive(file, unpacked);
      for (const [to, from] of Object.entries(a.extract)) {
        const src = resolve(unpacked, from);
        if (!src.startsWith(unpacked) || !existsSync(src))
          throw new Error(`${o.target}: ${name} has no ${from}`);
        copyFileSync(src, join(staged, to));
        if (!to.endsWith('.txt')) chmodSync(join(staged, to), 0o755);
      }
    }
    writeFileSync(join(staged, 'VERSION'), `ffmpeg ${o.manifest.version} (${o.target})\n`);
    rmSync(o.dest, { recursive: true, force: true });
    mkdirSync(dirname(o.dest), { recursive: true });
    renameSync(staged, o.dest);
    return Object.values(archives).flatMap((a) => Object.keys(a.extract));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Records the checksum of every archive as its URL serves it now. */
export async function pin(file: string): Promise<FfmpegManifest> {
  const manifest = readManifest(file);
  for (const archives of Object.values(manifest.targets))
    for (const a of archives) a.sha256 = sha256(await download(a.url));
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function cli(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const flag = (name: string): string | undefined => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const file = flag('--manifest') ?? DEFAULT_MANIFEST;
  if (command === 'prepare') {
    const target = flag('--target') ?? currentTarget();
    const dest = bundleDir(target);
    const files = await prepare({ manifest: readManifest(file), target, dest });
    process.stdout.write(`ffmpeg-bundle: ${files.join(', ')} → ${dest}\n`);
  } else if (command === 'pin') {
    const m = await pin(file);
    process.stdout.write(
      `ffmpeg-bundle: pinned ${Object.keys(m.targets).join(', ')} (ffmpeg ${m.version})\n`,
    );
  } else {
    throw new Error('usage: ffmpeg-bundle.ts prepare [--target T] | pin');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`ffmpeg-bundle: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
