// X validates a subtitle file when it is associated with a video (400 on a bad file). This is an
// independent, strict check of UTF-8 SRT (and WebVTT): numbered cues, well-formed timings,
// end after start, cues in order, no empty text.
export function checkSubtitleFile(bytes: Buffer, mediaType: string): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'Subtitle file is not valid UTF-8.';
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const vtt = mediaType === 'text/vtt';
  let i = 0;
  if (vtt) {
    if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) return 'line 1: missing WEBVTT header.';
    i = 1;
    while (i < lines.length && lines[i] !== '') i++;
  }
  const time = vtt ? /^(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})$/ : /^(\d{2,}):(\d{2}):(\d{2}),(\d{3})$/;
  const ms = (s: string): number | null => {
    const m = time.exec(s.trim());
    if (!m) return null;
    const [h, mi, se, f] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3]), Number(m[4])];
    if (mi > 59 || se > 59) return null;
    return ((h * 60 + mi) * 60 + se) * 1000 + f;
  };
  let cues = 0;
  let lastStart = -1;
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
    if (i >= lines.length) break;
    if (!vtt) {
      if (!/^\d+$/.test((lines[i] ?? '').trim())) return `line ${i + 1}: expected a cue number.`;
      i++;
    } else if (!(lines[i] ?? '').includes('-->')) {
      if (/^(NOTE|STYLE|REGION)\b/.test(lines[i] ?? '')) {
        while (i < lines.length && (lines[i] ?? '').trim() !== '') i++;
        continue;
      }
      i++; // cue identifier
    }
    const timing = lines[i] ?? '';
    const parts = timing.split('-->');
    if (parts.length !== 2) return `line ${i + 1}: expected a timing line "start --> end".`;
    const start = ms(parts[0] ?? '');
    const end = ms((parts[1] ?? '').trim().split(/[ \t]+/)[0] ?? '');
    if (start === null || end === null) return `line ${i + 1}: malformed timestamp.`;
    if (end <= start) return `line ${i + 1}: cue ends before it starts.`;
    if (start < lastStart) return `line ${i + 1}: cues are out of order.`;
    lastStart = start;
    i++;
    let textLines = 0;
    while (i < lines.length && (lines[i] ?? '').trim() !== '') {
      textLines++;
      i++;
    }
    if (textLines === 0) return `line ${i}: cue has no text.`;
    cues++;
  }
  if (cues === 0) return 'Subtitle file has no cues.';
  return null;
}
