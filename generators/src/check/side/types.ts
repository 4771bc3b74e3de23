/**
 * The checker's common form of one side of a comparison: what both an `abi/` tree (through
 * the model and the layout engine) and an export JSON or the committed baseline can give.
 * Plain, JSON-serialisable data; layouts are copies of the layout engine's tables, so no
 * rule ever computes an offset.
 *
 * A side says what it knows in `has`: an export written by another tool may lack op sets,
 * padding markers or locations, and the rules that need them are skipped and reported.
 */
import type { Arch, Namespace, SourceLocation } from '../../model/types.js';
import { dict } from '../../names/dict.js';

/** One field of a record on one architecture, as the layout engine laid it out. */
export interface SideField {
  /** Xen's member name; "" for a C11 anonymous member. @example "pad" */
  name: string;
  /** Bytes from the start of the record. @example 4 */
  offset: number;
  /** Bytes; 0 for a flexible array member. @example 4 */
  size: number;
  /** The type as Xen spells it. @example "uint32_t" */
  type: string;
  /** The record type of the field after stripping arrays and typedefs. @example "xen_dm_op.u" */
  record?: string;
  /** Bit-fields: first bit from the start of the record, and width. @example 128 */
  bitOffset?: number;
  bitWidth?: number;
  flexibleArray?: boolean;
  /** Declared padding that Xen requires to be zero. */
  padding?: boolean;
}

/** A record's layout on one architecture. @example { "size": 32, "align": 8, "fields": [] } */
export interface SideLayout {
  size: number;
  align: number;
  fields: SideField[];
}

/** Where a side found an item, and its lifetime. */
export interface SideItemBase {
  name: string;
  namespace: Namespace;
  module: string;
  /** First release with the item. @example "4.9" */
  since: string;
  /** For Linux's interface: the Linux release that added the item. @example "4.11" */
  linuxSince?: string;
  /** Where it is declared, when the side knows (an `abi/` tree does, an export does not). */
  loc?: SourceLocation;
}

/** A struct or union with its layout on every architecture it exists on. */
export interface SideRecord extends SideItemBase {
  kind: 'struct' | 'union';
  typedef?: string;
  layouts: Partial<Record<Arch, SideLayout>>;
  /** Grows by design behind `versionField` (`hvm_start_info.version`). */
  growable?: { versionField: string };
  /** Per field key (see `fieldKey`): where the field is declared. */
  fieldLocs?: Record<string, SourceLocation>;
  /** Per field key: the release a field appeared in, when after the record. */
  fieldSince?: Record<string, string>;
}

/** A constant: one value, or one per architecture. */
export interface SideConstant extends SideItemBase {
  /** Decimal, or a string constant's text. @example "20" */
  value?: string;
  /** A string constant (`#define NAME "text"`): `value` and `values` hold its text. */
  string?: true;
  /** Per-architecture values, when the value depends on the architecture. */
  values?: Partial<Record<Arch, string>>;
  /** Only on these architectures, when the side knows. */
  archs?: Arch[];
  /**
   * The C type of the literal, when the side knows it (an `abi/` tree or a header tree; an
   * export or a baseline does not): compared by size and signedness. @example "unsigned int"
   */
  cType?: string;
  /** Per-architecture C types, when they differ (`1ULL` on arm32 where others have `1UL`). */
  cTypes?: Partial<Record<Arch, string>>;
}

/** A typedef, with its target spelled as Xen spells it. */
export interface SideAlias extends SideItemBase {
  /** Absent when the target differs per architecture. @example "uint16_t" */
  type?: string;
  /** The target per architecture, when it differs (`xen_ulong_t`). */
  types?: Partial<Record<Arch, string>>;
  archs?: Arch[];
}

/** A flag, value or op set. */
export interface SideSet extends SideItemBase {
  kind: 'flags' | 'values' | 'ops';
  field?: string;
  flags?: { mask: string; bit: number; bitConstant?: string }[];
  values?: string[];
  ops?: { constant: string; member?: string; record?: string }[];
  dispatch?: { record: string; opField: string; payloadField?: string };
}

