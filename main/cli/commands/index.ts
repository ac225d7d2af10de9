import type { Command } from 'commander';
import { registerCheck } from './check.ts';
import { registerConvert } from './convert.ts';
import { registerFix } from './fix.ts';
import { registerProbe } from './probe.ts';
import { registerAuth } from './auth.ts';
import { registerPublish } from './publish.ts';
import { registerBatch } from './batch.ts';

/** Each CLI command lives in its own module and registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerProbe,
  registerFix,
  registerConvert,
  registerCheck,
  registerAuth,
  registerPublish,
  registerBatch,
];
