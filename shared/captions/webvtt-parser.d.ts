// Types for the parts of `webvtt-parser` (W3C's parser and validator, plain JS) that we use.
declare module 'webvtt-parser' {
  export interface WebVTTParsedCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
  }
  export interface WebVTTParseError {
    message: string;
    line: number;
    col?: number;
  }
  export interface WebVTTParseResult {
    cues: WebVTTParsedCue[];
    errors: WebVTTParseError[];
    styles: string[];
    time: number;
  }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'subtitles' | 'chapters' | 'metadata'): WebVTTParseResult;
  }
  // CommonJS with exports assigned inside an IIFE: Node's ESM loader only exposes the default export.
  const webvtt: { WebVTTParser: typeof WebVTTParser };
  export default webvtt;
}
