import { EXPORTABLE_RELEASES, NEWEST_RELEASE, type KnownRelease } from '../../model/releases.js';
import { TypecheckError } from '../../generate/typecheck.js';
import { REGENERATE_COMMAND } from '../../output/pipeline.js';
import type { Command, ParsedArgs } from '../command.js';
import { EXIT_BAD_INPUT, EXIT_FINDING, EXIT_OK, UsageError, type CliIo } from '../io.js';
import { findRoot } from '../root.js';

export const generateCommand: Command = {
  name: 'generate',
  summary: 'write every generated output (C headers, bindings, docs) from abi/',
  help: `Usage: xenabi generate [--check] [--force] [--typecheck] [--root DIR]
       xenabi generate --xen-version V --out DIR [--typecheck] [--root DIR]

Loads the ABI modules under abi/, validates them, and writes every generated output.
Only files whose content changed are written; nothing is written when the ABI has errors.
Files are staged in .xenabi-staging/ and renamed into place together: a run that is killed
leaves the previous outputs or, once the next run has finished it, all the new ones.

Options:
  --check      write nothing; exit 1 and list the stale files if any output is out of date,
               and what an interrupted run left behind (.xenabi-staging/)
  --force      run every emitter and bundle abi/ afresh, ignoring the manifests and caches
  --typecheck  type-check the generated TypeScript package before writing anything (needs the
               typescript package, 5.8 or later); on a type error exit 2, nothing written.
               Off by default: xenabi's own tests type-check every release's package
  --xen-version V
               generate for Xen release V (${EXPORTABLE_RELEASES[0]} … ${EXPORTABLE_RELEASES.at(-1)}) instead of the newest,
               ${NEWEST_RELEASE}: exactly V's records, layouts and constant values; needs --out
  --out DIR    with --xen-version: write the outputs under DIR (same layout as the repository)
  --root DIR   repository root (default: the nearest directory above with abi/)
  -h, --help   show this help

Exit codes: 0 ok, 1 stale output (--check), 2 bad input or usage, or (--typecheck)
generated TypeScript that does not type-check.`,
  options: { check: { type: 'boolean' }, force: { type: 'boolean' }, typecheck: { type: 'boolean' }, 'xen-version': { type: 'string' }, out: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    try {
      return await run(args, io);
    } catch (error) {
      if (!(error instanceof TypecheckError)) throw error;
      io.err(`xenabi generate: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
  },
};

async function run({ values }: ParsedArgs, io: CliIo): Promise<number> {
  const root = findRoot(io.cwd, values.root as string | undefined);
  const release = values['xen-version'] as string | undefined;
  const typecheck = Boolean(values.typecheck);
  if (release !== undefined || values.out !== undefined) {
    if (release === undefined) throw new UsageError('--out goes with --xen-version');
    if (!EXPORTABLE_RELEASES.includes(release as never)) throw new UsageError(`--xen-version ${release}: choose one of ${EXPORTABLE_RELEASES.join(', ')}`);
    if (values.out === undefined) throw new UsageError('--xen-version needs --out DIR: the repository\'s own outputs always describe the newest release');
    if (values.check) throw new UsageError('--check compares the repository\'s outputs; it does not take --xen-version');
    const { generateRelease } = await import('../../generate/release.js');
    const { written, total, outDir } = await generateRelease(root, release as KnownRelease, values.out as string, { typecheck });
    io.out(`xenabi: Xen ${release}: ${written.length} of ${total} files written under ${outDir}\n`);
    return EXIT_OK;
  }
  if (values.check) {
    const { checkGenerated } = await import('../../generate/index.js');
    const { stale, total, leftovers } = await checkGenerated(root, { force: Boolean(values.force), typecheck });
    if (stale.length === 0 && leftovers.length === 0) {
      io.out(`xenabi: all ${total} generated files are up to date\n`);
      return EXIT_OK;
    }
    if (stale.length) io.err(`xenabi: ${stale.length} of ${total} generated files are stale:\n${stale.map((p) => `  ${p}\n`).join('')}`);
    if (leftovers.length) io.err(`xenabi: an interrupted xenabi generate left these behind:\n${leftovers.map((p) => `  ${p}\n`).join('')}`);
    io.err(`Run \`${REGENERATE_COMMAND}\` and commit the result.\n`);
    return EXIT_FINDING;
  }
  // Nothing changed since the last run (its stamp, `generate/stamp.ts`): neither the model nor an
  // emitter is loaded. `--force` and `--typecheck` always run in full.
  if (!values.force && !typecheck) {
    const total = (await import('../../generate/stamp.js')).upToDate(root);
    if (total !== undefined) {
      io.out(`xenabi: 0 of ${total} generated files written\n`);
      return EXIT_OK;
    }
  }
  const { generate } = await import('../../generate/index.js');
  const { written, total, recovery } = await generate(root, { force: Boolean(values.force), typecheck });
  if (recovery.kind === 'discarded') io.out('xenabi: discarded what an interrupted run had staged (its files were not yet in place)\n');
  if (recovery.kind === 'finished') io.out(`xenabi: finished putting in place the ${recovery.paths.length} file(s) an interrupted run had left staged\n`);
  io.out(`xenabi: ${written.length} of ${total} generated files written${written.length ? ':' : ''}\n${written.map((p) => `  ${p}\n`).join('')}`);
  return EXIT_OK;
}
