// The media services, for the app's router and the CLI.
export { resolveBinaries } from './binaries.ts';
export type { Binaries, BinaryOptions, Tried } from './binaries.ts';
export { probe } from './probe.ts';
export type { ProbeOptions } from './probe.ts';
export { transcode } from './transcode.ts';
export type { TranscodeOptions, TranscodeProgress, TranscodeResult } from './transcode.ts';
export { waveform } from './waveform.ts';
export type { WaveformOptions, WaveformResult } from './waveform.ts';
export { thumbnails } from './thumbnails.ts';
export type { Thumbnail, ThumbnailOptions } from './thumbnails.ts';
export { shotChanges } from './shot-changes.ts';
export type { ShotChangeOptions } from './shot-changes.ts';
