// What the app knows about a media file after probing it. Pure data: built by
// main/services/media/probe.ts, checked by ./constraints.ts, shown by the UI and the CLI.

export interface Rational {
  num: number;
  den: number;
}

export interface VideoStreamInfo {
  codec: string;
  /** ffprobe's profile name, e.g. "High", "Main", "High 4:2:2"; null when unknown. */
  profile: string | null;
  pixFmt: string | null;
  width: number;
  height: number;
  /** Sample (pixel) aspect ratio; null when the file does not say (square pixels assumed). */
  sar: Rational | null;
  /** Display aspect ratio, width / height of the picture as shown. */
  dar: number;
  fps: Rational;
  /** ffprobe's field_order: progressive, tt, bb, tb, bt, unknown; null when absent. */
  fieldOrder: string | null;
  interlaced: boolean;
  /** true: leading pictures after a keyframe (open GOP); null: not enough keyframes to tell. */
  openGop: boolean | null;
  bitRate: number | null;
}

export interface AudioStreamInfo {
  codec: string;
  /** ffprobe's profile name, e.g. "LC", "HE-AAC", "Main"; null when unknown. */
  profile: string | null;
  channels: number;
  channelLayout: string | null;
  sampleRate: number;
  bitRate: number | null;
}

export interface MediaInfo {
  file: string;
  /** ffprobe's format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  container: string;
  durationMs: number;
  sizeBytes: number;
  bitRate: number | null;
  video: VideoStreamInfo | null;
  audio: AudioStreamInfo | null;
}

export function rationalValue(r: Rational): number {
  return r.den === 0 ? 0 : r.num / r.den;
}

/** Frames per second rounded for people: 29.97, 60, 119.88. */
export function formatFps(r: Rational): string {
  const v = rationalValue(r);
  return Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0+$/, '');
}

export function isSquarePixels(sar: Rational | null): boolean {
  return sar === null || sar.num === 0 || sar.num === sar.den;
}

/** One line per stream, for the CLI and logs. */
export function describeMedia(info: MediaInfo): string[] {
  const lines = [
    `file: ${info.file}`,
    `container: ${info.container}, ${(info.durationMs / 1000).toFixed(3)} s, ${info.sizeBytes} bytes` +
      (info.bitRate ? `, ${Math.round(info.bitRate / 1000)} kb/s` : ''),
  ];
  const v = info.video;
  if (v) {
    const sar = v.sar && !isSquarePixels(v.sar) ? `, SAR ${v.sar.num}:${v.sar.den}` : '';
    const gop = v.openGop === null ? 'GOP unknown' : v.openGop ? 'open GOP' : 'closed GOP';
    lines.push(
      `video: ${v.codec}${v.profile ? ` (${v.profile})` : ''}, ${v.pixFmt ?? '?'}, ${v.width}x${v.height}${sar}, ` +
        `${formatFps(v.fps)} fps, ${v.interlaced ? `interlaced (${v.fieldOrder ?? '?'})` : 'progressive'}, ${gop}`,
    );
  } else lines.push('video: none');
  const a = info.audio;
  if (a) {
    lines.push(
      `audio: ${a.codec}${a.profile ? ` (${a.profile})` : ''}, ${a.channels} ch` +
        `${a.channelLayout ? ` (${a.channelLayout})` : ''}, ${a.sampleRate} Hz` +
        (a.bitRate ? `, ${Math.round(a.bitRate / 1000)} kb/s` : ''),
    );
  } else lines.push('audio: none');
  return lines;
}
