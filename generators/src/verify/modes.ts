/**
 * Xen's two ways of including its headers, as `verify` checks them. Tools mode
 * (`__XEN_TOOLS__`) shows every item in the layout the registry follows. Plain mode (a guest
 * or device model, at the newest guest interface version) must show every stable item, in
 * plain mode's layout: the same except that without `__XEN_TOOLS__` Xen's
 * `uint64_aligned_t` is a plain `uint64_t`, 4-byte aligned on x86_32 (docs/layout.md).
 */
import type { Field, TypeRef } from '../model/types.js';
import type { ReleaseModel } from '../select/release.js';
import { toolsOnlyIn } from '../model/tier.js';
import type { ItemFilter } from './checks.js';

/** The model as plain mode lays it out: `uint64_aligned_t` read as `uint64_t`. */
export function plainLayoutModel(model: ReleaseModel): ReleaseModel {
  return {
    ...model,
    records: model.records.map((r) => (r.fields.some((f) => usesAligned(f.type)) ? { ...r, fields: r.fields.map(plainField) } : r)),
    aliases: model.aliases.map((a) => (usesAligned(a.type) ? { ...a, type: plainType(a.type) } : a)),
  };
}

function plainField(f: Field): Field {
  return usesAligned(f.type) ? { ...f, type: plainType(f.type) } : f;
}

function usesAligned(type: TypeRef): boolean {
  if (type.kind === 'archScalar') return type.name === 'uint64_aligned_t' || type.name === 'int64_aligned_t';
  return type.kind === 'array' ? usesAligned(type.element) : false;
}

function plainType(type: TypeRef): TypeRef {
  if (type.kind === 'archScalar' && type.name === 'uint64_aligned_t') return { kind: 'scalar', name: 'uint64_t' };
  if (type.kind === 'archScalar' && type.name === 'int64_aligned_t') return { kind: 'scalar', name: 'int64_t' };
  return type.kind === 'array' ? { ...type, element: plainType(type.element) } : type;
}

/**
 * Items plain mode must show in `release` on an architecture: the stable ones, except those
 * the registry records as shown by Xen only to `__XEN__`/`__XEN_TOOLS__` builds, there
 * (`xenOrigin` with `tools`, on the architectures of that origin: `vcpu_guest_context` is a
 * guest record on x86 and a tools one on Arm) or then (`toolsOnlyBefore`, `toolsOnlySince`).
 */
export function shownWithoutTools(release: string): ItemFilter {
  return (item, module, arch) =>
    item.namespace === 'stable' && !(item.xenOrigin ?? []).some((o) => o.tools && (!o.archs || o.archs.includes(arch))) && !toolsOnlyIn(item, module, release);
}
