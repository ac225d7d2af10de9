import type { Channels } from '../../../shared/ipc/contract.ts';
import { spellCheckerLanguagesFor } from '../../services/spelling/spellchecker-languages.ts';
import type { RouterDeps } from '../deps.ts';
import type { Handlers } from '../types.ts';

export function spellingHandlers(deps: RouterDeps): Pick<Handlers<Channels>, 'spelling:setLanguages'> {
  return {
    'spelling:setLanguages': ({ languages }) => {
      const port = deps.spellChecker;
      if (!port) return { applied: [], enabled: false };
      const available = port.available();
      // macOS: no list, the system's checker picks the language as the user types.
      if (available.length === 0) return { applied: [], enabled: true };
      const applied = spellCheckerLanguagesFor(languages, available);
      if (applied.length > 0) port.setLanguages(applied);
      port.setEnabled(applied.length > 0);
      return { applied, enabled: applied.length > 0 };
    },
  };
}
