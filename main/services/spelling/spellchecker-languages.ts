// Caption tracks are tagged in BCP 47 ("en", "pt-BR", "es-419"); Electron's spellchecker (Hunspell
// on Windows/Linux) takes only the codes in `session.availableSpellCheckerLanguages` ("en-US",
// "en-GB", "es", "es-ES", "pt-BR", …) and throws on any other. This maps one to the other.

/** The spellchecker the window uses, as main/app hands it over (Electron's session in the app). */
export interface SpellCheckerPort {
  /** The codes the platform's spellchecker accepts (empty on macOS: the system chooses). */
  available(): readonly string[];
  setLanguages(languages: readonly string[]): void;
  setEnabled(enabled: boolean): void;
}

/** When a track says only "en" (or "pt"), the variant most captions in it are written in. */
const PREFERRED: Record<string, readonly string[]> = {
  en: ['en-US', 'en-GB'],
  pt: ['pt-BR', 'pt-PT'],
  es: ['es', 'es-ES', 'es-MX', 'es-419'],
  fr: ['fr', 'fr-FR'],
  de: ['de', 'de-DE'],
};

/** The available code closest to a BCP 47 tag: the same tag, then the same language, or null. */
export function spellCheckerLanguageFor(tag: string, available: readonly string[]): string | null {
  const lower = new Map(available.map((a) => [a.toLowerCase(), a]));
  const wanted = tag.trim().replace(/_/g, '-').toLowerCase();
  if (wanted === '') return null;
  const exact = lower.get(wanted);
  if (exact) return exact;
  const primary = wanted.split('-')[0] as string;
  for (const p of [primary, ...(PREFERRED[primary] ?? [])]) {
    const hit = lower.get(p.toLowerCase());
    if (hit) return hit;
  }
  return available.find((a) => a.toLowerCase().split('-')[0] === primary) ?? null;
}

/** The codes for a list of tags, each once, in order; tags without a dictionary are left out. */
export function spellCheckerLanguagesFor(tags: readonly string[], available: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const code = spellCheckerLanguageFor(t, available);
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}
