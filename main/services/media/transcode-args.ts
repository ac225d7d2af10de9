// ffmpeg arguments for a TranscodePlan (shared/media/transcode-plan.ts).
import type { TranscodePlan } from '../../../shared/media/transcode-plan.ts';

export function videoFilters(plan: Exclude<TranscodePlan['video'], 'copy'>): string {
  const f: string[] = [];
  // bwdif (motion adaptive, one frame per frame) exists in the bundled 2018 build too.
  if (plan.deinterlace) f.push('bwdif=mode=send_frame:parity=auto:deint=all');
  if (plan.fps) f.push(`fps=${plan.fps.num}/${plan.fps.den}`);
  f.push(`scale=${plan.contentWidth}:${plan.contentHeight}`, 'setsar=1');
  if (plan.contentWidth !== plan.width || plan.contentHeight !== plan.height)
    f.push(`pad=${plan.width}:${plan.height}:(ow-iw)/2:(oh-ih)/2:black`);
  f.push('format=yuv420p');
  return f.join(',');
}

export function transcodeArgs(input: string, output: string, plan: TranscodePlan): string[] {
  const a = ['-hide_banner', '-nostdin', '-y', '-v', 'error', '-nostats', '-progress', 'pipe:1', '-i', input];
  a.push('-map', '0:V:0', '-map', '0:a:0?');
  const v = plan.video;
  if (v === 'copy') a.push('-c:v', 'copy');
  else
    a.push(
      '-vf',
      videoFilters(v),
      '-c:v',
      'libx264',
      '-profile:v',
      'high',
      '-pix_fmt',
      'yuv420p',
      '-preset',
      'veryfast',
      '-crf',
      '20',
      // X refuses open GOPs: a fixed, closed GOP (no scene-cut keyframes, no recovery points).
      '-g',
      String(v.gop),
      '-keyint_min',
      String(v.gop),
      '-sc_threshold',
      '0',
      '-flags',
      '+cgop',
    );
  const au = plan.audio;
  if (au === 'copy') a.push('-c:a', 'copy');
  else {
    a.push('-c:a', 'aac', '-profile:a', 'aac_low', '-b:a', String(au.bitRate), '-ac', String(au.channels));
    if (au.sampleRate) a.push('-ar', String(au.sampleRate));
  }
  // faststart: X (and players) read the index before the data.
  a.push('-sn', '-dn', '-map_metadata', '0', '-movflags', '+faststart', '-f', 'mp4', output);
  return a;
}
