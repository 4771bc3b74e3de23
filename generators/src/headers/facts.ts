/**
 * What header mode knows of a tree of Xen's headers on one architecture, as the compiler
 * gave it: records with their layouts, typedefs and integer constants, each with where it is
 * declared and whether a guest (no `__XEN_TOOLS__`) sees it. Plain data, cached as JSON.
 */
import type { Arch } from '../model/types.js';

/** Where an item is declared: relative to the public header folder. */
export interface FactLoc {
  file: string;
  line: number;
  col: number;
}

export interface FieldFact {
  /** "" for an anonymous member. */
  name: string;
  offset: number;
  /** Bytes; 0 for a flexible array member. */
  size: number;
  /** Spelled as xenabi spells types: `uint32_t`, `union xen_dm_op.u`, `XEN_GUEST_HANDLE(uint8)`, `uint8_t[3]`. */
  type: string;
  /** The record the member is (through arrays and typedefs), by header-mode name. */
  record?: string;
  bitOffset?: number;
  bitWidth?: number;
  flexibleArray?: true;
  loc: FactLoc;
}

export interface RecordFact {
  /** Its tag; else its typedef; else its path from the enclosing record (`xen_dm_op.u`, `evtchn_op.<anon0>`). */
  name: string;
  kind: 'struct' | 'union';
  tag?: string;
  typedef?: string;
  parent?: string;
  size: number;
  align: number;
  fields: FieldFact[];
  loc: FactLoc;
  /** Seen without `__XEN_TOOLS__`. */
  plain: boolean;
}

export interface TypedefFact {
  name: string;
  type: string;
  loc: FactLoc;
  plain: boolean;
}

export interface ConstantFact {
  name: string;
  /** Decimal; for a string macro (`cType` `string`), its text. */
  value: string;
  /** The C type of the macro's expansion (or `int` for an enumerator), `string` for a string literal. */
  cType: string;
  loc: FactLoc;
  plain: boolean;
  /** A `#define`, or an enumerator of one of Xen's enums. */
  origin: 'macro' | 'enum';
}

export interface ArchFacts {
  arch: Arch;
  records: RecordFact[];
  typedefs: TypedefFact[];
  constants: ConstantFact[];
  /** The headers included at the top of the translation unit. */
  roots: string[];
  /** Errors the compiler reported in the tree's headers (not in the probe), for notes. */
  errors: string[];
}

/** Every architecture's facts of one tree. */
export interface TreeFacts {
  format: 'xenabi-header-facts/1';
  arches: ArchFacts[];
}
