import type { Command } from 'commander';

/** Each CLI command lives in its own module and registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export interface CommandModule {
  /** Top-level command names that need this module registered. */
  names: readonly string[];
  load: () => Promise<RegisterCommand>;
}

// Modules load lazily: `cueline publish` never loads ffmpeg's waveform code or the captions
// benchmarks' parsers, which keeps the CLI's start-up time and resident memory down (the upload
// benchmark's peak-RSS target is measured on the CLI). `auth` is loaded with every command that
// signs requests, because it plugs the keychain accounts into the credential resolver.
export const commandModules: readonly CommandModule[] = [
  { names: ['probe'], load: async () => (await import('./probe.ts')).registerProbe },
  { names: ['fix'], load: async () => (await import('./fix.ts')).registerFix },
  { names: ['convert'], load: async () => (await import('./convert.ts')).registerConvert },
  { names: ['check'], load: async () => (await import('./check.ts')).registerCheck },
  {
    names: ['auth', 'publish', 'attach', 'detach', 'batch'],
    load: async () => (await import('./auth.ts')).registerAuth,
  },
  {
    names: ['publish', 'attach', 'detach'],
    load: async () => (await import('./publish.ts')).registerPublish,
  },
  { names: ['batch'], load: async () => (await import('./batch.ts')).registerBatch },
];

/** The modules a command line needs: those naming its command, or all of them (help, typos). */
export async function commandsFor(argv: readonly string[]): Promise<RegisterCommand[]> {
  const name = argv.slice(2).find((a) => !a.startsWith('-'));
  const wanted = commandModules.filter((m) => name !== undefined && m.names.includes(name));
  return Promise.all((wanted.length > 0 ? wanted : commandModules).map((m) => m.load()));
}
