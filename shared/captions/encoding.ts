// Decoding caption bytes. Order: a pinned encoding (misdetection is a top complaint of Subtitle Edit
// users, so the user always has the last word) → BOM → UTF-16 without BOM (zero-byte pattern, before
// UTF-8: NUL-interleaved ASCII is valid UTF-8) → strict UTF-8 → chardet's statistical guess. Decoding is the platform TextDecoder (Node with full ICU,
// Chromium), so the same code runs in the renderer; chardet is pure JS (its fs helper is only used
// by detectFile and is swapped out for browsers by its package.json).
import chardet from 'chardet';
import { CuelineError } from '../errors.ts';

export interface DecodedText {
  text: string;
  /** WHATWG encoding name, e.g. `utf-8`, `utf-16le`, `windows-1252`, `shift_jis`. */
  encoding: string;
  /** 0…1; 1 for a BOM, valid UTF-8 or a pinned encoding. */
  confidence: number;
  pinned: boolean;
}

// Bytes chardet looks at; more adds time, not accuracy, for caption files.
const SAMPLE_BYTES = 256 * 1024;

function decoderFor(label: string, fatal: boolean): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null;
  }
}

function decodeWith(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  const d = decoderFor(label, fatal);
  if (!d) return null;
  try {
    return d.decode(bytes);
  } catch {
    return null;
  }
}

function bomEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return b[2] === 0 && b[3] === 0 ? 'utf-32le' : 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'utf-32be';
  return null;
}

/** UTF-16 without BOM: caption text is mostly ASCII, so every other byte is zero. */
function utf16ByZeros(b: Uint8Array): string | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZeros++;
    if (b[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function unsupported(name: string): CuelineError {
  return new CuelineError(
    'encoding.unsupported',
    `the text encoding ${name} is not supported; convert the file to UTF-8 or pin another encoding`,
    { encoding: name },
  );
}

/** Decodes caption file bytes; `opts.encoding` pins the encoding instead of detecting it. */
export function decodeCaptionBytes(bytes: Uint8Array, opts: { encoding?: string } = {}): DecodedText {
  if (opts.encoding) {
    const d = decoderFor(opts.encoding.trim(), true);
    if (!d)
      throw new CuelineError('encoding.unknown', `unknown text encoding "${opts.encoding}"`, {
        encoding: opts.encoding,
      });
    try {
      return { text: d.decode(bytes), encoding: d.encoding, confidence: 1, pinned: true };
    } catch {
      throw new CuelineError(
        'encoding.invalid',
        `the file is not valid ${d.encoding} (bytes that encoding cannot hold)`,
        { encoding: d.encoding },
        { hint: 'captions.encoding' },
      );
    }
  }

  const bom = bomEncoding(bytes);
  if (bom) {
    // TextDecoder strips the BOM itself; a broken sequence after a BOM becomes U+FFFD rather than failing.
    const text = decodeWith(bytes, bom, false);
    if (text === null) throw unsupported(bom.toUpperCase());
    return { text, encoding: bom, confidence: 1, pinned: false };
  }

  // The zero-byte pattern first: NUL-interleaved ASCII is valid UTF-8 too (it read as "1\0\n\0…").
  const utf16 = utf16ByZeros(bytes);
  if (utf16) {
    const text = decodeWith(bytes, utf16, true);
    if (text !== null) return { text, encoding: utf16, confidence: 0.9, pinned: false };
  }

  const utf8 = decodeWith(bytes, 'utf-8', true);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', confidence: 1, pinned: false };

  const sample = bytes.length > SAMPLE_BYTES ? bytes.subarray(0, SAMPLE_BYTES) : bytes;
  for (const match of chardet.analyse(sample)) {
    if (match.name === 'UTF-8' || match.name === 'ASCII') continue; // strict UTF-8 already failed
    const d = decoderFor(match.name, false);
    if (!d) continue; // e.g. UTF-32, ISO-2022-CN: no TextDecoder for them
    return { text: d.decode(bytes), encoding: d.encoding, confidence: match.confidence / 100, pinned: false };
  }
  // Nothing fits: Windows-1252 decodes any byte and is the commonest legacy encoding for captions.
  return {
    text: new TextDecoder('windows-1252').decode(bytes),
    encoding: 'windows-1252',
    confidence: 0.1,
    pinned: false,
  };
}
