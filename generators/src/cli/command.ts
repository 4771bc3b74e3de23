import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** One `xenabi` sub-command: its help text, its options, and a run function. */
export interface Command {
  name: string;
  summary: string;
  /** Full `--help` text. */
  help: string;
  options: Options;
  /** How many positionals it takes. */
  positionals: { min: number; max: number };
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: Options = {
  help: { type: 'boolean', short: 'h' },
  root: { type: 'string' },
};
