import type { Command } from 'commander';
import { registerFix } from './fix.ts';
import { registerProbe } from './probe.ts';

/** Each CLI command lives in its own module and registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [registerProbe, registerFix];
