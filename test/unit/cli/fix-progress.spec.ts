import { describe, expect, it } from 'vitest';
import { progressWriter } from '../../../main/cli/commands/fix.ts';

function sink(isTTY: boolean): { isTTY: boolean; write: (s: string) => boolean; text: () => string } {
  let out = '';
  return {
    isTTY,
    write: (s: string): boolean => {
      out += s;
      return true;
    },
    text: () => out,
  };
}

describe('fix progress output', () => {
  const events = [
    { outTimeMs: 500, durationMs: 2000, fraction: 0.25, speed: 3 },
    { outTimeMs: 510, durationMs: 2000, fraction: 0.255 },
    { outTimeMs: 2000, durationMs: 2000, fraction: 1, speed: 4.25 },
  ];

  it('draws one redrawn bar on a TTY, ending with a newline', () => {
    const s = sink(true);
    const w = progressWriter(s);
    for (const e of events) w.update(e);
    w.done();
    w.done();
    expect(s.text()).toBe(
      `\r[${'#'.repeat(8)}${'-'.repeat(22)}]  25% 0.5/2.0 s 3.0x` +
        `\r[${'#'.repeat(30)}] 100% 2.0/2.0 s 4.3x\n`,
    );
  });

  it('prints one plain line per whole percent otherwise', () => {
    const s = sink(false);
    const w = progressWriter(s);
    for (const e of events) w.update(e);
    w.done();
    expect(s.text()).toBe('progress 25% 0.5/2.0 s 3.0x\nprogress 100% 2.0/2.0 s 4.3x\n');
  });
});
