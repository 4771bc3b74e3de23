/**
 * Which builds Xen showed an item to in a release: some stable items sat behind Xen's
 * `__XEN__`/`__XEN_TOOLS__` guards for a while (all of dm_op.h but `xen_dm_op_buf` until
 * 4.15), which the registry records with `toolsOnlyBefore` on the module or the item.
 */
import { compareReleases } from './releases.js';

/** True when Xen's header showed the item only to `__XEN__`/`__XEN_TOOLS__` builds in `release`. */
export function toolsOnlyIn(item: { toolsOnlyBefore?: string }, module: { toolsOnlyBefore?: string } | undefined, release: string): boolean {
  const before = item.toolsOnlyBefore ?? module?.toolsOnlyBefore;
  return before !== undefined && compareReleases(release, before) < 0;
}
