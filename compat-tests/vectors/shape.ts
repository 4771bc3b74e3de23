/**
 * The shape of a test vector: every leaf member of a record (an integer, a bit-field or a
 * guest handle) with where it lives on one architecture, read from the layout engine's
 * tables. Nested records are entered, arrays are expanded element by element, and a union
 * makes one variant per member (a union holds one member at a time). Explicit padding
 * members are not leaves: they stay zero.
 *
 * The only arithmetic here is array indexing (element i of an array at `offset + i × the
 * element's size`, the size read from the engine) and adding a nested record's offset to
 * its members'; every offset, size, bit offset and width comes from `ArchLayout`.
 */
import { ArchLayout, type FieldLayout } from '../../generators/src/layout/engine.js';
import { integerSigned } from '../../generators/src/layout/datamodels.js';
import { onArch } from '../../generators/src/model/arch.js';
import type { AbiModel, Arch, Field, HandleType, RecordDecl, TypeRef, PointerType } from '../../generators/src/model/types.js';

/** Elements every vector puts in a flexible array member. */
export const FLEX_COUNT = 3;

/** One integer a vector sets. */
export interface Leaf {
  /** C member designator from the record: `u.create_ioreq_server.id`, `buf_ioreq[3].addr`. */
  path: string;
  /** First byte, from the start of the record (a bit-field: the byte holding its first bit). */
  offset: number;
  /** Bytes of the integer (a bit-field: of its declared type). */
  size: number;
  /** Width of the value in bits: a bit-field's width, else `size × 8`. */
  bits: number;
  signed: boolean;
  /** A bit-field: its first bit, from the start of the record. */
  bitOffset?: number;
  /** A guest handle: the value is an address. */
  handle?: HandleType;
  /** A plain pointer (Linux's interface): the value is an address in the caller. */
  pointer?: PointerType;
  /** True when JSON holds the value as a decimal string (64-bit types, per-arch integers, handles). */
  wide: boolean;
  /** Set for members of the flexible array member's elements: which element. */
  flexIndex?: number;
}

/** One way to fill a record: the union members chosen and the leaves that follows. */
export interface Variant {
  /** The union members chosen, as member paths (`u.create_ioreq_server`); empty without unions. */
  choices: string[];
  leaves: Leaf[];
}

/** The flexible array member of a record, when it has one. */
export interface FlexInfo {
  path: string;
  offset: number;
  /** Bytes per element (`ArchLayout.sizeAlign` of the element type). */
  stride: number;
  element: TypeRef;
}

export interface RecordShape {
  record: RecordDecl;
  /** `sizeof` on the architecture. */
  size: number;
  /** Bytes a vector covers: `size`, or up to the end of the flexible array's elements. */
  length: number;
  flex?: FlexInfo;
  variants: Variant[];
}

/** A model on one architecture: the engine's layouts beside the declarations they came from. */
export interface ArchModel {
  arch: Arch;
  layout: ArchLayout;
  records: Map<string, RecordDecl>;
  aliases: Map<string, TypeRef>;
}

export function archModel(model: Pick<AbiModel, 'records' | 'aliases'>, arch: Arch): ArchModel {
  return {
    arch,
    layout: new ArchLayout(model, arch),
    records: new Map(model.records.filter((r) => onArch(r, arch)).map((r) => [r.name, r])),
    aliases: new Map(model.aliases.filter((a) => onArch(a, arch)).map((a) => [a.name, a.type])),
  };
}

/** Every variant of a top-level record on one architecture. */
export function recordShape(am: ArchModel, record: RecordDecl): RecordShape {
  const walker = new Walker(am);
  const layout = am.layout;
  const variants = walker.record(record.name, '', 0, true);
  const size = layout.record(record.name).size;
  const flex = walker.flex;
  const length = flex ? Math.max(size, flex.offset + FLEX_COUNT * flex.stride) : size;
  return { record, size, length, ...(flex ? { flex } : {}), variants };
}

class Walker {
  flex?: FlexInfo;

  private readonly layout: ArchLayout;

  constructor(private readonly am: ArchModel) {
    this.layout = am.layout;
  }

  private declOf(name: string): RecordDecl {
    const decl = this.am.records.get(name);
    if (!decl) throw new Error(`vectors: no record ${name} on ${this.am.arch}`);
    return decl;
  }

  record(name: string, prefix: string, base: number, top: boolean): Variant[] {
    const decl = this.declOf(name);
    const fields = decl.fields.filter((f) => onArch(f, this.layout.arch));
    const laid = this.layout.record(name).fields;
    const per = fields.map((f, i) => (f.padding ? [] : this.field(f, laid[i] as FieldLayout, `${prefix}${memberStep(f)}`, base, top)));
    if (decl.kind === 'union') {
      return per.flatMap((variants, i) => variants.map((v) => ({ choices: [`${prefix}${memberStep(fields[i] as Field)}`, ...v.choices], leaves: v.leaves })));
    }
    return zip(per.filter((v) => v.length > 0));
  }

