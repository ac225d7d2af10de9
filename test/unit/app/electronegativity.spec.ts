import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsFromSarif, isAllowed, judge, type AllowEntry } from '../../../scripts/electronegativity.ts';

const sarif = {
  runs: [
    {
      results: [
        {
          ruleId: 'SANDBOX_JS_CHECK',
          level: 'warning',
          message: { text: 'Use sandbox' },
          locations: [
            { physicalLocation: { artifactLocation: { uri: 'app/window.ts' }, region: { startLine: 15 } } },
          ],
        },
        {
          ruleId: 'CSP_GLOBAL_CHECK',
          message: { text: 'No CSP' },
          locations: [
            { physicalLocation: { artifactLocation: { uri: 'file:///' }, region: { startLine: 1 } } },
          ],
        },
      ],
    },
  ],
};

describe('electronegativity gate', () => {
  const allow: AllowEntry[] = [
    { check: 'CSP_GLOBAL_CHECK', target: '*', reason: 'header set by the protocol handler' },
    { check: 'SANDBOX_JS_CHECK', target: 'main', file: 'app/other.ts', reason: 'a different file entirely' },
  ];

  it('reads SARIF findings with their files', () => {
    expect(findingsFromSarif('main', sarif)).toEqual([
      { target: 'main', check: 'SANDBOX_JS_CHECK', file: 'app/window.ts', line: 15, message: 'Use sandbox' },
      { target: 'main', check: 'CSP_GLOBAL_CHECK', file: '', line: 1, message: 'No CSP' },
    ]);
  });

  it('allows only what an entry names: check, target and file', () => {
    const [sandbox, csp] = findingsFromSarif('main', sarif);
    expect(isAllowed(csp!, allow)).toBe(allow[0]);
    expect(isAllowed(sandbox!, allow)).toBeUndefined();
    expect(isAllowed({ ...sandbox!, file: 'app/other.ts' }, allow)).toBe(allow[1]);
    expect(isAllowed({ ...sandbox!, file: 'app/other.ts', target: 'out' }, allow)).toBeUndefined();
  });

  it('caps an entry at max findings, so a new call site fails, and lists unused entries', () => {
    const f = findingsFromSarif('main', sarif)[0]!;
    const entry: AllowEntry = {
      check: f.check,
      target: 'main',
      file: f.file,
      max: 1,
      reason: 'one reviewed call site',
    };
    const { verdicts, unused } = judge([f, { ...f, line: 40 }], [entry, allow[0]!]);
    expect(verdicts.map((v) => v.allowed)).toEqual([true, false]);
    expect(unused).toEqual([allow[0]]);
  });

  it('has a reason for every committed exception', () => {
    const committed = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../scripts/electronegativity-allow.json'), 'utf8'),
    ) as AllowEntry[];
    for (const a of committed) expect(a.reason.length, a.check).toBeGreaterThan(40);
    // Call-site checks are capped so a new openExternal needs its own review.
    for (const a of committed.filter((e) => e.check === 'OPEN_EXTERNAL_JS_CHECK'))
      expect(a.max).toBeDefined();
  });
});
