/**
 * What a side built from `abi/` modules knows beyond layouts: a digest of each module's whole
 * declaration, documentation included. Two sides whose findings are empty but whose digests
 * differ changed only what the rules do not judge (documentation, spelling), which is what
 * `xenabi check --changeset` turns into a patch release.
 */
import { createHash } from 'node:crypto';
import type { AbiModel } from '../../model/types.js';

/** The key of a module in `AbiSide.digests`. @example "stable/dm_op" */
export function moduleKey(namespace: string, module: string): string {
  return `${namespace}/${module}`;
}

/**
 * Per module, over the whole history: source locations are left out, since moving a
 * declaration within its file changes nothing that is published.
 */
export function moduleDigests(model: AbiModel): Record<string, string> {
  const items = new Map<string, unknown[]>();
  for (const m of model.modules) items.set(moduleKey(m.namespace, m.name), [m]);
  for (const item of [...model.records, ...model.aliases, ...model.constants, ...model.sets]) {
    items.get(moduleKey(item.namespace, item.module))?.push(item);
  }
  const digests: Record<string, string> = {};
  for (const [key, list] of [...items].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const text = JSON.stringify(list, (k, v: unknown) => (k === 'loc' ? undefined : v));
    digests[key] = createHash('sha256').update(text).digest('hex');
  }
  return digests;
}
