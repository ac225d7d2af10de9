// The caption commands end to end: `node bin/cueline.mjs` on the committed fixtures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCaptions } from '../../shared/captions/read.ts';
import { visibleText } from '../../shared/captions/rules.ts';

const bin = fileURLToPath(new URL('../../bin/cueline.mjs', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/captions', import.meta.url));
let dir = '';
const at = (name: string): string => join(dir, name);
const cueline = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CUELINE_HOME: dir },
  });
const read = (name: string) => parseCaptions(readFileSync(at(name), 'utf8'), { fileName: name });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cueline-captions-'));
  cpSync(fixtures, dir, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cueline convert', () => {
  it('SRT → WebVTT → SRT keeps every cue, time and visible text', () => {
    const a = cueline('convert', at('clip.en.srt'), at('clip.en.vtt'));
    expect(a.status).toBe(0);
    expect(a.stdout).toMatch(/5 cues, srt \(utf-8\) → vtt \(utf-8\)/);
    // <font> has no WebVTT equivalent: said on stderr, not silently dropped.
    expect(a.stderr).toMatch(/note: 1 cue\(s\) lose <font> tags/);
    expect(readFileSync(at('clip.en.vtt'), 'utf8')).toMatch(/^WEBVTT\n\n00:00:01\.000 --> 00:00:03\.200\n/);
    const b = cueline('convert', at('clip.en.vtt'), at('back.en.srt'));
    expect(b.status).toBe(0);
    const original = read('clip.en.srt').track.cues;
    const back = read('back.en.srt').track.cues;
    expect(back.map((c) => [c.id, c.start, c.end, visibleText(c.text)])).toEqual(
      original.map((c) => [c.id, c.start, c.end, visibleText(c.text)]),
    );
    expect(back[0]?.text).toBe('<i>Where were you</i>\nlast night?');
    // Output is clean UTF-8 SRT: no BOM, LF line ends.
    const bytes = readFileSync(at('back.en.srt'));
    expect(bytes[0]).toBe(0x31);
    expect(bytes.includes(0x0d)).toBe(false);
  });

  it('WebVTT → WebVTT keeps the file as written; → SRT lists what SRT cannot hold', () => {
    expect(cueline('convert', at('clip.fr.vtt'), at('copy.fr.vtt')).status).toBe(0);
    expect(readFileSync(at('copy.fr.vtt'), 'utf8')).toBe(
      readFileSync(at('clip.fr.vtt'), 'utf8').replace('&nbsp;', '\u00a0') + '\n',
    );
    const r = cueline('convert', at('clip.fr.vtt'), at('clip.fr.srt'));
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/2 cue\(s\) lose their WebVTT positioning/);
    expect(r.stderr).toMatch(/4 WebVTT NOTE\/STYLE\/REGION block\(s\) dropped/);
  });

  it('decodes legacy encodings and writes UTF-8; the encoding can be pinned', () => {
    const r = cueline('convert', at('legacy-cp1252.fr.srt'), at('utf8.fr.srt'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\(windows-1252\)/);
    expect(readFileSync(at('utf8.fr.srt'), 'utf8')).toContain('Déjà vu, garçon — «ça» coûte 5 €.');
    const sjis = cueline('convert', at('legacy-sjis.ja.srt'), at('utf8.ja.vtt'));
    expect(readFileSync(at('utf8.ja.vtt'), 'utf8')).toContain('今日はいい天気ですね。');
    expect(sjis.status).toBe(0);
    const pinned = cueline(
      'convert',
      '--encoding',
      'iso-8859-7',
      at('legacy-cp1252.fr.srt'),
      at('greek.srt'),
    );
    expect(pinned.status).toBe(0);
    expect(pinned.stdout).toMatch(/iso-8859-7, pinned/);
    expect(readFileSync(at('greek.srt'), 'utf8')).not.toContain('Déjà');
  });

  it('malformed input: exit 2, the message names file and line, an existing output is untouched', () => {
    writeFileSync(at('keep.srt'), 'precious');
    const r = cueline('convert', at('malformed-times.en.srt'), at('keep.srt'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `${at('malformed-times.en.srt')}:6: end time 00:00:03,000 is before start 00:00:03,500 (and 1 more error)`,
    );
    expect(readFileSync(at('keep.srt'), 'utf8')).toBe('precious');
    const v = cueline('convert', at('malformed.vtt'), at('never.srt'));
    expect(v.status).toBe(2);
    expect(v.stderr).toContain(`${at('malformed.vtt')}:6: text outside a cue: "lonely-id"`);
    expect(existsSync(at('never.srt'))).toBe(false);
    // check is the strict reader: the W3C validator's words.
    const c = cueline('check', at('malformed.vtt'));
    expect(c.status).toBe(2);
    expect(c.stderr).toContain(`${at('malformed.vtt')}:6: Cue identifier cannot be standalone.`);
  });

  it('usage errors exit 2', () => {
    expect(cueline('convert', at('clip.en.srt'), at('out.txt')).status).toBe(2);
    expect(cueline('convert', at('missing.srt'), at('out.vtt')).stderr).toMatch(/missing\.srt: no such file/);
    expect(cueline('convert', '--encoding', 'nope-9', at('clip.en.srt'), at('o.vtt')).status).toBe(2);
  });
});

