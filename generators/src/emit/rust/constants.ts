/**
 * The Rust type of each constant. A member of a value, flag or op set takes the type of the
 * field its values go in (`XEN_DMOP_IO_RANGE_PORT: u32`, `XEN_DOMCTL_CONFIG_GIC_V2: u8`),
 * so comparisons and assignments need no cast; a flag's bit number is a `u32` shift count;
 * anything else takes the Rust integer of its C literal type, widened to 64 bits for
 * `long` so the type does not change between architectures, and unsigned when Xen writes a
 * non-negative value in hex or as a shift (a magic number or a mask).
 */
import type { AliasDecl, ConstantDecl, IntegerCType, ConstantSetDecl, RecordDecl, TypeRef } from '../../model/types.js';
import { archScalarType, ident, integerRange, narrowestPrimitive, scalarType } from './names.js';

const C_TYPES: Record<IntegerCType, string> = {
  int: 'i32',
  'unsigned int': 'u32',
  long: 'i64',
  'unsigned long': 'u64',
  'long long': 'i64',
  'unsigned long long': 'u64',
};

export interface ConstantLookup {
  records: ReadonlyMap<string, RecordDecl>;
  aliases: ReadonlyMap<string, AliasDecl>;
  sets: ReadonlyMap<string, ConstantSetDecl>;
}

/** A Rust integer type as printed, and the primitive whose range it has. */
export interface IntegerType {
  /** What the declaration says: a primitive, `xen_ulong_t`, or a typedef such as `domid_t`. */
  spelled: string;
  /** The primitive behind it on the narrowest architecture (`xen_ulong_t` → `u32`). */
  primitive: string;
  /** The typedef or per-architecture type spelled, when not a primitive; the caller imports it. */
  reference?: TypeRef;
}

/** The type of `constant`, with every value it takes checked to fit. */
export function constantType(constant: ConstantDecl, lookup: ConstantLookup): IntegerType {
  const cType = constant.cType;
  if (cType === 'string') throw new Error(`${constant.name} is a string constant: it has no integer type`);
  const values = [constant.value, ...Object.values(constant.values ?? {})].map((v) => BigInt(v));
  const fits = (t: IntegerType) => {
    const range = integerRange(t.primitive);
    return !!range && values.every((v) => v >= range[0] && v <= range[1]);
  };
  const set = constant.set ? lookup.sets.get(constant.set) : undefined;
  if (set?.flags?.some((f) => f.bitConstant === constant.name)) return { spelled: 'u32', primitive: 'u32' };
  const fromField = set ? setFieldType(set, lookup) : undefined;
  if (fromField && fits(fromField)) return fromField;
  const c = bitPattern(constant, values) ? C_TYPES[cType].replace('i', 'u') : C_TYPES[cType];
  const fromC: IntegerType = { spelled: c, primitive: c };
  if (fits(fromC)) return fromC;
  const wide = values.some((v) => v < 0n) ? 'i64' : 'u64';
  return { spelled: wide, primitive: wide };
}

/** A non-negative constant Xen writes in hex or as a shift is a bit pattern (a magic, a mask): unsigned in Rust. */
function bitPattern(constant: ConstantDecl, values: bigint[]): boolean {
  return (constant.spelling === 'hex' || constant.spelling === 'shift') && values.every((v) => v >= 0n);
}

/** The field a set's values go in: its `field`, else the op field of the record it dispatches through. */
export function setField(set: ConstantSetDecl): string | undefined {
  return set.field ?? (set.dispatch ? `${set.dispatch.record}.${set.dispatch.opField}` : undefined);
}

function setFieldType(set: ConstantSetDecl, lookup: ConstantLookup): IntegerType | undefined {
  const path = setField(set);
  if (!path) return undefined;
  const dot = path.lastIndexOf('.');
  const record = lookup.records.get(path.slice(0, dot));
  const field = record?.fields.find((f) => f.name === path.slice(dot + 1));
  return field ? integerTypeOf(field.type, lookup) : undefined;
}

/** The integer type a field is declared with, when it is an integer. */
export function integerTypeOf(type: TypeRef, lookup: Pick<ConstantLookup, 'aliases'>): IntegerType | undefined {
  switch (type.kind) {
    case 'scalar':
      // `c_char` is i8 on x86, u8 on Arm: constants of a char field must fit both.
      if (type.name === 'char') return { spelled: scalarType(type.name), primitive: 'i8' };
      return { spelled: scalarType(type.name), primitive: scalarType(type.name) };
    case 'archScalar':
      return { spelled: archScalarType(type.name), primitive: narrowestPrimitive(type.name), reference: type };
    case 'alias': {
      const alias = lookup.aliases.get(type.name);
      const inner = alias ? integerTypeOf(alias.type, lookup) : undefined;
      return inner ? { spelled: ident(alias!.name), primitive: inner.primitive, reference: type } : undefined;
    }
    default:
      return undefined;
  }
}
