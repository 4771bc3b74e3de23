/**
 * `xenabi check` on Xen's C headers: `--base-headers DIR --head-headers DIR`, or inside a Xen
 * checkout `--xen-tree DIR --against REF` (the headers at REF against the working tree's).
 * The registry, when there is one, says what it knows of the items it declares.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AbiInputError } from '../../diagnostics/diagnostic.js';
import { loadHeaderSide, type HeaderSideSpec } from '../../check/side/headers.js';
import type { AbiSide } from '../../check/index.js';
import { PUBLIC_PATH } from '../../headers/git-tree.js';
import { HeaderTreeError } from '../../headers/tree.js';
import { clangProblem } from '../../headers/clang.js';
import { loadAbi } from '../../load/index.js';
import type { AbiModel } from '../../model/types.js';
import { UsageError, type CliIo } from '../io.js';

export { HEADER_OPTIONS, wantsHeaders } from './header-options.js';

/** The two header sides the options name. Throws UsageError or HeaderTreeError. */
export async function headerSides(values: Record<string, string | undefined>, io: CliIo, root: string | undefined): Promise<{ base: AbiSide; head: AbiSide }> {
  const [base, head] = specs(values, io);
  const problem = clangProblem();
  if (problem) throw new HeaderTreeError(problem);
  const registry = await loadRegistry(values.registry, io, root);
  const options = { cwd: io.cwd, ...(values['xen-version'] ? { release: values['xen-version'] } : {}), ...(registry ? { registry } : {}) };
  // Both trees at once: one's compiles run while the other's output is read. The base's error
  // comes first and at once, as when they were read one after the other.
  const baseSide = loadHeaderSide(base, options);
  const headSide = loadHeaderSide(head, options);
  headSide.catch(() => undefined);
  return { base: await baseSide, head: await headSide };
}

function specs(values: Record<string, string | undefined>, io: CliIo): [HeaderSideSpec, HeaderSideSpec] {
  const tree = values['xen-tree'];
  for (const other of ['base', 'head'] as const) if (values[other] !== undefined) throw new UsageError(`--${other} cannot be combined with --base-headers, --head-headers or --xen-tree`);
  if (tree !== undefined) {
    if (values['base-headers'] !== undefined || values['head-headers'] !== undefined) throw new UsageError('--xen-tree takes its base from --against and its head from its working tree; drop --base-headers and --head-headers');
    const ref = values.against;
    if (ref === undefined) throw new UsageError('--xen-tree needs --against REF: the revision whose headers are the base');
    const repo = resolve(io.cwd, tree);
    if (!existsSync(join(repo, PUBLIC_PATH, 'xen.h'))) throw new HeaderTreeError(`${tree}: not a Xen checkout (no ${PUBLIC_PATH}/xen.h)`);
    return [{ kind: 'xen-git', repo, ref }, { kind: 'headers', dir: join(repo, PUBLIC_PATH) }];
  }
  if (values.against !== undefined) throw new UsageError('--against with header trees needs --xen-tree DIR');
  const base = values['base-headers'];
  const head = values['head-headers'];
  if (base === undefined || head === undefined) throw new UsageError('--base-headers and --head-headers go together');
  return [{ kind: 'headers', dir: base }, { kind: 'headers', dir: head }];
}

/**
 * The registry: `--registry DIR` (an abi/ folder or a repository holding one), else the
 * repository the command runs in, else the one this xenabi was built from; none when there
 * is none (header mode then works from Xen's guards alone).
 */
async function loadRegistry(explicit: string | undefined, io: CliIo, root: string | undefined): Promise<AbiModel | undefined> {
  const own = fileURLToPath(new URL('../../../../', import.meta.url));
  const candidates = explicit !== undefined ? [resolve(io.cwd, explicit)] : [root, own].filter((d): d is string => !!d);
  for (const dir of candidates) {
    const abi = existsSync(join(dir, 'stable')) || existsSync(join(dir, 'unstable')) ? dir : join(dir, 'abi');
    if (!existsSync(abi)) continue;
    try {
      return (await loadAbi(abi, resolve(abi, '..'))).model;
    } catch (error) {
      if (error instanceof AbiInputError && explicit === undefined) continue;
      throw error;
    }
  }
  if (explicit !== undefined) throw new UsageError(`--registry ${explicit}: no abi/ folder there`);
  return undefined;
}
