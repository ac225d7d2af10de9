// Writing a caption file back in the encoding it came in (Subtitle Edit users expect a
// Windows-1252 file to stay Windows-1252). TextEncoder only writes UTF-8, so legacy encodings go
// through iconv-lite. A character the target encoding can't hold is an error naming its line,
// never a silent '?': the caller keeps the document and the user picks UTF-8 instead.
import iconv from 'iconv-lite';
import { CuelineError } from '../../../shared/errors.ts';

const UTF8 = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/** Encodes `text` in `encoding` (a WHATWG label as decodeCaptionBytes reports it); UTF-16 gets a BOM. */
export function encodeCaptionText(text: string, encoding = 'utf-8', fileName = 'captions'): Uint8Array {
  const label = encoding.trim().toLowerCase();
  if (UTF8.has(label)) return new TextEncoder().encode(text);
  if (!iconv.encodingExists(label))
    throw new CuelineError('encoding.unsupported', `${fileName}: cannot write the encoding "${encoding}"`, {
      encoding,
    });
  const bytes = iconv.encode(text, label, {
    addBOM: label.startsWith('utf-16') || label.startsWith('utf16'),
  });
  const back = iconv.decode(bytes, label);
  if (back !== text) {
    // Find the first character that didn't survive, and its line, for the message.
    let i = 0;
    while (i < text.length && text[i] === back[i]) i++;
    const line = text.slice(0, i).split('\n').length;
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0x3f);
    throw new CuelineError(
      'encoding.unrepresentable',
      `${fileName}:${line}: "${ch}" cannot be written in ${encoding}; save as UTF-8 instead`,
      { file: fileName, line, encoding, character: ch },
    );
  }
  return bytes;
}
