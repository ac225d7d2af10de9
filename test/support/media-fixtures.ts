// Media generated at test time with ffmpeg's lavfi sources: nothing large is committed.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GenerateOptions {
  /** Seconds. */
  duration: number;
  width?: number;
  height?: number;
  fps?: number | string;
  /** Audio tone frequency in Hz; null for no audio track. */
  toneHz?: number | null;
  /** Extra output arguments placed before the file name (codecs, pix_fmt, …). */
  extra?: string[];
}

/** Writes a test video with ffmpeg from the machine's PATH (Debian's ffmpeg in CI). */
export async function generateVideo(out: string, o: GenerateOptions): Promise<string> {
  const w = o.width ?? 320;
  const h = o.height ?? 180;
  const fps = o.fps ?? 25;
  const args = ['-hide_banner', '-loglevel', 'error', '-y'];
  args.push('-f', 'lavfi', '-i', `testsrc2=size=${w}x${h}:rate=${fps}:duration=${o.duration}`);
  const tone = o.toneHz === undefined ? 440 : o.toneHz;
  if (tone !== null)
    args.push('-f', 'lavfi', '-i', `sine=frequency=${tone}:sample_rate=48000:duration=${o.duration}`);
  args.push(
    ...(o.extra ?? ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac']),
  );
  if (tone !== null) args.push('-shortest');
  args.push(out);
  await run('ffmpeg', args);
  return out;
}
