/**
 * A C type as header mode spells it, turned into the registry's type model: fixed-width
 * integers, Xen's per-architecture integers, guest handles, arrays, records and typedefs.
 * A type the model has no exact equivalent for on all four architectures (`unsigned long`,
 * a pointer) is a `todo`: the draft names it and will not type-check until someone decides.
 */
import { splitDims } from '../headers/spelling.js';
import type { ArchScalarName, ScalarName, TypeRef } from '../model/types.js';

export type DraftType = TypeRef | { kind: 'todo'; c: string };

/**
 * C types the registry has no name for but a type of the very same size and alignment on all
 * four architectures: the draft uses the stand-in and says so (only the signedness differs).
 */
// None today: int64_aligned_t stood in as uint64_aligned_t until the registry gained it.
const STAND_INS: Record<string, TypeRef> = {};

/** The C spelling a draft type stands in for, when it is a stand-in. */
export function standsInFor(spelled: string): string | undefined {
  const { element } = splitDims(spelled.replace(/^const /, ''));
  return STAND_INS[element.trim()] ? element.trim() : undefined;
}

/** What a type can name besides the built-in ones. */
export interface TypeScope {
  /** Record names (tags, typedefs of untagged records, inline paths). */
  records: ReadonlySet<string>;
  /** A record typedef's record (`xen_dm_op_t` → `xen_dm_op`). */
  recordTypedefs: ReadonlyMap<string, string>;
  /** Typedefs that are not records. */
  aliases: ReadonlySet<string>;
}

const FIXED: Record<string, ScalarName> = {
  uint8_t: 'uint8_t', uint16_t: 'uint16_t', uint32_t: 'uint32_t', uint64_t: 'uint64_t',
  int8_t: 'int8_t', int16_t: 'int16_t', int32_t: 'int32_t', int64_t: 'int64_t',
  'unsigned char': 'uint8_t', 'signed char': 'int8_t', char: 'uint8_t', _Bool: 'uint8_t',
  'unsigned short': 'uint16_t', short: 'int16_t',
  'unsigned int': 'uint32_t', int: 'int32_t', unsigned: 'uint32_t',
  'unsigned long long': 'uint64_t', 'long long': 'int64_t',
};

const ARCH_SCALARS: readonly ArchScalarName[] = ['xen_ulong_t', 'xen_pfn_t', 'uint64_aligned_t', 'int64_aligned_t'];

export function isArchScalar(name: string): name is ArchScalarName {
  return (ARCH_SCALARS as readonly string[]).includes(name);
}

/** The model type of a spelled C type; arrays keep their lengths (a flexible array is length 0). */
export function draftType(spelled: string, scope: TypeScope): DraftType {
  const { element, dims } = splitDims(spelled.replace(/^const /, ''));
  let type: DraftType = elementType(element.trim(), scope);
  if (type.kind === 'todo') return { kind: 'todo', c: spelled };
  for (const length of [...dims].reverse()) type = { kind: 'array', element: type as TypeRef, length };
  return type;
}

function elementType(c: string, scope: TypeScope): DraftType {
  const handle = /^XEN_GUEST_HANDLE(_64)?\((\w+)\)$/.exec(c);
  if (handle) return { kind: 'handle', width: handle[1] ? '64' : 'native', target: handle[2] ?? '', pointee: handle[2] ?? '' };
  if (isArchScalar(c)) return { kind: 'archScalar', name: c };
  const standIn = STAND_INS[c];
  if (standIn) return standIn;
  const fixed = FIXED[c.replace(/\s+int$/, '').replace(/^signed (short|int|long long)$/, '$1')];
  if (fixed) return { kind: 'scalar', name: fixed };
  const tagged = /^(?:struct|union) (.+)$/.exec(c);
  const record = tagged?.[1] ?? scope.recordTypedefs.get(c) ?? (scope.records.has(c) ? c : undefined);
  if (record && scope.records.has(record)) return { kind: 'record', name: record };
  if (scope.aliases.has(c)) return { kind: 'alias', name: c };
  if (/^enum \w+$/.test(c)) return { kind: 'scalar', name: 'uint32_t' };
  return { kind: 'todo', c };
}
