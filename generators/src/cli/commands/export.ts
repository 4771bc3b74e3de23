import { join, resolve } from 'node:path';
import type { NamespaceFilter } from '../../export/abi-json.js';
import { modelCacheByContent } from '../../load/model-cache.js';
import { EXPORTABLE_RELEASES, NEWEST_RELEASE } from '../../model/releases.js';
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
    io.out(await exportText(root, release, namespace as NamespaceFilter));
    return EXIT_OK;
  },
};

/**
 * The export document as printed. It is a function of the model, the release and the
 * namespace, so it is cached beside the model it comes from (`load/model-cache.ts`), keyed by
 * the same inputs: a cached export reads one file instead of loading the model, laying it out
 * and printing it. Nothing but the cache check is loaded on a hit.
 */
async function exportText(root: string, release: string, namespace: NamespaceFilter): Promise<string> {
  const abiDir = resolve(join(root, 'abi'));
  const cache = modelCacheByContent<string>(root, abiDir, `strict-export-${release}-${namespace}`);
  const hit = cache.read();
  if (typeof hit === 'string') return hit;
  const [{ loadAbi }, { exportAbi }, { atRelease }] = await Promise.all([import('../../load/index.js'), import('../../export/abi-json.js'), import('../../select/release.js')]);
  const { model } = await loadAbi(abiDir, root);
  const text = `${JSON.stringify(exportAbi(atRelease(model, release), namespace), null, 2)}\n`;
  // Keyed by the inputs of the model it was printed from, when that model is the cached one.
  const inputs = modelCacheByContent(root, abiDir, 'strict').inputs();
  if (inputs) cache.write(text, inputs);
  return text;
}