/**
 * A function-like macro of pure arithmetic (`XENMEMF_node(x)`): its parameters and its body as
 * the DSL normalises it, which the checker parses and evaluates (`model/macros.ts`) with the
 * side's own constants, so two bodies are compared by what they compute, not by their text.
 */
export interface SideMacro extends SideItemBase {
  /** The parameters' names, in order. @example ["x"] */
  params: string[];
  /** The body as the DSL normalises it. @example "(x + 1) << 8" */
  body: string;
  /** Bits of the unsigned arithmetic. @example 32 */
  width: 32 | 64;
  /** Declared argument lists, decimals, one per parameter. @example [["0"], ["3"]] */
  samples: string[][];
  /** Only on these architectures. */
  archs?: Arch[];
}

/** A module: one generated header. Unstable modules name their interface-version constant. */
export interface SideModule {
  name: string;
  namespace: Namespace;
  xenHeader?: string;
  interfaceVersion?: string;
  loc?: SourceLocation;
  /**
   * An unstable part Xen versions with no interface-version constant at all (the tools-only
   * items of a guest header, read from Xen's headers): its changes are allowed as they come.
   */
  unversioned?: boolean;
}

/** Optional knowledge a side may lack; rules that need a missing one are skipped. */
export type Capability = 'sets' | 'padding' | 'growable' | 'aliases' | 'modules' | 'constantArchs' | 'locations' | 'fieldLifetimes' | 'linuxLifetimes' | 'strings' | 'macros';

export const CAPABILITIES: readonly Capability[] = ['aliases', 'constantArchs', 'fieldLifetimes', 'growable', 'linuxLifetimes', 'locations', 'macros', 'modules', 'padding', 'sets', 'strings'];

/** What a side was read from (`headers`: a tree of Xen's C headers, through the compiler). */
export type SideOrigin = 'abi' | 'git' | 'export' | 'baseline' | 'headers';

/** One side of a comparison: one release of the ABI. */
export interface AbiSide {
  origin: SideOrigin;
  /** For people: `git origin/main (1a2b3c4)`, `abi/baseline`, `base.json`. */
  label: string;
  /** The Xen release this side describes. @example "4.22" */
  release: string;
  /** Namespaces this side covers (an export may hold only one). */
  namespaces: Namespace[];
  has: Capability[];
  records: Record<string, SideRecord>;
  constants: Record<string, SideConstant>;
  aliases: Record<string, SideAlias>;
  sets: Record<string, SideSet>;
  /** Function-like macros; empty on a side without capability `macros`. */
  macros: Record<string, SideMacro>;
  modules: Record<string, SideModule>;
  /** Notes about how the side was read (a fallback taken), shown in the summary. */
  notes?: string[];
  /**
   * Where an item is declared on an architecture, by item path (as findings name it), when
   * that differs from `loc`: Xen declares `vcpu_guest_context` in `arch-x86/xen.h` for x86 and
   * in `arch-arm.h` for Arm, so a finding on Arm only points at the Arm header.
   */
  archLocs?: Record<string, Partial<Record<Arch, SourceLocation>>>;
  /**
   * Per module (`stable/dm_op`): a digest of all it declares, documentation included; only a
   * side read from `abi/` modules has them (`side/digests.ts`).
   */
  digests?: Record<string, string>;
}

/** The key that matches a field across sides: its name, or for an anonymous member its record. */
export function fieldKey(field: Pick<SideField, 'name' | 'record'>): string {
  return field.name !== '' ? field.name : (field.record ?? '');
}

/** The item path of a field in findings and waivers: `record.field`, or the anonymous member's record. */
export function fieldPath(record: string, field: Pick<SideField, 'name' | 'record'>): string {
  return field.name !== '' ? `${record}.${field.name}` : (field.record ?? `${record}.<anonymous>`);
}

/** An empty side, for builders. Its tables have no prototype (`names/dict.ts`): any name is a key. */
export function emptySide(origin: SideOrigin, label: string, release: string, has: Capability[], namespaces: Namespace[]): AbiSide {
  return { origin, label, release, namespaces, has, records: dict(), constants: dict(), aliases: dict(), sets: dict(), macros: dict(), modules: dict() };
}