describe('cueline check', () => {
  it('a clean file passes (exit 0) with a summary', () => {
    writeFileSync(
      at('clean.en.srt'),
      '1\n00:00:01,000 --> 00:00:03,000\nHello there.\n\n2\n00:00:03,500 --> 00:00:05,500\nHow are you?\n',
    );
    const r = cueline('check', at('clean.en.srt'));
    expect(r.stdout).toMatch(/2 cues, srt, utf-8, language en, preset netflix-adult/);
    expect(r.stdout).toMatch(/0 error\(s\), 0 warning\(s\), 0 info/);
    expect(r.status).toBe(0);
  });

  it('error findings exit 1; --json is machine-readable; limits and presets apply', () => {
    const table = cueline('check', at('clip.en.srt'), '--max-chars', '10');
    expect(table.status).toBe(1);
    expect(table.stdout).toMatch(/^cue\s+line\s+start\s+severity\s+rule\s+message$/m);
    expect(table.stdout).toMatch(
      /^1\s+2\s+00:00:01,000\s+error\s+line-length\s+line 1 has 14 characters > 10$/m,
    );
    expect(table.stderr).toMatch(/clip\.en\.srt:8: warning: 2 cue number\(s\) missing or out of sequence/);

    const json = cueline('check', at('clip.en.srt'), '--json', '--preset', 'dcmp');
    expect(json.status).toBe(1);
    const out = JSON.parse(json.stdout) as {
      cues: number;
      preset: string;
      settings: { maxCharsPerLine: number };
      findings: { rule: string; severity: string; cueIndex: number }[];
      summary: { error: number };
    };
    expect(out.cues).toBe(5);
    expect(out.preset).toBe('dcmp');
    expect(out.settings.maxCharsPerLine).toBe(32);
    expect(out.findings).toContainEqual(expect.objectContaining({ rule: 'min-duration', cueIndex: 2 }));
    expect(out.summary.error).toBe(out.findings.filter((f) => f.severity === 'error').length);

    const lenient = cueline('check', at('clip.en.srt'), '--max-cps', '100', '--min-duration', '100');
    expect(lenient.status).toBe(0);
  });

  it("spelling in the track's language: located on the line of the word, warnings only", () => {
    writeFileSync(
      at('trial.en.srt'),
      '1\n00:00:01,000 --> 00:00:02,990\nTeh mayor said hello\n\n2\n00:00:03,500 --> 00:00:05,500\nGood morning,\nevery mornign\n',
    );
    const r = cueline('check', at('trial.en.srt'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^1\s+3\s+00:00:01,000\s+warning\s+spelling\s+“Teh” may be misspelled$/m);
    expect(r.stdout).toMatch(/^2\s+8\s+00:00:03,500\s+warning\s+spelling\s+“mornign” may be misspelled$/m);
    expect(r.stdout).not.toMatch(/“(mayor|morning|every)”/);

    const json = JSON.parse(cueline('check', at('trial.en.srt'), '--json').stdout) as {
      spelling: string;
      findings: { rule: string; word?: string; line: number; cueIndex: number }[];
    };
    expect(json.spelling).toBe('checked');
    expect(json.findings.filter((f) => f.rule === 'spelling')).toEqual([
      expect.objectContaining({ word: 'Teh', line: 3, cueIndex: 0 }),
      expect.objectContaining({ word: 'mornign', line: 8, cueIndex: 1 }),
    ]);

    const off = cueline('check', at('trial.en.srt'), '--no-spelling');
    expect(off.stdout).not.toMatch(/spelling/);
  });

  it("spelling takes the app's dictionary and a word list; says when it has no dictionary", () => {
    const home = at('spell-home');
    mkdirSync(home, { recursive: true });
    // What "Add to dictionary" in the app keeps.
    writeFileSync(join(home, 'settings.json'), JSON.stringify({ editor: { userWords: ['Mornign'] } }));
    writeFileSync(at('words.txt'), '# names\nteh\n');
    const withHome = (...args: string[]) =>
      spawnSync(process.execPath, [bin, ...args], {
        encoding: 'utf8',
        env: { ...process.env, CUELINE_HOME: home },
      });
    const r = withHome('check', at('trial.en.srt'), '--dictionary', at('words.txt'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/spelling/);
    const missing = withHome('check', at('trial.en.srt'), '--dictionary', at('nope.txt'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.txt: no such file/);

    writeFileSync(at('talk.ja.srt'), '1\n00:00:01,000 --> 00:00:02,990\nこんにちは\n');
    const ja = cueline('check', at('talk.ja.srt'));
    expect(ja.status).toBe(0);
    expect(ja.stderr).toMatch(/talk\.ja\.srt: spelling not checked: no dictionary for language ja/);
  });

  it('bad input exits 2 naming file and line; bad options exit 2', () => {
    const r = cueline('check', at('malformed-structure.srt'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${at('malformed-structure.srt')}:5: text outside a cue`);
    expect(cueline('check', at('clip.en.srt'), '--preset', 'nope').status).toBe(2);
    expect(cueline('check', at('clip.en.srt'), '--max-cps', '-3').status).toBe(2);
    expect(cueline('check', at('clip.en.srt'), '--frame-rate', 'fast').status).toBe(2);
  });
});
