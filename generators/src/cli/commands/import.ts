import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { visibleLines } from '../../diagnostics/visible.js';
import { clangProblem } from '../../headers/clang.js';
import { HeaderTreeError, locateHeaderTree, treeRelease } from '../../headers/tree.js';
import { ImportError, importHeaders } from '../../import/index.js';
import { EXPORTABLE_RELEASES } from '../../model/releases.js';
import type { Command } from '../command.js';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError } from '../io.js';

export const importCommand: Command = {
  name: 'import',
  summary: "draft ABI modules from Xen's C headers, for a person to finish",
  help: `Usage: xenabi import --xen-headers DIR [--header PATH]… [--out DIR] [--xen-version V]

Compiles Xen's public headers in DIR with clang on x86_32, x86_64, arm32 and arm64 (as
xenabi check does on header trees) and writes draft ABI modules in xenabi's schema language:
records with their members (unions, bit-fields, arrays, flexible arrays, guest handles,
inline and anonymous records), typedefs, constants grouped into op, flag and value sets by
prefix, and the stability tier from Xen's __XEN_TOOLS__/__XEN__ guards (a guest's items
in stable/, tools-only items in unstable/). Every doc is a TODO marker: Xen's comments are
not copied. Items of other headers that a drafted item needs are drafted too.

Options:
  --xen-headers DIR  the header tree (required), as for xenabi verify
  --header PATH      a header to draft, relative to the folder holding xen.h
                     (hvm/dm_op.h); repeat for several (default: every header)
  --out DIR          where to write stable/<module>.ts and unstable/<module>.ts
                     (default: xenabi-import); files already there are replaced
  --xen-version V    the release DIR holds: every item's since (default: read from a Xen
                     checkout's xen/Makefile; required for other trees)
  -h, --help         show this help

Prints what it wrote and what needs a person beyond the TODO docs: members whose C type
the registry cannot express (TODO_TYPE), records xenabi's layout engine lays out otherwise
than clang, unstable headers without an interface-version constant.
Exit codes: 0 written, 2 bad input or usage (nothing is written then).`,
  options: {
    'xen-headers': { type: 'string' },
    header: { type: 'string', multiple: true },
    out: { type: 'string' },
    'xen-version': { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const dir = values['xen-headers'] as string | undefined;
    if (dir === undefined) throw new UsageError('--xen-headers DIR is required');
    const headers = (values.header as unknown as string[] | undefined) ?? [];
    const out = resolve(io.cwd, (values.out as string | undefined) ?? 'xenabi-import');
    try {
      const tree = locateHeaderTree(dir, io.cwd);
      const release = (values['xen-version'] as string | undefined) ?? treeRelease(tree);
      if (release === undefined) throw new UsageError(`cannot tell which Xen release ${dir} holds; pass --xen-version V`);
      if (!EXPORTABLE_RELEASES.includes(release as never)) throw new UsageError(`--xen-version ${release}: choose one of ${EXPORTABLE_RELEASES.join(', ')}`);
      const problem = clangProblem();
      if (problem) throw new HeaderTreeError(problem);
      const command = ['xenabi import --xen-headers', dir, ...headers.flatMap((h) => ['--header', h])].join(' ');
      const result = await importHeaders(tree, { headers, release, command });
      for (const f of result.files) write(join(out, f.path), f.text);
      const shown = relative(io.cwd, out) || '.';
      io.out(`${result.files.map((f) => `wrote ${join(shown, f.path)}`).join('\n')}\n`);
      if (result.problems.length) io.out(`\nNeeds a person beyond the TODO docs:\n${result.problems.map((p) => `  ${p}`).join('\n')}\n`);
      return EXIT_OK;
    } catch (error) {
      if (error instanceof HeaderTreeError || error instanceof ImportError) {
        io.err(`xenabi import: ${visibleLines(error.message)}\n`);
        return EXIT_BAD_INPUT;
      }
      throw error;
    }
  },
};

/** Through a temp file and rename, so a reader never sees half a draft. */
function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}
