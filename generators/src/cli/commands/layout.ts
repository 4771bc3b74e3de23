import { join } from 'node:path';
import { ArchLayout } from '../../layout/engine.js';
import { loadAbi } from '../../load/index.js';
import { ARCHES, isArch } from '../../model/arch.js';
import { EXPORTABLE_RELEASES, NEWEST_RELEASE } from '../../model/releases.js';
import { paholeTable } from '../../report/pahole.js';
import { atRelease } from '../../select/release.js';
import type { Command } from '../command.js';
import { EXIT_OK, UsageError } from '../io.js';
import { findRoot } from '../root.js';

export const layoutCommand: Command = {
  name: 'layout',
  summary: 'show a record\'s layout, pahole-style: offsets, sizes, holes',
  help: `Usage: xenabi layout NAME [--arch A] [--xen-version V] [--root DIR]

Prints the layout of record NAME (its C tag, typedef, or path such as xen_dm_op.u) on each
architecture: every member's offset and size, bit-field positions, holes and tail padding.

Options:
  --arch A          x86_32, x86_64, arm32 or arm64 (default: all four)
  --xen-version V   a Xen release, ${EXPORTABLE_RELEASES[0]} … ${EXPORTABLE_RELEASES.at(-1)} (default ${NEWEST_RELEASE})
  --root DIR        repository root (default: the nearest directory above with abi/)
  -h, --help        show this help

Exit codes: 0 ok, 2 unknown record or bad usage.`,
  options: { arch: { type: 'string' }, 'xen-version': { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals }, io) {
    const arch = values.arch as string | undefined;
    if (arch !== undefined && !isArch(arch)) throw new UsageError(`--arch ${arch}: choose one of ${ARCHES.join(', ')}`);
    const release = (values['xen-version'] as string | undefined) ?? NEWEST_RELEASE;
    if (!EXPORTABLE_RELEASES.includes(release as never)) {
      throw new UsageError(`--xen-version ${release}: choose one of ${EXPORTABLE_RELEASES.join(', ')}`);
    }
    const root = findRoot(io.cwd, values.root as string | undefined);
    const { model } = await loadAbi(join(root, 'abi'), root);
    const view = atRelease(model, release);
    const query = positionals[0] ?? '';
    const record = view.records.find((r) => r.name === query || r.typedef === query);
    if (!record) throw new UsageError(`no record named ${query} in Xen ${release}${suggest(query, view.records.map((r) => r.name))}`);
    const arches = arch ? [arch] : ARCHES;
    const tables = arches.map((a) => {
      const layout = new ArchLayout(view, a);
      if (!layout.has(record.name)) return `/* ${a}, Xen ${release}: ${record.name} does not exist on this architecture */\n`;
      return paholeTable(layout.record(record.name), `${a}, Xen ${release}`);
    });
    io.out(tables.join('\n'));
    return EXIT_OK;
  },
};

function suggest(query: string, names: string[]): string {
  const close = names.filter((n) => n.includes(query) || query.includes(n)).slice(0, 5);
  return close.length ? `; did you mean ${close.join(', ')}?` : '';
}
