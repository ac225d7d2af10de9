// The rule breakers, generated at test time (tiny: ≤ 2 s, small frames).
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateVideo } from '../../support/media-fixtures.ts';

const x264 = ['-c:v', 'libx264', '-preset', 'ultrafast'];

export interface Violator {
  name: string;
  /** Rule expected among the violations (errors), or null when the file should pass. */
  rule: string | null;
  /** Rule expected among the warnings. */
  warning?: string;
  fixable: boolean;
  make: (file: string) => Promise<unknown>;
}

export const VIOLATORS: Violator[] = [
  {
    name: 'fps120',
    rule: 'video.fps',
    fixable: true,
    make: (f) => generateVideo(f, { duration: 1, fps: 120, width: 160, height: 90 }),
  },
  {
    name: 'yuv422',
    rule: 'video.pix_fmt',
    fixable: true,
    make: (f) => generateVideo(f, { duration: 1, extra: [...x264, '-pix_fmt', 'yuv422p', '-c:a', 'aac'] }),
  },
  {
    name: 'interlaced',
    rule: 'video.interlaced',
    fixable: true,
    make: (f) =>
      generateVideo(f, {
        duration: 1,
        extra: [
          ...x264,
          '-flags',
          '+ildct+ilme',
          '-x264-params',
          'tff=1',
          '-pix_fmt',
          'yuv420p',
          '-c:a',
          'aac',
        ],
      }),
  },
  {
    // HE-AAC needs libfdk_aac, which Debian's ffmpeg lacks; AAC Main is another non-LC profile and
    // takes the same path (the unit tests cover the "HE-AAC" profile name).
    name: 'aac-main',
    rule: 'audio.profile',
    fixable: true,
    make: (f) =>
      generateVideo(f, {
        duration: 1,
        extra: [...x264, '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-profile:a', 'aac_main'],
      }),
  },
  {
    name: 'surround',
    rule: 'audio.channels',
    fixable: true,
    make: (f) =>
      generateVideo(f, { duration: 1, extra: [...x264, '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-ac', '6'] }),
  },
  {
    name: 'tall-1x4',
    rule: 'video.aspect',
    fixable: true,
    make: (f) => generateVideo(f, { duration: 1, width: 64, height: 256 }),
  },
  {
    name: 'big-2000',
    rule: 'video.too_large',
    fixable: true,
    make: (f) => generateVideo(f, { duration: 1, fps: 5, width: 2000, height: 2000 }),
  },
  {
    name: 'open-gop',
    rule: 'video.open_gop',
    fixable: true,
    make: (f) =>
      generateVideo(f, {
        duration: 3,
        extra: [
          '-c:v',
          'libx264',
          '-preset',
          'veryfast',
          '-bf',
          '2',
          '-x264-params',
          'open-gop=1:keyint=10:min-keyint=10:scenecut=0',
          '-pix_fmt',
          'yuv420p',
          '-c:a',
          'aac',
        ],
      }),
  },
  {
    name: 'no-audio',
    rule: null,
    warning: 'audio.missing',
    fixable: false,
    make: (f) => generateVideo(f, { duration: 1, toneHz: null }),
  },
  {
    name: 'short-0.3s',
    rule: 'duration.too_short',
    fixable: false,
    make: (f) => generateVideo(f, { duration: 0.3 }),
  },
];

/** Generates every violator into `dir`; returns name → file. */
export async function makeViolators(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const v of VIOLATORS) {
    const file = join(dir, `${v.name}.mp4`);
    await v.make(file);
    files.set(v.name, file);
  }
  return files;
}

/** A real video cut to 40% of its bytes (the index is at the end, as ffmpeg writes it). */
export async function makeTruncated(dir: string): Promise<string> {
  const whole = join(dir, 'whole.mp4');
  await generateVideo(whole, { duration: 1 });
  const bytes = await readFile(whole);
  const file = join(dir, 'truncated.mp4');
  await writeFile(file, bytes.subarray(0, Math.floor(bytes.length * 0.4)));
  return file;
}

export async function makeTextAsMp4(dir: string): Promise<string> {
  const txt = join(dir, 'notes.txt');
  await writeFile(txt, 'These are meeting notes, not a video.\n'.repeat(20));
  const file = join(dir, 'notes.mp4');
  await copyFile(txt, file);
  return file;
}
