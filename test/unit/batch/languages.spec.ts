import { describe, expect, it } from 'vitest';
import { languageFromSegment, languageFromUser } from '../../../main/services/batch/languages.ts';
import { fillPostTemplate, postTextProblem, postWeightedLength } from '../../../shared/x/post-text.ts';

describe('batch file-name languages', () => {
  it.each([
    ['en', 'en'],
    ['pt-BR', 'pt-BR'],
    ['pt_br', 'pt-BR'],
    ['eng', 'en'],
    ['English', 'en'],
    ['brazilian', 'pt-BR'],
    ['zh-Hant', 'zh-Hant'],
  ])('%s → %s', (seg, tag) => {
    expect(languageFromSegment(seg)).toBe(tag);
  });

  it.each(['sp', 'final', 'v2', 'new', ''])('%j is not a language', (seg) => {
    expect(languageFromSegment(seg)).toBeNull();
  });

  it('takes any well-formed tag a user types', () => {
    expect(languageFromUser('es-419')).toBe('es-419');
    expect(languageFromUser('not a tag')).toBeNull();
  });
});

describe('post text', () => {
  it('counts as X does: URLs 23, CJK and emoji 2', () => {
    expect(postWeightedLength('hello')).toBe(5);
    expect(postWeightedLength('see https://example.com/a/very/long/path/indeed')).toBe(4 + 23);
    expect(postWeightedLength('日本')).toBe(4);
    expect(postWeightedLength('🙂')).toBe(2);
    expect(postTextProblem('a'.repeat(280))).toBeNull();
    expect(postTextProblem('日'.repeat(141))).toMatch(/282 characters/);
    expect(postTextProblem('  ')).toMatch(/empty/);
  });

  it('fills the batch template', () => {
    expect(
      fillPostTemplate('{name} — {languages} ({file})', {
        name: 'launch',
        file: 'launch.mp4',
        languages: ['English', 'Español'],
      }),
    ).toBe('launch — English, Español (launch.mp4)');
  });
});
