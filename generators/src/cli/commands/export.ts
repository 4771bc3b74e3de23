import { join } from 'node:path';
import { exportAbi, type NamespaceFilter } from '../../export/abi-json.js';
import { loadAbi } from '../../load/index.js';
import { EXPORTABLE_RELEASES, NEWEST_RELEASE } from '../../model/releases.js';
import { atRelease } from '../../select/release.js';
import type { Command } from '../command.js';
import { EXIT_OK, UsageError } from '../io.js';
import { findRoot } from '../root.js';

const NAMESPACES: readonly NamespaceFilter[] = ['stable', 'unstable', 'linux', 'all'];

export const exportCommand: Command = {
  name: 'export',
  summary: 'print the ABI of one Xen release as JSON (format xenabi-abi/1)',
  help: `Usage: xenabi export [--xen-version V] [--namespace stable|unstable|linux|all] [--root DIR]

Prints the ABI as JSON in the xenabi-abi/1 format (docs/export-format.md): every record's
layout on each architecture and every constant's value, exactly as release V has them.

Options:
  --xen-version V   a Xen release, ${EXPORTABLE_RELEASES[0]} … ${EXPORTABLE_RELEASES.at(-1)} (default ${NEWEST_RELEASE})
  --namespace NS    stable, unstable, linux or all (default all)
  --root DIR        repository root (default: the nearest directory above with abi/)
  -h, --help        show this help

Exit codes: 0 ok, 2 bad input or usage.`,
  options: { 'xen-version': { type: 'string' }, namespace: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const release = (values['xen-version'] as string | undefined) ?? NEWEST_RELEASE;
    if (!EXPORTABLE_RELEASES.includes(release as never)) {
      throw new UsageError(`--xen-version ${release}: not a release xenabi exports; choose one of ${EXPORTABLE_RELEASES.join(', ')}`);
    }
    const namespace = (values.namespace as string | undefined) ?? 'all';
    if (!NAMESPACES.includes(namespace as NamespaceFilter)) {
      throw new UsageError(`--namespace ${namespace}: choose stable, unstable, linux or all`);
    }
    const root = findRoot(io.cwd, values.root as string | undefined);
    const { model } = await loadAbi(join(root, 'abi'), root);
    const document = exportAbi(atRelease(model, release), namespace as NamespaceFilter);
    io.out(`${JSON.stringify(document, null, 2)}\n`);
    return EXIT_OK;
  },
};
