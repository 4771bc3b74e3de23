/**
 * The layout engine: size, alignment, every field offset and every padding hole of every
 * record, per architecture, by the C rules of that architecture's ABI. It is the only code
 * in xenabi that does offset arithmetic; emitters, the checker, the docs and the tests read
 * its tables.
 *
 * It counts in bits with JavaScript numbers, which hold integers exactly up to 2^53. Every
 * size and bit offset it computes is checked to be such an integer: a record too large for
 * that is a `LayoutOverflowError`, never a rounded size (the `record-size` pass reports it).
 */
import { onArch } from '../model/arch.js';
import type { AbiModel, AliasDecl, Arch, Field, RecordDecl, TypeRef } from '../model/types.js';
import { DATA_MODELS, type DataModel, type SizeAlign } from './datamodels.js';
import { spellType } from './spell.js';

/** A size or offset the engine cannot compute exactly: the type is larger than 2^53 bits. */
export class LayoutOverflowError extends Error {
  constructor(readonly what: string, readonly arch: Arch) {
    super(`${what} is too large to lay out on ${arch}: its size in bits is beyond 2^53`);
    this.name = 'LayoutOverflowError';
  }
}

/** One field as laid out. Offsets are bytes from the start of the record that contains it. */
export interface FieldLayout {
  name: string;
  offset: number;
  size: number;
  align: number;
  /** The type as Xen spells it (`uint32_t`, `union xen_dm_op.u`, `uint8_t[3]`). */
  type: string;
  /** The record type of the field, after stripping arrays. */
  record?: string;
  /** Bit-fields: first bit, from the start of the record, and width. */
  bitOffset?: number;
  bitWidth?: number;
  flexibleArray?: boolean;
  padding?: boolean;
}

/** Bytes (or, inside a bit-field unit, bits) the compiler inserts. */
export interface HoleLayout {
  /** The field the hole follows. */
  after: string;
  /** First byte of the hole. */
  offset: number;
  /** Bytes in the hole (0 when it is smaller than a byte; see `bits`). */
  size: number;
  /** The hole measured in bits. */
  bits: number;
  /** True for padding after the last field. */
  tail: boolean;
}

/** A member reached from an outer record, possibly through inline records (`ArchLayout.members`). */
export interface MemberLayout {
  /** C member designator from the outer record. @example "u.interdomain.dom" */
  path: string;
  /** Bytes from the start of the outer record (for a bit-field: its storage unit's first byte). */
  offset: number;
  size: number;
  /** The inline record this member is, when it is one. @example "evtchn_status.u.interdomain" */
  record?: string;
  bitField?: boolean;
  /** A bit-field's first bit, from the start of the outer record, and its width. */
  bitOffset?: number;
  bitWidth?: number;
  flexibleArray?: boolean;
}

export interface RecordLayout {
  name: string;
  kind: 'struct' | 'union';
  size: number;
  align: number;
  fields: FieldLayout[];
  holes: HoleLayout[];
}

/** How a ring's shared page is laid out on one architecture (`RecordDecl.ring`). */
export interface RingLayout {
  /** The protocol's prefix. @example "blkif" */
  name: string;
  /** Bytes of shared memory the ring is laid out in. */
  pageSize: number;
  /** Where the entries start: after the head, at the entry's alignment (64 for every Xen ring). */
  entriesOffset: number;
  /** Bytes of one entry: the size of the entry union. */
  entrySize: number;
  /** Entries that fit the page after the indices, rounded down to a power of two (`__CONST_RING_SIZE`). */
  entries: number;
}

/** Where a byte ring lies in its record on one architecture (`RecordDecl.byteRings`). */
export interface ByteRingLayout {
  /** The byte array member. @example "out" */
  name: string;
  /** Offset of the first byte of the array. */
  data: number;
  /** Bytes in the array: a power of two. */
  size: number;
  /** Offsets of the consumer and producer indices. */
  cons: number;
  prod: number;
}

/**
 * Where an `ArchLayout` keeps the record layouts it computed: by default its own map. The
 * layouts of several releases may share one, keyed so that releases in which a record and
 * everything it holds are the same share its layout (the C emitter does, with
 * `select/changes.ts`).
 */
export interface LayoutMemo {
  get(name: string): RecordLayout | undefined;
  set(name: string, layout: RecordLayout): void;
}

/** All layouts of one model on one architecture, computed lazily and memoised. */
export class ArchLayout {
  private readonly records = new Map<string, RecordDecl>();
  private readonly aliases = new Map<string, AliasDecl>();
  private readonly inProgress = new Set<string>();
  readonly dataModel: DataModel;