  private field(f: Field, fl: FieldLayout, path: string, base: number, top: boolean): Variant[] {
    if (fl.bitWidth !== undefined) {
      const int = this.integer(f.type, path);
      return [{ choices: [], leaves: [{ ...int, offset: base + fl.offset, size: fl.size, bits: fl.bitWidth, bitOffset: base * 8 + (fl.bitOffset ?? 0), wide: fl.bitWidth > 32 }] }];
    }
    if (f.flexible) {
      // In a record embedded in another (x86's PMU contexts in xen_pmu_arch.c) the array has no
      // elements of its own: they would overlap the bytes after it. Nothing to write or read.
      if (!top) return [];
      const array = this.resolve(f.type);
      if (array.kind !== 'array') throw new Error(`vectors: flexible member ${path} is not an array`);
      const stride = this.layout.sizeAlign(array.element).size;
      this.flex = { path, offset: base + fl.offset, stride, element: array.element };
      return this.elements(array.element, path, base + fl.offset, FLEX_COUNT, stride, true);
    }
    return this.type(f.type, path, base + fl.offset);
  }

  private type(type: TypeRef, path: string, offset: number): Variant[] {
    const t = this.resolve(type);
    if (t.kind === 'array') return this.elements(t.element, path, offset, t.length, this.layout.sizeAlign(t.element).size, false);
    if (t.kind === 'record') return this.record(t.name, `${path}.`, offset, false);
    const int = this.integer(t, path);
    return [{ choices: [], leaves: [{ ...int, offset }] }];
  }

  private elements(element: TypeRef, path: string, offset: number, count: number, stride: number, flex: boolean): Variant[] {
    const per = Array.from({ length: count }, (_, i) => {
      const variants = this.type(element, `${path}[${i}]`, offset + i * stride);
      const tagged = flex ? variants.map((v) => ({ ...v, leaves: v.leaves.map((l) => ({ ...l, flexIndex: i })) })) : variants;
      return rotate(tagged, i);
    });
    return zip(per);
  }

  private integer(type: TypeRef, path: string): Omit<Leaf, 'offset'> {
    const t = this.resolve(type);
    const { size } = this.layout.sizeAlign(t);
    switch (t.kind) {
      case 'scalar':
        return { path, size, bits: size * 8, signed: integerSigned(t, this.layout.arch), wide: size === 8 };
      case 'archScalar':
        return { path, size, bits: size * 8, signed: integerSigned(t, this.layout.arch), wide: true };
      case 'handle':
        return { path, size, bits: size * 8, signed: false, wide: true, handle: t };
      case 'pointer':
        return { path, size, bits: size * 8, signed: false, wide: true, pointer: t };
      default:
        throw new Error(`vectors: ${path} on ${this.layout.arch} is a ${t.kind}, not an integer`);
    }
  }

  private resolve(type: TypeRef): TypeRef {
    let t = type;
    while (t.kind === 'alias') {
      const target = this.am.aliases.get(t.name);
      if (!target) throw new Error(`vectors: no typedef ${t.name} on ${this.am.arch}`);
      t = target;
    }
    return t;
  }
}

/**
 * A member's step in a path: its name, or for a C11 anonymous member its inline record's last
 * step, `<anon0>`. C designators leave those steps out (`cDesignator`); Rust and TypeScript
 * read them as the member `anon0` their bindings have.
 */
function memberStep(f: Field): string {
  if (f.name !== '') return f.name;
  const m = f.type.kind === 'record' ? /\.(<anon\d+>)$/.exec(f.type.name) : null;
  if (!m) throw new Error(`vectors: an anonymous member of type ${JSON.stringify(f.type)} is not an inline record`);
  return m[1] as string;
}

/** A leaf's path as a C member designator: anonymous members' steps left out, as C reads their members. */
export function cDesignator(path: string): string {
  return path.replace(/<anon\d+>\./g, '');
}

/**
 * Variants of consecutive members combined: vector i takes variant `i mod n` of each member,
 * so every union member appears in some vector and the count is the largest member's, not
 * the product.
 */
function zip(per: Variant[][]): Variant[] {
  if (per.length === 0) return [{ choices: [], leaves: [] }];
  const n = Math.max(...per.map((v) => v.length));
  return Array.from({ length: n }, (_, i) => {
    const picked = per.map((v) => v[i % v.length] as Variant);
    return { choices: picked.flatMap((v) => v.choices), leaves: picked.flatMap((v) => v.leaves) };
  });
}

/** Array element i starts at its own variant, so an array of unions covers several members in one vector. */
function rotate<T>(list: T[], by: number): T[] {
  const k = list.length ? by % list.length : 0;
  return [...list.slice(k), ...list.slice(0, k)];
}
