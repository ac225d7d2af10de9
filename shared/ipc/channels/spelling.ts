// The window's own spellchecker (Electron's: squiggles and suggestions in the text editors). The
// renderer names the active track's language; main picks the closest of the languages the
// platform's spellchecker has and answers which it set. Where none matches, the checker is off
// (squiggles under every word of another language help nobody); on macOS the system's checker
// chooses the language itself and is left as it is.
import { z } from 'zod';
import { call } from '../define.ts';

export const spellingChannels = {
  'spelling:setLanguages': call(
    z.object({ languages: z.array(z.string().min(1).max(35)).max(8) }),
    z.object({ applied: z.array(z.string()), enabled: z.boolean() }),
  ),
};
