// The language of a caption track from its cue text, for `<video>.srt` files whose name says
// none. eld (its small database) was chosen over franc, tinyld and cld3-asm: on short caption
// lines it is as accurate as the best of them (franc misreads most single lines), it loads
// synchronously without WASM, and it says when its guess is not reliable, which is what decides
// between "detected English" and "needs a language".
import { eld } from 'eld/small';
import { visibleText } from '../../../shared/captions/rules.ts';
import type { Track } from '../../../shared/captions/model.ts';
import { parseLanguageTag } from '../../../shared/captions/file-name.ts';

export interface DetectedLanguage {
  /** BCP 47 tag, or null when the text gave no guess at all. */
  tag: string | null;
  /** eld's own judgement: a guess from too little or too ambiguous text is not reliable. */
  confident: boolean;
}

/** Enough cue text for a guess, whatever the track's length. */
const MAX_CHARS = 2000;

export function detectTrackLanguage(track: Track): DetectedLanguage {
  let text = '';
  for (const c of track.cues) {
    if (text.length >= MAX_CHARS) break;
    text += `${visibleText(c.text)}\n`;
  }
  const r = eld.detect(text);
  const tag = r.language ? parseLanguageTag(r.language) : null;
  return { tag, confident: tag !== null && r.isReliable() };
}
