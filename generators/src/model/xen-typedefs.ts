/**
 * Xen's per-architecture integer typedefs: `xen_ulong_t` and `xen_pfn_t`. Fields use them as
 * `archScalar` types, whose sizes the layout engine's data models hold; the typedefs
 * themselves belong to the `xen` module, which Xen declares them for in its architecture
 * headers. This table is their one description: the C emitter declares them from it, and the
 * export, the checker's sides and the baseline list them as typedefs of the `xen` module.
 */
import type { Arch, ArchScalarName, Namespace } from './types.js';

export interface XenArchTypedef {
  name: Extract<ArchScalarName, 'xen_ulong_t' | 'xen_pfn_t'>;
  doc: string;
  since: string;
  /** The target type per architecture, spelled as Xen's architecture headers spell it. */
  types: Record<Arch, string>;
}

/** The module that declares them, in the stable namespace. */
export const XEN_TYPEDEFS_MODULE = 'xen';

export const XEN_ARCH_TYPEDEFS: readonly XenArchTypedef[] = [
  {
    name: 'xen_ulong_t',
    doc: 'The word of the Xen ABI: 32 bits on x86_32, 64 bits on x86_64 and on both Arm architectures, so that 32- and 64-bit Arm guests share one layout.',
    since: '4.6',
    types: { x86_32: 'unsigned long', x86_64: 'unsigned long', arm32: 'uint64_t', arm64: 'uint64_t' },
  },
  {
    name: 'xen_pfn_t',
    doc: 'A guest page frame number; as wide as xen_ulong_t.',
    since: '4.6',
    types: { x86_32: 'unsigned long', x86_64: 'unsigned long', arm32: 'uint64_t', arm64: 'uint64_t' },
  },
];

/** The typedefs as items of a model that has the `xen` module, else none (fixtures without it). */
export function xenArchTypedefsOf(modules: readonly { name: string; namespace: Namespace }[]): readonly XenArchTypedef[] {
  return modules.some((m) => m.name === XEN_TYPEDEFS_MODULE && m.namespace === 'stable') ? XEN_ARCH_TYPEDEFS : [];
}
