/**
 * Which builds Xen showed an item to in a release: some stable items sat behind Xen's
 * `__XEN__`/`__XEN_TOOLS__` guards for a while. `toolsOnlyBefore` on the module or the item
 * says until when (all of dm_op.h but `xen_dm_op_buf` until 4.15); `toolsOnlySince` on the
 * item says from when (HVM parameters Xen retired behind those guards, values Xen never
 * showed guests at all).
 */
import { compareReleases } from './releases.js';

interface ToolsOnly {
  toolsOnlyBefore?: string;
  toolsOnlySince?: string;
}

/** True when Xen's header showed the item only to `__XEN__`/`__XEN_TOOLS__` builds in `release`. */
export function toolsOnlyIn(item: ToolsOnly, module: { toolsOnlyBefore?: string } | undefined, release: string): boolean {
  const before = item.toolsOnlyBefore ?? module?.toolsOnlyBefore;
  if (before !== undefined && compareReleases(release, before) < 0) return true;
  return item.toolsOnlySince !== undefined && compareReleases(release, item.toolsOnlySince) >= 0;
}
