import { join } from 'node:path';
import { FORMATS, formatResult, type OutputFormat } from '../../check/index.js';
import { visibleLines } from '../../diagnostics/visible.js';
import { clangProblem } from '../../headers/clang.js';
import { HeaderTreeError, locateHeaderTree, treeRelease } from '../../headers/tree.js';
import { loadAbi } from '../../load/index.js';
import { ARCHES, isArch } from '../../model/arch.js';
import { EXPORTABLE_RELEASES } from '../../model/releases.js';
import type { Arch } from '../../model/types.js';
import { verifyHeaders } from '../../verify/index.js';
import type { Command } from '../command.js';
import { EXIT_BAD_INPUT, EXIT_FINDING, EXIT_OK, UsageError } from '../io.js';
import { findRoot } from '../root.js';
import { rulesUri, toolVersion } from './check.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary: "compare the registry with a tree of Xen's own C headers, on four architectures",
  help: `Usage: xenabi verify --xen-headers DIR [--xen-version V] [--arch A]… [--format F] [options]

Compiles Xen's public headers in DIR with clang for each architecture and compares every
record (size, alignment, typedef), member (offset, size, bit-field position, signedness),
typedef and constant (value, C type) the registry declares for release V with what the
compiler says. Tools mode (-D__XEN_TOOLS__) checks every item; plain mode (a guest's view,
at the tree's newest guest interface version) checks that every stable item is there, in
plain mode's layout (docs/verify.md).

DIR is Xen's public header folder (xen/include/public, /usr/include/xen), a folder holding it
as xen/ (/usr/include), or a Xen checkout.

Options:
  --xen-headers DIR  the header tree (required)
  --xen-version V    the release DIR holds, ${EXPORTABLE_RELEASES[0]} … ${EXPORTABLE_RELEASES.at(-1)} (default: read from a
                     Xen checkout's xen/Makefile; required for other trees)
  --arch A           x86_32, x86_64, arm32 or arm64; repeat for several (default: all four)
  --format F         text (default), json, github, markdown or sarif, as xenabi check
  --docs-url URL     where docs/rules/ is published, for links in sarif and markdown
  --root DIR         repository root (default: the nearest directory above with abi/)
  -h, --help         show this help

Exit codes: 0 the headers agree, 1 a disagreement, 2 bad input or usage (no clang,
no headers in DIR, unknown release).`,
  options: {
    'xen-headers': { type: 'string' },
    'xen-version': { type: 'string' },
    arch: { type: 'string', multiple: true },
    format: { type: 'string' },
    'docs-url': { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const str = (key: string) => values[key] as string | undefined;
    const format = (str('format') ?? 'text') as OutputFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`--format ${format}: choose one of ${FORMATS.join(', ')}`);
    const arches = archesOf(values.arch as unknown as string[] | undefined);
    const dir = str('xen-headers');
    if (dir === undefined) throw new UsageError('--xen-headers DIR is required');
    const root = findRoot(io.cwd, str('root'));
    try {
      const tree = locateHeaderTree(dir, io.cwd);
      const release = str('xen-version') ?? treeRelease(tree);
      if (release === undefined) throw new UsageError(`cannot tell which Xen release ${dir} holds; pass --xen-version V`);
      if (!EXPORTABLE_RELEASES.includes(release as never)) throw new UsageError(`--xen-version ${release}: choose one of ${EXPORTABLE_RELEASES.join(', ')}`);
      const problem = clangProblem();
      if (problem) throw new HeaderTreeError(problem);
      const { model } = await loadAbi(join(root, 'abi'), root);
      const result = await verifyHeaders(model, { tree, release, arches });
      io.out(formatResult(result, format, { color: io.isTty && !process.env.NO_COLOR, ruleUri: rulesUri(root, str('docs-url')), toolVersion: toolVersion(), command: 'xenabi verify' }));
      return result.summary.result === 'fail' ? EXIT_FINDING : EXIT_OK;
    } catch (error) {
      if (error instanceof HeaderTreeError) {
        io.err(`xenabi verify: ${visibleLines(error.message)}\n`);
        return EXIT_BAD_INPUT;
      }
      throw error;
    }
  },
};

function archesOf(given: string[] | undefined): Arch[] {
  if (!given?.length) return [...ARCHES];
  for (const a of given) if (!isArch(a)) throw new UsageError(`--arch ${a}: choose one of ${ARCHES.join(', ')}`);
  return ARCHES.filter((a) => given.includes(a));
}