  constructor(
    model: Pick<AbiModel, 'records' | 'aliases'>,
    readonly arch: Arch,
    private readonly memo: LayoutMemo = new Map<string, RecordLayout>(),
  ) {
    this.dataModel = DATA_MODELS[arch];
    for (const r of model.records) if (onArch(r, arch)) this.records.set(r.name, r);
    for (const a of model.aliases) if (onArch(a, arch)) this.aliases.set(a.name, a);
  }

  has(name: string): boolean {
    return this.records.has(name);
  }

  /** The layout of a record on this architecture. */
  record(name: string): RecordLayout {
    const cached = this.memo.get(name);
    if (cached) return cached;
    const decl = this.records.get(name);
    if (!decl) throw new Error(`no record ${name} on ${this.arch}`);
    if (this.inProgress.has(name)) throw new Error(`record ${name} contains itself`);
    this.inProgress.add(name);
    const layout = decl.kind === 'union' ? this.layoutUnion(decl) : this.layoutStruct(decl);
    this.inProgress.delete(name);
    this.memo.set(name, layout);
    return layout;
  }

  /** The layout of the ring whose shared page is record `name`. */
  ring(name: string): RingLayout {
    const info = this.records.get(name)?.ring;
    if (!info) throw new Error(`record ${name} is no ring's shared page on ${this.arch}`);
    const entry = this.record(info.entry);
    const entriesOffset = alignUp(this.record(name).size, entry.align);
    const fit = Math.floor((info.pageSize - entriesOffset) / entry.size);
    return { name: info.name, pageSize: info.pageSize, entriesOffset, entrySize: entry.size, entries: fit < 1 ? 0 : 2 ** Math.floor(Math.log2(fit)) };
  }

  /** The byte rings of record `name`, in declaration order. */
  byteRings(name: string): ByteRingLayout[] {
    const layout = this.record(name);
    const at = (member: string) => {
      const f = layout.fields.find((x) => x.name === member);
      if (!f) throw new Error(`byte ring of ${name}: no member ${member} on ${this.arch}`);
      return f;
    };
    return (this.records.get(name)?.byteRings ?? []).map((b) => {
      const data = at(b.data);
      return { name: b.data, data: data.offset, size: data.size, cons: at(b.cons).offset, prod: at(b.prod).offset };
    });
  }

  /** Size and alignment of any type on this architecture. */
  sizeAlign(type: TypeRef): SizeAlign {
    switch (type.kind) {
      case 'scalar':
        return this.dataModel.scalars[type.name];
      case 'archScalar':
        return this.dataModel.archScalars[type.name];
      case 'handle':
        return type.width === '64' ? this.dataModel.handles.wide : this.dataModel.handles.native;
      case 'pointer':
        return this.dataModel.pointer;
      case 'alias': {
        const alias = this.aliases.get(type.name);
        if (!alias) throw new Error(`no typedef ${type.name} on ${this.arch}`);
        return this.sizeAlign(alias.type);
      }
      case 'record': {
        const r = this.record(type.name);
        return { size: r.size, align: r.align };
      }
      case 'array': {
        const element = this.sizeAlign(type.element);
        return { size: this.exact(element.size * type.length * 8, 'an array') / 8, align: element.align };
      }
    }
  }

  /** The record a type names, after stripping arrays and typedefs. */
  recordOf(type: TypeRef): string | undefined {
    if (type.kind === 'record') return type.name;
    if (type.kind === 'array') return this.recordOf(type.element);
    if (type.kind === 'alias') {
      const alias = this.aliases.get(type.name);
      return alias ? this.recordOf(alias.type) : undefined;
    }
    return undefined;
  }

  /**
   * Every member of a record and of the records declared inline in it (nested or
   * anonymous), flattened, with offsets from the start of the outer record. Paths are C
   * member designators (`u.interdomain.dom`); an anonymous member adds nothing to the
   * path, as in C. Records declared on their own are not entered.
   */
  members(name: string): MemberLayout[] {
    const out: MemberLayout[] = [];
    const walk = (recordName: string, prefix: string, base: number): void => {
      const decl = this.records.get(recordName);
      const fields = decl ? this.fieldsOf(decl) : [];
      this.record(recordName).fields.forEach((f, i) => {
        const type = fields[i]?.type;
        const inline = type?.kind === 'record' && this.records.get(type.name)?.parent === recordName ? type.name : undefined;
        if (f.name === '') {
          if (inline) walk(inline, prefix, base + f.offset);
          return;
        }
        const path = `${prefix}${f.name}`;
        out.push({ path, offset: base + f.offset, size: f.size, ...(inline ? { record: inline } : {}), ...(f.bitWidth !== undefined ? { bitField: true, bitOffset: base * 8 + (f.bitOffset ?? 0), bitWidth: f.bitWidth } : {}), ...(f.flexibleArray ? { flexibleArray: true } : {}) });
        if (inline) walk(inline, `${path}.`, base + f.offset);
      });
    };
    walk(name, '', 0);
    return out;
  }

