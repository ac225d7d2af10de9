import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { readCaptionFile, writeCaptionFile } from '../../../main/services/captions/caption-file.ts';
import type { Track } from '../../../shared/captions/model.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cueline-caption-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const track: Track = {
  language: 'fr',
  label: 'French',
  cues: [{ id: '1', start: 0, end: 1500, text: 'Déjà vu' }],
};

describe('caption files', () => {
  it('reads legacy bytes and reports the encoding; writes UTF-8', async () => {
    const p = join(dir, 'a.fr.srt');
    writeFileSync(
      p,
      iconv.encode('1\r\n00:00:00,000 --> 00:00:01,500\r\nDéjà vu, ça coûte 5 €\r\n', 'windows-1252'),
    );
    const r = await readCaptionFile(p);
    expect(r.encoding.name).toBe('windows-1252');
    expect(r.encoding.pinned).toBe(false);
    expect(r.track.cues[0]?.text).toBe('Déjà vu, ça coûte 5 €');
    await writeCaptionFile(p, r.track);
    expect(readFileSync(p, 'utf8')).toBe('1\n00:00:00,000 --> 00:00:01,500\nDéjà vu, ça coûte 5 €\n\n');
    const pinned = await readCaptionFile(p, { encoding: 'utf-8', language: 'fr-CA' });
    expect(pinned.encoding).toEqual({ name: 'utf-8', confidence: 1, pinned: true });
    expect(pinned.track.language).toBe('fr-CA');
  });

  it('replaces a file atomically, keeping its permissions and leaving no temp file', async () => {
    const sub = join(dir, 'atomic');
    mkdirSync(sub);
    const p = join(sub, 'b.fr.vtt');
    writeFileSync(p, 'old');
    chmodSync(p, 0o600);
    const { notes } = await writeCaptionFile(p, track);
    expect(notes).toEqual([]);
    expect(readFileSync(p, 'utf8')).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nDéjà vu\n\n');
    expect(statSync(p).mode & 0o777).toBe(0o600);
    expect(readdirSync(sub)).toEqual(['b.fr.vtt']);
  });

  it('a failed write leaves the old file and no temp file', async () => {
    const sub = join(dir, 'fail');
    mkdirSync(sub);
    const p = join(sub, 'c.srt');
    mkdirSync(p); // a folder where the file should go: rename fails
    await expect(writeCaptionFile(p, track)).rejects.toMatchObject({ code: 'input.not_a_file' });
    expect(readdirSync(sub)).toEqual(['c.srt']);
  });

  it('refuses unknown formats and missing files with bad-input codes', async () => {
    await expect(writeCaptionFile(join(dir, 'x.txt'), track)).rejects.toMatchObject({ code: 'usage.format' });
    await expect(readCaptionFile(join(dir, 'nope.srt'))).rejects.toMatchObject({ code: 'input.not_found' });
  });
});

describe('caption files written in their own encoding', () => {
  it('keeps a Windows-1252 file Windows-1252', async () => {
    const p = join(dir, 'legacy.fr.srt');
    const text = 'Déjà vu, ça coûte 5 €';
    writeFileSync(p, iconv.encode(`1\n00:00:00,000 --> 00:00:01,500\n${text}\n`, 'windows-1252'));
    const r = await readCaptionFile(p);
    await writeCaptionFile(p, r.track, 'srt', { encoding: r.encoding.name });
    const raw = readFileSync(p);
    expect(raw.includes(iconv.encode(text, 'windows-1252'))).toBe(true);
    expect(raw.includes(Buffer.from(text, 'utf8'))).toBe(false);
    const again = await readCaptionFile(p);
    expect(again.encoding.name).toBe('windows-1252');
    expect(again.track).toEqual(r.track);
  });

  it('writes UTF-16 with its byte order mark so it reads back', async () => {
    const p = join(dir, 'wide.fr.srt');
    await writeCaptionFile(p, track, 'srt', { encoding: 'utf-16le' });
    const raw = readFileSync(p);
    expect([raw[0], raw[1]]).toEqual([0xff, 0xfe]);
    expect((await readCaptionFile(p)).track.cues[0]?.text).toBe('Déjà vu');
  });

  it('refuses a character the encoding cannot hold, naming the line, and leaves the file as it was', async () => {
    const p = join(dir, 'keep.fr.srt');
    writeFileSync(p, 'old content');
    const greek: Track = {
      ...track,
      cues: [...track.cues, { id: '2', start: 2000, end: 3000, text: 'Ωmega' }],
    };
    await expect(writeCaptionFile(p, greek, 'srt', { encoding: 'windows-1252' })).rejects.toMatchObject({
      code: 'encoding.unrepresentable',
      message: 'keep.fr.srt:7: "Ω" cannot be written in windows-1252; save as UTF-8 instead',
    });
    expect(readFileSync(p, 'utf8')).toBe('old content');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
