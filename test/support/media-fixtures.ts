// Media generated at test time with ffmpeg's lavfi sources: nothing large is committed.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** H.264 encoded fast, in the pixel format every player and X accept. */
export const H264_FAST = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'] as const;

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

/**
 * A 440 Hz tone whose amplitude (0..1 of full scale) steps at the given times: for checking
 * waveform peaks. A tiny video track makes it a video like the app's real input.
 */
export async function generateToneSteps(
  out: string,
  steps: Array<{ seconds: number; amplitude: number }>,
  opts: { video?: boolean } = {},
): Promise<string> {
  const duration = steps.reduce((s, x) => s + x.seconds, 0);
  // Nested from the last step: if(lt(t,end0),a0,if(lt(t,end1),a1,…a_last)).
  let expr = String(steps[steps.length - 1]?.amplitude ?? 0);
  let end = duration;
  for (let i = steps.length - 2; i >= 0; i--) {
    end -= steps[i + 1]?.seconds ?? 0;
    expr = `if(lt(t,${end}),${steps[i]?.amplitude ?? 0},${expr})`;
  }
  const args = ['-hide_banner', '-loglevel', 'error', '-y'];
  if (opts.video !== false)
    args.push('-f', 'lavfi', '-i', `color=c=gray:size=64x36:rate=5:duration=${duration}`);
  args.push('-f', 'lavfi', '-i', `aevalsrc=exprs='(${expr})*sin(2*PI*440*t)':s=48000:d=${duration}`);
  if (opts.video !== false) args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p');
  args.push('-c:a', 'aac', '-b:a', '128k', out);
  await run('ffmpeg', args);
  return out;
}

/** Shots of distinct lavfi sources joined back to back: hard cuts at each boundary. */
export async function generateCuts(out: string, shotSeconds: number[]): Promise<string> {
  const sources = ['testsrc2', 'color=c=red', 'smptebars', 'color=c=blue', 'rgbtestsrc'];
  const parts = shotSeconds.map((d, i) => {
    const src = sources[i % sources.length] ?? 'testsrc2';
    return `${src}${src.includes('=') ? ':' : '='}size=160x90:rate=25:duration=${d}[s${i}]`;
  });
  const labels = shotSeconds.map((_, i) => `[s${i}]`).join('');
  const graph = `${parts.join(';')};${labels}concat=n=${shotSeconds.length}:v=1:a=0[v]`;
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-filter_complex',
    graph,
    '-map',
    '[v]',
    ...H264_FAST,
    out,
  ]);
  return out;
}

/**
 * A stream copy of `input` carrying a display rotation, as phones write portrait video.
 * ffmpeg ≤ 6.0 takes the `rotate` tag; newer releases need `-display_rotation` on the input.
 */
export async function rotateVideo(input: string, out: string, degrees: number): Promise<string> {
  const q = ['-hide_banner', '-loglevel', 'error', '-y'];
  try {
    await run('ffmpeg', [...q, '-display_rotation:v:0', String(degrees), '-i', input, '-c', 'copy', out]);
  } catch {
    await run('ffmpeg', [...q, '-i', input, '-c', 'copy', '-metadata:s:v:0', `rotate=${degrees}`, out]);
  }
  return out;
}
