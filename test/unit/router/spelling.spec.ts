import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppRouter } from '../../../main/router/app-router.ts';
import type { Router } from '../../../main/router/router.ts';
import {
  spellCheckerLanguageFor,
  spellCheckerLanguagesFor,
} from '../../../main/services/spelling/spellchecker-languages.ts';
import { createWorkspace } from '../../../main/services/workspace/workspace.ts';
import { DialogsDouble } from '../../e2e/harness/dialogs-double.ts';
import { ELECTRON_LINUX_LANGUAGES, SpellCheckerDouble } from '../../e2e/harness/spellchecker-double.ts';
import { testAppInfo } from '../../support/app-info.ts';

describe('spellCheckerLanguageFor', () => {
  const linux = ELECTRON_LINUX_LANGUAGES;
  it.each([
    ['en', 'en-US'],
    ['en-GB', 'en-GB'],
    ['EN_us', 'en-US'],
    ['en-IE', 'en-US'],
    ['es', 'es'],
    ['es-MX', 'es-MX'],
    ['es-CO', 'es'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-PT'],
    ['fr-CA', 'fr'],
    ['de-AT', 'de'],
    ['ja', null],
    ['', null],
  ])('%s → %s', (tag, code) => {
    expect(spellCheckerLanguageFor(tag, linux)).toBe(code);
  });

  it('takes any variant of the language when neither the tag nor a preferred one is offered', () => {
    expect(spellCheckerLanguageFor('en', ['de-DE', 'en-AU'])).toBe('en-AU');
    expect(spellCheckerLanguageFor('nl-BE', ['nl-NL'])).toBe('nl-NL');
  });

  it('lists each code once, in order, without the tags it has no dictionary for', () => {
    expect(spellCheckerLanguagesFor(['en-US', 'ja', 'en', 'fr'], linux)).toEqual(['en-US', 'fr']);
  });
});

describe('spelling:setLanguages', () => {
  let dir = '';
  let spell: SpellCheckerDouble;
  const routerWith = (checker?: SpellCheckerDouble): Router =>
    createAppRouter({
      workspace: createWorkspace({ userData: join(dir, 'home'), cache: join(dir, 'cache') }),
      dialogs: new DialogsDouble(),
      mediaUrl: (id) => id,
      appInfo: testAppInfo('0'),
      router: { validateResponses: true, log: () => undefined },
      ...(checker ? { spellChecker: checker } : {}),
    });
  const ctx = { sink: { id: 'w', isClosed: () => false, send: () => undefined } };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cueline-spell-'));
    spell = new SpellCheckerDouble();
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("sets the spellchecker to the track's language, mapped to a code the platform has", async () => {
    const r = await routerWith(spell).invoke('spelling:setLanguages', { languages: ['pt'] }, ctx);
    expect(r).toEqual({ ok: true, value: { applied: ['pt-BR'], enabled: true } });
    expect(spell.languages).toEqual([['pt-BR']]);
    expect(spell.enabled).toEqual([true]);
  });

  it('switches the checker off for a language it has no dictionary for, and on again', async () => {
    const router = routerWith(spell);
    await router.invoke('spelling:setLanguages', { languages: ['ja'] }, ctx);
    await router.invoke('spelling:setLanguages', { languages: ['es-ES'] }, ctx);
    expect(spell.languages).toEqual([['es-ES']]);
    expect(spell.enabled).toEqual([false, true]);
  });

  it("leaves macOS's checker (no list: the system picks) as it is", async () => {
    const mac = new SpellCheckerDouble([]);
    const r = await routerWith(mac).invoke('spelling:setLanguages', { languages: ['fr'] }, ctx);
    expect(r).toEqual({ ok: true, value: { applied: [], enabled: true } });
    expect([mac.languages, mac.enabled]).toEqual([[], []]);
  });

  it('does nothing where the host has no spellchecker, and refuses a malformed request', async () => {
    const router = routerWith();
    expect(await router.invoke('spelling:setLanguages', { languages: ['en'] }, ctx)).toEqual({
      ok: true,
      value: { applied: [], enabled: false },
    });
    const bad = await routerWith(spell).invoke('spelling:setLanguages', { languages: 'en' }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'ipc.invalid_payload' } });
    expect(spell.languages).toEqual([]);
  });
});
