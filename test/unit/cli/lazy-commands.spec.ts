import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { commandModules, commandsFor } from '../../../main/cli/commands/index.ts';

const names = async (argv: string[]): Promise<string[]> => {
  const program = new Command();
  for (const register of await commandsFor(argv)) register(program);
  return program.commands.map((c) => c.name()).sort();
};

describe('lazy command loading', () => {
  it('loads only what a command needs, plus auth for commands that sign requests', async () => {
    expect(await names(['node', 'cueline', 'probe', 'a.mp4'])).toEqual(['probe']);
    expect(await names(['node', 'cueline', '--json', 'check', 'a.srt'])).toEqual(['check']);
    expect(await names(['node', 'cueline', 'attach', '123'])).toEqual([
      'attach',
      'auth',
      'detach',
      'publish',
    ]);
    expect(await names(['node', 'cueline', 'batch', 'dir'])).toEqual(['auth', 'batch']);
  });

  it('loads every command for help and for unknown names, so both list them all', async () => {
    const all = await names(['node', 'cueline', '--help']);
    expect(await names(['node', 'cueline', 'publsh'])).toEqual(all);
    for (const m of commandModules) for (const n of m.names) expect(all).toContain(n);
  });
});
