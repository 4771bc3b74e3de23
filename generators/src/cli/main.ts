/**
 * `xenabi`: argument parsing and dispatch, nothing more. Every command is a library call
 * tested without spawning a process; this file maps results and errors to exit codes:
 * 0 ok, 1 a finding, 2 bad input or usage.
 */
import { parseArgs } from 'node:util';
import { AbiInputError, formatDiagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { visibleLines } from '../diagnostics/visible.js';
import { OutputBusyError } from '../output/staging.js';
import { COMMON_OPTIONS, type Command } from './command.js';
import { EXIT_BAD_INPUT, UsageError, type CliIo } from './io.js';

/**
 * Every command, loaded only when it runs: `check` alone pulls in ajv and the rule catalogue,
 * which `generate` has no use for. A test keeps each summary equal to its command's own.
 */
export const COMMANDS: { name: string; summary: string; load: () => Promise<Command> }[] = [
  { name: 'generate', summary: 'write every generated output (C headers, bindings, docs) from abi/', load: async () => (await import('./commands/generate.js')).generateCommand },
  { name: 'export', summary: 'print the ABI of one Xen release as JSON (format xenabi-abi/1)', load: async () => (await import('./commands/export.js')).exportCommand },
  { name: 'layout', summary: "show a record's layout, pahole-style: offsets, sizes, holes", load: async () => (await import('./commands/layout.js')).layoutCommand },
  { name: 'site', summary: 'write the docs site: reference with layout diagrams, availability, rules, guides, search', load: async () => (await import('./commands/site.js')).siteCommand },
  { name: 'check', summary: 'compare a base ABI with the current one and report breaking changes', load: async () => (await import('./commands/check.js')).checkCommand },
  { name: 'import', summary: "draft ABI modules from Xen's C headers, for a person to finish", load: async () => (await import('./commands/import.js')).importCommand },
  { name: 'verify', summary: "compare the registry with a tree of Xen's own C headers, on four architectures", load: async () => (await import('./commands/verify.js')).verifyCommand },
];

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: xenabi <command> [options]

xenabi declares the Xen ABI once (abi/), lays it out on x86_32, x86_64, arm32 and arm64,
and generates C headers, bindings and docs from it.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`xenabi <command> --help\` for a command's options.
Exit codes: 0 ok, 1 a finding (stale output, a breaking change), 2 bad input or usage.
`;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const entry = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    const topic = entry ? await entry.load() : undefined;
    io.out(topic ? `${topic.help}\n` : mainHelp());
    return name === undefined ? EXIT_BAD_INPUT : 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.err(`xenabi: unknown command '${name}'\n\n${mainHelp()}`);
    return EXIT_BAD_INPUT;
  }
  const command = await entry.load();
  try {
    const parsed = parseArgs({ args: rest, options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    if (parsed.values.help) {
      io.out(`${command.help}\n`);
      return 0;
    }
    const { min, max } = command.positionals;
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
      throw new UsageError(max === 0 ? `takes no arguments (got ${parsed.positionals.join(' ')})` : `expects ${min === max ? min : `${min}–${max}`} argument(s)`);
    }
    return await command.run(parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] }, io);
  } catch (error) {
    return reportError(error, command, io);
  }
}

function reportError(error: unknown, command: Command, io: CliIo): number {
  if (error instanceof AbiInputError) {
    const errors = error.diagnostics.filter((d) => d.severity === 'error').length;
    io.err(`${sortDiagnostics(error.diagnostics).map(formatDiagnostic).join('\n')}\nxenabi ${command.name}: ${errors} error(s) in abi/; nothing was written\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof OutputBusyError) {
    io.err(`xenabi ${command.name}: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof UsageError || isParseArgsError(error)) {
    io.err(`xenabi ${command.name}: ${visibleLines((error as Error).message)}\nRun \`xenabi ${command.name} --help\` for usage.\n`);
    return EXIT_BAD_INPUT;
  }
  throw error;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return error instanceof TypeError && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
