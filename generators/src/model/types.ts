/**
 * The xenabi model: the plain, JSON-serialisable form every ABI module lowers to.
 *
 * The DSL (`xenabi/dsl`) builds these objects; the validation passes, the layout engine
 * and every emitter read them. Nothing here carries behaviour, so the JSON Schema in
 * `generators/schema/model.schema.json` is generated from this file by
 * typescript-json-schema and every loaded module is checked against it with ajv.
 *
 * Names follow Xen's own spelling throughout (`xen_dm_op`, `XEN_DMOP_nr_vcpus`).
 */

/** One of the four architectures every layout is computed for. @example "x86_64" */
export type Arch = 'x86_32' | 'x86_64' | 'arm32' | 'arm64';

/** Which promise Xen makes about an item: `stable` never breaks, `unstable` is versioned. */
export type Namespace = 'stable' | 'unstable';

/** A Xen release as `major.minor`. @example "4.15" @pattern ^4\.(?:[6-9]|1[0-9]|2[0-2])$ */
export type XenRelease = string;

/** Where an item was declared. @example { "file": "abi/stable/dm_op.ts", "line": 42, "column": 3 } */
export interface SourceLocation {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

/**
 * The releases an item exists in: from `since` up to, but not including, `until`.
 * @example { "since": "4.9" }
 */
export interface Lifetime {
  /** First Xen release that has the item. */
  since: XenRelease;
  /** First Xen release that no longer has it; absent while it still exists. */
  until?: XenRelease;
}

/** Fixed-width C integer types. @example "uint32_t" */
export type ScalarName =
  | 'uint8_t'
  | 'uint16_t'
  | 'uint32_t'
  | 'uint64_t'
  | 'int8_t'
  | 'int16_t'
  | 'int32_t'
  | 'int64_t';

/** Xen's integer types whose width or alignment depends on the architecture. @example "xen_pfn_t" */
export type ArchScalarName = 'xen_ulong_t' | 'xen_pfn_t' | 'uint64_aligned_t';

/** A fixed-width integer. @example { "kind": "scalar", "name": "uint16_t" } */
export interface ScalarType {
  kind: 'scalar';
  name: ScalarName;
}

/** An integer whose size or alignment is per-architecture. @example { "kind": "archScalar", "name": "xen_ulong_t" } */
export interface ArchScalarType {
  kind: 'archScalar';
  name: ArchScalarName;
}

/** A typedef declared in the ABI, by name. @example { "kind": "alias", "name": "domid_t" } */
export interface AliasType {
  kind: 'alias';
  name: string;
}

/** A struct or union declared in the ABI, by record name. @example { "kind": "record", "name": "xen_dm_op.u" } */
export interface RecordType {
  kind: 'record';
  name: string;
}

/**
 * A guest handle: `XEN_GUEST_HANDLE(target)` (`width` "native") or `XEN_GUEST_HANDLE_64(target)`.
 * `target` is Xen's handle name (`void`, `uint8`, `xen_dm_op_buf_t`); `pointee` is the C type it points to.
 * @example { "kind": "handle", "width": "native", "target": "uint8", "pointee": "uint8_t" }
 */
export interface HandleType {
  kind: 'handle';
  width: 'native' | '64';
  target: string;
  pointee: string;
  const?: boolean;
}

/**
 * A fixed-length array; a flexible array member is a field with `flexible` set and length 0.
 * @example { "kind": "array", "element": { "kind": "scalar", "name": "uint8_t" }, "length": 3 }
 */
export interface ArrayType {
  kind: 'array';
  element: TypeRef;
  length: number;
  /** The constant Xen spells the length with, if any. @example "IOREQ_BUFFER_SLOT_NUM" */
  lengthConstant?: string;
}

export type TypeRef = ScalarType | ArchScalarType | AliasType | RecordType | HandleType | ArrayType;

/**
 * One member of a record.
 * @example { "name": "id", "type": { "kind": "alias", "name": "ioservid_t" }, "loc": { "file": "abi/stable/dm_op.ts", "line": 30, "column": 5 } }
 */
export interface Field {
  /** Xen's member name; "" for a C11 anonymous member. */
  name: string;
  type: TypeRef;
  doc?: string;
  loc: SourceLocation;
  /** Width in bits of a bit-field. @minimum 1 @maximum 64 */
  bitWidth?: number;
  /** A flexible array member (`XEN_FLEX_ARRAY_DIM`): the last field, of array type with length 0. */
  flexible?: boolean;
  /** Explicit padding: Xen requires it to be zero on input. */
  padding?: boolean;
  /** Only on these architectures (the Arm and x86 halves of `xen_arch_domainconfig`). */
  archs?: Arch[];
  /** First release with this member, when it came after the record. */
  since?: XenRelease;
  /** First release without this member (renamed or retyped members end here and start anew). */
  until?: XenRelease;
}

/**
 * Compiler-inserted padding the ABI knowingly relies on. Every hole the layout engine finds
 * must be declared, so a change that opens a new hole is caught.
 * @example { "after": "cmd", "archs": ["x86_64", "arm32", "arm64"], "reason": "u is 8-byte aligned" }
 */
export interface DeclaredHole {
  /** The field the hole follows; tail padding follows the last field. */
  after: string;
  archs: Arch[];
  reason: string;
}

/**
 * A struct or union.
 * @example { "kind": "struct", "name": "xen_dm_op", "tag": "xen_dm_op", "typedef": "xen_dm_op_t" }
 */
export interface RecordDecl extends Lifetime {
  kind: 'struct' | 'union';
  /** The record's name: its C tag, else its typedef, else its path from the enclosing record (`xen_dm_op.u`). */
  name: string;
  /** C tag, when the record has one. */
  tag?: string;
  /** `typedef struct tag typedef;` name, when Xen declares one. */
  typedef?: string;
  /** Enclosing record for a record declared inline. */
  parent?: string;
  namespace: Namespace;
  module: string;
  doc?: string;
  loc: SourceLocation;
  fields: Field[];
  /** Only on these architectures (PVH start info is x86 only). */
  archs?: Arch[];
  holes?: DeclaredHole[];
  /** Grows by design: fields may be appended behind `versionField` without breaking anyone. */
  growable?: { versionField: string; doc?: string };
}

/** `typedef <type> <name>;` @example { "kind": "alias", "name": "domid_t", "type": { "kind": "scalar", "name": "uint16_t" } } */
export interface AliasDecl extends Lifetime {
  kind: 'alias';
  name: string;
  type: TypeRef;
  namespace: Namespace;
  module: string;
  doc?: string;
  loc: SourceLocation;
  /** Only on these architectures. */
  archs?: Arch[];
}

/** How a constant is spelled in C. @example "hex" */
export type ConstantSpelling = 'dec' | 'hex' | 'shift';

/** The C type of a constant's literal. @example "unsigned int" */
export type ConstantCType = 'int' | 'unsigned int' | 'long' | 'unsigned long' | 'long long' | 'unsigned long long';

/** A value a constant took from a release on. @example { "since": "4.17", "value": "21" } */
export interface ConstantValueChange {
  since: XenRelease;
  /** Decimal. */
  value: string;
}

/**
 * An integer constant (`#define`).
 * @example { "kind": "constant", "name": "XEN_DMOP_nr_vcpus", "value": "20", "since": "4.15" }
 */
export interface ConstantDecl extends Lifetime {
  kind: 'constant';
  name: string;
  /** The value as a decimal string (the first value, when `history` lists later ones). @pattern ^-?[0-9]+$ */
  value: string;
  /** Per-architecture values, when the value depends on the architecture. */
  values?: Partial<Record<Arch, string>>;
  /** Later values, oldest first. */
  history?: ConstantValueChange[];
  cType: ConstantCType;
  spelling: ConstantSpelling;
  /** For a mask spelled `(1U << _BIT)`: the constant holding the bit number. */
  bitConstant?: string;
  /** Only on these architectures. */
  archs?: Arch[];
  namespace: Namespace;
  module: string;
  /** The set this constant belongs to, if any. */
  set?: string;
  doc?: string;
  loc: SourceLocation;
}

/** A member of a flag set: the mask constant and, when Xen names it, its bit-number constant. */
export interface FlagMember {
  mask: string;
  bit: number;
  bitConstant?: string;
}

/** One op of an op set: the op-number constant and the payload it carries. */
export interface OpMember {
  /** The op-number constant. @example "XEN_DMOP_create_ioreq_server" */
  constant: string;
  /** The member of the payload union that carries this op, when the set has a union. @example "create_ioreq_server" */
  member?: string;
  /** The payload record. @example "xen_dm_op_create_ioreq_server" */
  record?: string;
}

/**
 * A named group of constants with meaning: a flag set (bits), a value set (enumeration)
 * or an op set (op number → payload).
 * @example { "kind": "ops", "name": "XEN_DMOP", "members": [] }
 */
export interface ConstantSetDecl extends Lifetime {
  kind: 'flags' | 'values' | 'ops';
  name: string;
  namespace: Namespace;
  module: string;
  doc?: string;
  loc: SourceLocation;
  /** The field the values go in. @example "xen_dm_op_get_ioreq_server_info.flags" */
  field?: string;
  /** For flags: each member with its bit. */
  flags?: FlagMember[];
  /** For values: the constant names. */
  values?: string[];
  /** For ops: each op with its payload. */
  ops?: OpMember[];
  /** For ops dispatched through a record: the record and its op field and payload union. */
  dispatch?: { record: string; opField: string; payloadField?: string };
}

/** An interface-version constant that guards an unstable module. */
export interface InterfaceVersionDecl {
  /** @example "XEN_DOMCTL_INTERFACE_VERSION" */
  constant: string;
}

/**
 * One ABI module: what one generated header holds, mirroring one Xen header.
 * @example { "name": "dm_op", "namespace": "stable", "xenHeader": "hvm/dm_op.h" }
 */
export interface ModuleDecl {
  name: string;
  namespace: Namespace;
  /** Xen's header, relative to `xen/include/public`. */
  xenHeader: string;
  /** Xen's include guard for that header. */
  xenGuard: string;
  /** `full` when this module declares everything the Xen header's ABI has, `partial` otherwise. */
  coverage: 'full' | 'partial';
  /** Other modules whose items this one refers to, in include order. */
  imports: string[];
  doc?: string;
  loc: SourceLocation;
  /** Only on these architectures. */
  archs?: Arch[];
  /** Unstable modules name their interface-version constant. */
  interfaceVersion?: InterfaceVersionDecl;
  /** Item names in declaration order. */
  order: string[];
}

export type ItemDecl = RecordDecl | AliasDecl | ConstantDecl | ConstantSetDecl;

/** The whole ABI: every module and item, each item once. */
export interface AbiModel {
  format: 'xenabi-model/1';
  modules: ModuleDecl[];
  records: RecordDecl[];
  aliases: AliasDecl[];
  constants: ConstantDecl[];
  sets: ConstantSetDecl[];
}