  private fieldsOf(decl: RecordDecl): Field[] {
    return decl.fields.filter((f) => onArch(f, this.arch));
  }

  private describe(field: Field, offset: number, size: number, align: number): FieldLayout {
    const record = this.recordOf(field.type);
    return {
      name: field.name,
      offset,
      size,
      align,
      type: spellType(field.type, (name) => this.records.get(name)?.kind ?? 'struct'),
      ...(record ? { record } : {}),
      ...(field.padding ? { padding: true } : {}),
    };
  }

  /** `bits` when it is an exact integer, else the overflow of `what`. */
  private exact(bits: number, what: string): number {
    if (!Number.isSafeInteger(bits)) throw new LayoutOverflowError(what, this.arch);
    return bits;
  }

  private layoutUnion(decl: RecordDecl): RecordLayout {
    let size = 0;
    let align = 1;
    const fields = this.fieldsOf(decl).map((f) => {
      const sa = this.sizeAlign(f.type);
      size = Math.max(size, sa.size);
      align = Math.max(align, sa.align);
      return this.describe(f, 0, sa.size, sa.align);
    });
    const total = this.exact(alignUp(size, align) * 8, decl.name) / 8;
    const holes: HoleLayout[] = [];
    const largest = fields.reduce<FieldLayout | undefined>((a, f) => (!a || f.size > a.size ? f : a), undefined);
    if (total > size && largest) holes.push(hole(largest.name, size * 8, total * 8, true));
    return { name: decl.name, kind: 'union', size: total, align, fields, holes };
  }

  /**
   * Structs follow the System V (x86) and AAPCS (Arm) rules, which agree for everything
   * Xen declares: each field at the next multiple of its alignment; a bit-field goes at the
   * next free bit unless it would straddle a unit of its declared type, in which case it
   * starts at the next such unit; the struct is aligned to its most aligned member.
   */
  private layoutStruct(decl: RecordDecl): RecordLayout {
    let bit = 0;
    let align = 1;
    const fields: FieldLayout[] = [];
    const holes: HoleLayout[] = [];
    let previous: string | undefined;
    for (const f of this.fieldsOf(decl)) {
      const sa = this.sizeAlign(f.type);
      align = Math.max(align, sa.align);
      let start: number;
      if (f.bitWidth !== undefined) {
        const unitBits = sa.size * 8;
        const unitStart = Math.floor(bit / (sa.align * 8)) * sa.align * 8;
        start = bit + f.bitWidth > unitStart + unitBits ? alignUp(bit, sa.align * 8) : bit;
      } else {
        start = alignUp(bit, sa.align * 8);
      }
      if (start > bit && previous !== undefined) holes.push(hole(previous, bit, start, false));
      if (f.bitWidth !== undefined) {
        fields.push({ ...this.describe(f, Math.floor(start / 8), sa.size, sa.align), bitOffset: start, bitWidth: f.bitWidth });
        bit = this.exact(start + f.bitWidth, decl.name);
      } else {
        const size = f.flexible ? 0 : sa.size;
        fields.push({ ...this.describe(f, start / 8, size, sa.align), ...(f.flexible ? { flexibleArray: true } : {}) });
        bit = this.exact(start + size * 8, decl.name);
      }
      previous = f.name;
    }
    // A ring's page ends in its entries (C declares them as its last member, `ring[1]` or
    // `ring[]`): the page is aligned as they are, though the record stops where they start.
    if (decl.ring) align = Math.max(align, this.record(decl.ring.entry).align);
    const size = this.exact(alignUp(Math.ceil(bit / 8), align) * 8, decl.name) / 8;
    if (size * 8 > bit && previous !== undefined) holes.push(hole(previous, bit, size * 8, true));
    return { name: decl.name, kind: 'struct', size, align, fields, holes };
  }
}

function hole(after: string, fromBit: number, toBit: number, tail: boolean): HoleLayout {
  const bits = toBit - fromBit;
  return { after, offset: Math.floor(fromBit / 8), size: Math.floor(bits / 8), bits, tail };
}

function alignUp(value: number, align: number): number {
  return Math.ceil(value / align) * align;
}
