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

/**
 * Which promise covers an item: Xen's `stable` ABI never breaks and `unstable` is versioned by
 * Xen; `linux` is the operating-system interface Linux's Xen drivers offer user space
 * (`/dev/xen/privcmd` and friends), stable by Linux's rules and versioned by Linux releases,
 * not by Xen's.
 */
export type Namespace = 'stable' | 'unstable' | 'linux';

/** A Xen release as `major.minor`. @example "4.15" @pattern ^4\.(?:[6-9]|1[0-9]|2[0-2])$ */
export type XenRelease = string;

/**
 * A Linux release as `major.minor` (`2.6.N` before 3.0), the form a release is named in.
 * @example "4.11"
 * @pattern ^(?:2\.6\.[1-9][0-9]?|[3-9]\.(?:0|[1-9][0-9]?))$
 */
export type LinuxRelease = string;

/**
 * The Linux releases an item of the `linux` namespace exists in: from `linuxSince` up to, but
 * not including, `linuxUntil`. Xen releases do not version such items: their Xen lifetime
 * (`since`) is always the oldest release xenabi knows, so they exist in every Xen release.
 * @example { "linuxSince": "4.11" }
 */
export interface LinuxLifetime {
  /** First Linux release that has the item. */
  linuxSince?: LinuxRelease;
  /** First Linux release without it; absent while Linux still has it. */
  linuxUntil?: LinuxRelease;
}

/** Where an item was declared. @example { "file": "abi/stable/dm_op.ts", "line": 42, "column": 3 } */
export interface SourceLocation {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  /** 1-based line (0 when the DSL could not find its caller). @minimum 0 */
  line: number;
  /** 1-based column (0 when unknown). @minimum 0 */
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

/**
 * A value of Xen's `__XEN_INTERFACE_VERSION__`, written as Xen writes it: eight lower-case hex digits.
 * @example "0x0003020a"
 * @pattern ^0x[0-9a-f]{8}$
 */
export type InterfaceVersion = string;

/**
 * The guest interface versions an item is visible at. A guest picks the interface it was
 * written for with `__XEN_INTERFACE_VERSION__` (0 when it sets nothing) and Xen's header
 * hides newer items behind `#if __XEN_INTERFACE_VERSION__ >= min`; tools builds always get
 * the latest interface and see everything. The layout never depends on it.
 * @example { "min": "0x0003020a" }
 */
export interface GuestInterfaceGate {
  /** The lowest interface version that has the item. */
  min: InterfaceVersion;
}

/**
 * The name a record goes by for guests built against an older interface version: below
 * that version Xen `#define`s the current tag and typedef to these (`grant_entry_v1` is
 * `grant_entry` there). Same record, same layout, another spelling.
 * @example { "name": "grant_entry", "typedef": "grant_entry_t", "belowInterfaceVersion": "0x0003020a" }
 */
export interface LegacyRecordName {
  /** The C tag below that version. @pattern ^[A-Za-z_][A-Za-z0-9_]*$ */
  name: string;
  /** The typedef below that version, when the record has one. @pattern ^[A-Za-z_][A-Za-z0-9_]*$ */
  typedef?: string;
  /** The first interface version that uses the record's current names. */
  belowInterfaceVersion: InterfaceVersion;
}

/**
 * The type a member has for guests built against an older interface version, where Xen
 * spells it differently with the same size and alignment (a guest handle to `ulong` that
 * later became one to `xen_pfn_t`). Layouts use the member's own type.
 * @example { "type": { "kind": "handle", "width": "native", "target": "ulong", "pointee": "unsigned long" }, "belowInterfaceVersion": "0x00040300" }
 */
export interface LegacyFieldType {
  type: TypeRef;
  /** The first interface version that uses the member's current type. */
  belowInterfaceVersion: InterfaceVersion;
}

/**
 * The name a member has for guests built against an older interface version, where Xen
 * renamed it in place (`address_bits` became `mem_flags` at 0x00030209); with `legacyType`
 * of the same version, its type there too. Layouts use the member's own name and type.
 * @example { "name": "address_bits", "belowInterfaceVersion": "0x00030209" }
 */
export interface LegacyFieldName {
  /** @pattern ^[A-Za-z_][A-Za-z0-9_]*$ */
  name: string;
  /** The first interface version that uses the member's current name. */
  belowInterfaceVersion: InterfaceVersion;
}

/**
 * What, besides the release, an item needs in order to work: how the hypervisor was built
 * (`build`: a Kconfig option), how it was booted (`boot`: a command-line option) or how the
 * domain was created (`domain`: a creation flag). Gates never change a layout or a value;
 * they say when a call can succeed. A gate lives from `since` up to, but not including,
 * `until`; a module's gates apply to every item it declares.
 * @example { "kind": "build", "name": "CONFIG_ARGO", "since": "4.12", "doc": "Argo is compiled in only with this option." }
 */
export interface Gate extends Lifetime {
  kind: 'build' | 'boot' | 'domain';
  /**
   * The setting as a user writes it: the Kconfig symbol, the command-line option with its
   * value, or the creation flag constant.
   * @example "argo=1"
   */
  name: string;
  /** What the gate enables and what happens without it. */
  doc: string;
}

/**
 * Where Xen declares an item when that is not the module's Xen header (`xen_domain_handle_t`
 * lives in `xen.h`, `xen_arch_domainconfig` in the architecture headers): that header, its
 * include guard, the architectures it declares the item on, and whether only `__XEN__` /
 * `__XEN_TOOLS__` builds see it there. Lets a generated header skip its own declaration when
 * Xen's is in force. Changes no layout or value.
 * @example { "header": "arch-x86/xen.h", "guard": "__XEN_PUBLIC_ARCH_X86_XEN_H__", "archs": ["x86_32", "x86_64"], "tools": true }
 */
export interface XenOrigin {
  /** Relative to `xen/include/public`. */
  header: string;
  /** @pattern ^[A-Za-z_][A-Za-z0-9_]*$ */
  guard: string;
  /** Only on these architectures (each family has its own header). */
  archs?: Arch[];
  /** Xen declares it only for `__XEN__` or `__XEN_TOOLS__` builds. */
  tools?: boolean;
}

/**
 * C integer types of the same width on every architecture: the `<stdint.h>` ones, and the
 * plain C spellings Xen uses where the width happens to be fixed (`int`, `unsigned int`,
 * `char`, `unsigned char`). `char` is 1 byte everywhere but signed on x86 and unsigned on Arm.
 * @example "uint32_t"
 */
export type ScalarName =
  | 'uint8_t'
  | 'uint16_t'
  | 'uint32_t'
  | 'uint64_t'
  | 'int8_t'
  | 'int16_t'
  | 'int32_t'
  | 'int64_t'
  | 'char'
  | 'unsigned char'
  | 'int'
  | 'unsigned int';

/**
 * Integer types whose width or alignment depends on the architecture: Xen's typedefs, and C's
 * `long` and `unsigned long` (4 bytes on x86_32 and arm32, 8 on x86_64 and arm64; not the same
 * as `xen_ulong_t`, which is 8 bytes on arm32) and `size_t`, which Linux's interface uses (4
 * bytes on x86_32 and arm32, 8 elsewhere).
 * @example "xen_pfn_t"
 */
export type ArchScalarName = 'xen_ulong_t' | 'xen_pfn_t' | 'uint64_aligned_t' | 'int64_aligned_t' | 'long' | 'unsigned long' | 'size_t';

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
  /** Number of elements; 0 only for a flexible array member. @minimum 0 */
  length: number;
  /** The constant Xen spells the length with, if any. @example "IOREQ_BUFFER_SLOT_NUM" */
  lengthConstant?: string;
}

/**
 * A plain C pointer into the caller's own address space, as Linux's ioctl arguments carry
 * them (`void __user *uptr`): 4 bytes on x86_32 and arm32, 8 elsewhere. Unlike a guest
 * handle it is never widened on Arm. `pointee` is absent for `void *`.
 * @example { "kind": "pointer", "pointee": { "kind": "record", "name": "privcmd_dm_op_buf" }, "const": true }
 */
export interface PointerType {
  kind: 'pointer';
  pointee?: TypeRef;
  /** Points to `const` data. */
  const?: boolean;
}

export type TypeRef = ScalarType | ArchScalarType | AliasType | RecordType | HandleType | ArrayType | PointerType;

/**
 * Which way an op payload's member travels: `in` the caller sets it and Xen reads it, `out`
 * Xen writes it and the caller leaves it zero, `inout` both. Only members of records that an
 * op set names as payloads carry one; a member without one is private to Xen (a continuation
 * field the caller leaves zero) or padding.
 * @example "in"
 */
export type FieldDirection = 'in' | 'out' | 'inout';

/**
 * One member of a record.
 * @example { "name": "id", "type": { "kind": "alias", "name": "ioservid_t" }, "loc": { "file": "abi/stable/dm_op.ts", "line": 30, "column": 5 } }
 */
export interface Field {
  /** Xen's member name; "" for a C11 anonymous member. @pattern ^(?:[A-Za-z_][A-Za-z0-9_]*)?$ */
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
  /** Which way the member travels, for members of op payloads. */
  direction?: FieldDirection;
  /** Only on these architectures (the Arm and x86 halves of `xen_arch_domainconfig`). */
  archs?: Arch[];
  /** First release with this member, when it came after the record. */
  since?: XenRelease;
  /** First release without this member (renamed or retyped members end here and start anew). */
  until?: XenRelease;
  /** The member's type for guests built against an older interface version, when Xen spells it differently. */
  legacyType?: LegacyFieldType;
  /** `linux` namespace: first Linux release with this member, when it came after the record. */
  linuxSince?: LinuxRelease;
  /** `linux` namespace: first Linux release without this member. */
  linuxUntil?: LinuxRelease;
  /** The member's name for guests built against an older interface version, when Xen renamed it. */
  legacyName?: LegacyFieldName;
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
  /** First release the hole exists in, when it opened after the record appeared. */
  since?: XenRelease;
  /** First release without the hole (a field filled it, or the record grew past it). */
  until?: XenRelease;
}

/**
 * Which member of a union a record holds is in use, where one of the record's own members says
 * so (`evtchn_status.status` names the member of `u`), or that one member always carries the
 * union's bytes (a guest handle and its 64-bit widening). Typed layers read and write only that
 * member and refuse a member the tag does not name, so no unset byte of the union is ever read.
 * @example { "union": "u", "by": "status", "arms": [{ "member": "pirq", "values": ["EVTCHNSTAT_pirq"] }] }
 */
export interface UnionSelector {
  /** The record's member that holds the union. */
  union: string;
  /** The record's member whose value names the union's member in use; absent when one member always does. */
  by?: string;
  /** The union's members and when each is in use; a value no arm names leaves the union's bytes as they are. */
  arms: SelectedArm[];
}

/**
 * One member of a selected union and when it is in use: exactly one of `values`, `flag` and
 * `otherwise`.
 * @example { "member": "ref", "flag": "GNTTAB_CACHE_SOURCE_GREF" }
 */
export interface SelectedArm {
  /** The union's member. */
  member: string;
  /** In use when the selecting member equals one of these constants. */
  values?: string[];
  /** In use when the selecting member has this flag constant's bits set. */
  flag?: string;
  /** In use when no other arm is (a flag clear; or, without a selecting member, always). */
  otherwise?: boolean;
}

/**
 * A struct or union.
 * @example { "kind": "struct", "name": "xen_dm_op", "tag": "xen_dm_op", "typedef": "xen_dm_op_t" }
 */
export interface RecordDecl extends Lifetime, LinuxLifetime {
  kind: 'struct' | 'union';
  /** The record's name: its C tag, else its typedef, else its path from the enclosing record (`xen_dm_op.u`). */
  name: string;
  /** C tag, when the record has one. @pattern ^[A-Za-z_][A-Za-z0-9_]*$ */
  tag?: string;
  /** `typedef struct tag typedef;` name, when Xen declares one. @pattern ^[A-Za-z_][A-Za-z0-9_]*$ */
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
  /** The unions this record holds whose member in use it names (`UnionSelector`). */
  selectors?: UnionSelector[];
  /**
   * Xen's header showed the item only to `__XEN__` and `__XEN_TOOLS__` builds before this
   * release; guests see it from this release on. A module's value applies to every item that
   * states none; a value equal to the item's `since` says it was never hidden.
   */
  toolsOnlyBefore?: XenRelease;
  /**
   * Xen's header showed the item only to `__XEN__` and `__XEN_TOOLS__` builds from this release
   * on (a value Xen later moved behind its tools guards, such as the HVM parameters it retired);
   * its `since` when it was never shown to guests. Set members and inline records inherit it.
   */
  toolsOnlySince?: XenRelease;
  /** Visible only to guests built against this interface version or newer; inline records inherit it. */
  guestInterface?: GuestInterfaceGate;
  /** Xen's other name for the record below some interface version. */
  legacyName?: LegacyRecordName;
  /** Build, boot or domain settings the record needs; inline records inherit them. */
  gates?: Gate[];
  /** Where Xen declares the record, when not in the module's header. */
  xenOrigin?: XenOrigin[];
  /**
   * The record Xen declares this one's tag inside (`gnttab_copy` for `gnttab_copy_ptr`), which
   * C++ scopes the tag to. @pattern ^[A-Za-z_][A-Za-z0-9_.]*$
   */
  xenScope?: string;
  /** This record is the shared page of a request/response ring (`blkif_sring`). */
  ring?: RingInfo;
  /** The byte rings this shared record holds (the console's `in` and `out`). */
  byteRings?: ByteRingInfo[];
}

/**
 * A byte ring inside a shared record: a byte array both ends use as a circular buffer, with the
 * free-running consumer and producer indices of it in members of the same record (the
 * console's `in` with `in_cons` and `in_prod`, xenstore's `req` and `rsp`). The array's length
 * is a power of two; byte `i` of the stream is at `i` masked by the length minus one. Every
 * language gets a reader and a writer that follow the ring protocol's barriers.
 * @example { "data": "out", "cons": "out_cons", "prod": "out_prod", "producer": "front" }
 */
export interface ByteRingInfo {
  /** The byte array member. @pattern ^[A-Za-z_][A-Za-z0-9_]*$ */
  data: string;
  /** The consumer index member: how far the reader has read. @pattern ^[A-Za-z_][A-Za-z0-9_]*$ */
  cons: string;
  /** The producer index member: how far the writer has written. @pattern ^[A-Za-z_][A-Za-z0-9_]*$ */
  prod: string;
  /** Which end writes the bytes: `front` (the guest) or `back` (the console daemon, xenstored). */
  producer: 'front' | 'back';
}

/**
 * A request/response ring, as Xen's `DEFINE_RING_TYPES(name, request, response)` makes one:
 * the head of the shared page (this record: four free-running `RING_IDX` indices and padding
 * to 64 bytes), the entries after it (each the union of one request and one response), and
 * the private front and back ring state that every language generates around the page. The
 * entries are no member of the record, because Xen's declaration of them (one element, or a
 * flexible array since 4.20) makes C's `sizeof` vary while the page does not; the layout
 * engine places them after the head and computes how many fit `pageSize` (`ArchLayout.ring`).
 * @example { "name": "blkif", "request": "blkif_request", "response": "blkif_response", "entry": "blkif_sring_entry", "entries": "ring", "pageSize": 4096 }
 */
export interface RingInfo {
  /** The protocol's prefix: `blkif` gives `blkif_sring`, `blkif_front_ring`, `blkif_back_ring`. @pattern ^[A-Za-z_][A-Za-z0-9_]*$ */
  name: string;
  /** The request record. */
  request: string;
  /** The response record. */
  response: string;
  /** The entry union (`blkif_sring_entry`). */
  entry: string;
  /** The name of the entries member C declares after the head (`ring`). @pattern ^[A-Za-z_][A-Za-z0-9_]*$ */
  entries: string;
  /** Bytes of shared memory the ring is laid out in: Xen's rings take one 4096-byte page. @minimum 128 */
  pageSize: number;
}

/** `typedef <type> <name>;` @example { "kind": "alias", "name": "domid_t", "type": { "kind": "scalar", "name": "uint16_t" } } */
export interface AliasDecl extends Lifetime, LinuxLifetime {
  kind: 'alias';
  /** The typedef name. @pattern ^[A-Za-z_][A-Za-z0-9_]*$ */
  name: string;
  type: TypeRef;
  namespace: Namespace;
  module: string;
  doc?: string;
  loc: SourceLocation;
  /** Only on these architectures. */
  archs?: Arch[];
  /**
   * Xen's header showed the item only to `__XEN__` and `__XEN_TOOLS__` builds before this
   * release; guests see it from this release on. A module's value applies to every item that
   * states none; a value equal to the item's `since` says it was never hidden.
   */
  toolsOnlyBefore?: XenRelease;
  /**
   * Xen's header showed the item only to `__XEN__` and `__XEN_TOOLS__` builds from this release
   * on (a value Xen later moved behind its tools guards, such as the HVM parameters it retired);
   * its `since` when it was never shown to guests. Set members and inline records inherit it.
   */
  toolsOnlySince?: XenRelease;
  /** Visible only to guests built against this interface version or newer. */
  guestInterface?: GuestInterfaceGate;
  /** Build, boot or domain settings the typedef needs. */
  gates?: Gate[];
  /** Where Xen declares the typedef, when not in the module's header. */
  xenOrigin?: XenOrigin[];
}

/** How a constant is spelled in C. @example "hex" */
export type ConstantSpelling = 'dec' | 'hex' | 'shift';

/**
 * The C type of a constant's literal: an integer type, or `string` for a string literal
 * (`#define HVM_XS_BIOS "hvmloader/bios"`, C type `char[N]`), whose value is the text.
 * @example "unsigned int"
 */
export type ConstantCType = IntegerCType | 'string';

/** The C type of an integer literal. @example "unsigned int" */
export type IntegerCType = 'int' | 'unsigned int' | 'long' | 'unsigned long' | 'long long' | 'unsigned long long';

/**
 * A value a constant has: a decimal integer, or for a string constant (`cType` `string`) its
 * text, printable ASCII only. The `string-constant` validation pass checks both, with the
 * constant's location, so the schema leaves the text to it.
 * @example "20"
 */
export type ConstantValue = string;

/**
 * The value a constant has for guests built against an older interface version, where Xen's
 * header gives the name another value (`__HYPERVISOR_event_channel_op` is the legacy hypercall
 * 16 below 0x00030202). xenabi's headers give it only to includers that ask for such an
 * interface by defining `__XEN_INTERFACE_VERSION__`; by default they present the newest.
 * @example { "value": "16", "belowInterfaceVersion": "0x00030202" }
 */
export interface LegacyConstantValue {
  /** Decimal. @pattern ^-?[0-9]+$ */
  value: string;
  /** The first interface version that has the constant's own value. */
  belowInterfaceVersion: InterfaceVersion;
}

/** A value a constant took from a release on. @example { "since": "4.17", "value": "21" } */
export interface ConstantValueChange {
  since: XenRelease;
  /** Decimal, or the text of a string constant. */
  value: ConstantValue;
  /** The literal's C type from this release on, when it changed (`(1<<31)` became `(1u<<31)`). */
  cType?: IntegerCType;
}

/** Which way an ioctl's argument travels, as Linux's `_IOC_NONE`, `_IOC_WRITE`, `_IOC_READ` say. @example "none" */
export type IoctlDirection = 'none' | 'write' | 'read' | 'readwrite';

/**
 * How an ioctl request number is made: Linux's `_IOC(dir, type, nr, size)` with `size` the
 * size of `argument` on each architecture. The layout engine computes the numbers
 * (`layout/ioctl.ts`) and the loader stores them as the constant's `value` or `values`.
 * Linux's Xen drivers encode most of their ioctls with direction `none` and a size anyway;
 * `direction` says what the header says, not what the argument does.
 * @example { "direction": "none", "type": "P", "nr": 5, "argument": { "kind": "record", "name": "privcmd_dm_op" } }
 */
export interface IoctlEncoding {
  direction: IoctlDirection;
  /** The driver's letter. @pattern ^[\x20-\x7e]$ */
  type: string;
  /** The command number within the driver. @minimum 0 @maximum 255 */
  nr: number;
  /** The type whose size is encoded; absent for size 0. */
  argument?: TypeRef;
}

/**
 * A constant (`#define`): an integer, or a string when `cType` is `string`.
 * @example { "kind": "constant", "name": "XEN_DMOP_nr_vcpus", "value": "20", "since": "4.15" }
 */
export interface ConstantDecl extends Lifetime, LinuxLifetime {
  kind: 'constant';
  /** The macro name. @pattern ^[A-Za-z_][A-Za-z0-9_]*$ */
  name: string;
  /**
   * The value as a decimal string, or a string constant's text (the first value, when
   * `history` lists later ones).
   */
  value: ConstantValue;
  /** Per-architecture values, when the value depends on the architecture (`XEN_IO_PROTO_ABI_NATIVE`). */
  values?: Partial<Record<Arch, ConstantValue>>;
  /** Later values, oldest first. */
  history?: ConstantValueChange[];
  /** Its value for guests built against an older interface version, when Xen's header gives another. */
  legacyValue?: LegacyConstantValue;
  cType: ConstantCType;
  spelling: ConstantSpelling;
  /** For a mask spelled `(1U << _BIT)`: the constant holding the bit number. */
  bitConstant?: string;
  /**
   * The entries of a ring's page (`__CONST_RING_SIZE`): the ring page record this constant
   * counts for. The loader stores what the layout engine computes as `value` (and `values`
   * where the architectures differ). @example "usbif_urb_sring"
   */
  ringEntries?: string;
  /** Only on these architectures. */
  archs?: Arch[];
  namespace: Namespace;
  module: string;
  /** The set this constant belongs to, if any. */
  set?: string;
  doc?: string;
  loc: SourceLocation;
  /**
   * Xen's header showed the item only to `__XEN__` and `__XEN_TOOLS__` builds before this
   * release; guests see it from this release on. A module's value applies to every item that
   * states none; a value equal to the item's `since` says it was never hidden.
   */
  toolsOnlyBefore?: XenRelease;
  /**
   * Xen's header showed the item only to `__XEN__` and `__XEN_TOOLS__` builds from this release
   * on (a value Xen later moved behind its tools guards, such as the HVM parameters it retired);
   * its `since` when it was never shown to guests. Set members and inline records inherit it.
   */
  toolsOnlySince?: XenRelease;
  /** Visible only to guests built against this interface version or newer; set members inherit the set's. */
  guestInterface?: GuestInterfaceGate;
  /** Build, boot or domain settings the constant needs; set members inherit the set's. */
  gates?: Gate[];
  /** Where Xen defines the constant, when not in the module's header; set members inherit the set's. */
  xenOrigin?: XenOrigin[];
  /** An ioctl request number: how it is encoded. Its `value`/`values` come from the layout engine. */
  ioctl?: IoctlEncoding;
}

/** A member of a flag set: the mask constant and, when Xen names it, its bit-number constant. */
export interface FlagMember {
  mask: string;
  /** The bit number. @minimum 0 @maximum 63 */
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
export interface ConstantSetDecl extends Lifetime, LinuxLifetime {
  kind: 'flags' | 'values' | 'ops';
  name: string;
  namespace: Namespace;
  module: string;
  doc?: string;
  loc: SourceLocation;
  /** The field the values go in. @example "xen_dm_op_get_ioreq_server_info.flags" */
  field?: string;
  /** Only on these architectures; members that name none of their own inherit them. */
  archs?: Arch[];
  /** For flags: each member with its bit. */
  flags?: FlagMember[];
  /** For values: the constant names. */
  values?: string[];
  /** For ops: each op with its payload. */
  ops?: OpMember[];
  /** For ops dispatched through a record: the record and its op field and payload union. */
  dispatch?: { record: string; opField: string; payloadField?: string };
  /**
   * Xen's header showed the item only to `__XEN__` and `__XEN_TOOLS__` builds before this
   * release; guests see it from this release on. A module's value applies to every item that
   * states none; a value equal to the item's `since` says it was never hidden.
   */
  toolsOnlyBefore?: XenRelease;
  /**
   * Xen's header showed the item only to `__XEN__` and `__XEN_TOOLS__` builds from this release
   * on (a value Xen later moved behind its tools guards, such as the HVM parameters it retired);
   * its `since` when it was never shown to guests. Set members and inline records inherit it.
   */
  toolsOnlySince?: XenRelease;
  /** Visible only to guests built against this interface version or newer. */
  guestInterface?: GuestInterfaceGate;
  /** Build, boot or domain settings the set needs. */
  gates?: Gate[];
  /** Where Xen defines the set's constants, when not in the module's header. */
  xenOrigin?: XenOrigin[];
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
  /** The module's name: its file's basename, also the generated header's. @pattern ^[a-z_][a-z0-9_]*$ */
  name: string;
  namespace: Namespace;
  /**
   * The header the module mirrors: Xen's, relative to `xen/include/public`, or for the `linux`
   * namespace Linux's, relative to `include/uapi` (or to `include` for one Linux never exported).
   */
  xenHeader: string;
  /** That header's include guard. */
  xenGuard: string;
  /** `full` when this module declares everything the mirrored header's ABI has, `partial` otherwise. */
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
  /** Build, boot or domain settings every item of the module needs. */
  gates?: Gate[];
  /**
   * Xen's header showed the module's items only to `__XEN__` and `__XEN_TOOLS__` builds before
   * this release (dm_op.h until 4.15); items may state their own.
   */
  toolsOnlyBefore?: XenRelease;
}

/** An operator of a function-like macro's arithmetic. @example "<<" */
export type MacroOperator = '+' | '-' | '*' | '<<' | '>>' | '&' | '|' | '^';

/**
 * The body of a function-like macro, as a tree: its parameters, integer literals, constants of
 * the same module, `~`, and the integer operators. Every language evaluates it in unsigned
 * arithmetic of the macro's `width`.
 * @example { "kind": "binary", "op": "+", "left": { "kind": "int", "value": "1", "text": "1" }, "right": { "kind": "param", "name": "n" } }
 */
export type MacroExpr =
  | { kind: 'param'; name: string }
  | { kind: 'int'; value: string; text: string }
  | { kind: 'constant'; name: string }
  | { kind: 'not'; operand: MacroExpr }
  | { kind: 'binary'; op: MacroOperator; left: MacroExpr; right: MacroExpr };

/**
 * A function-like macro that is pure arithmetic on its arguments (`XENMEMF_node(x)`,
 * `XEN_DMOP_PCI_SBDF(s, b, d, f)`): a C macro under Xen's name, a Rust `const fn`, a TypeScript
 * function. Macros that need C types, declare things or assign are not declared.
 * @example { "kind": "macro", "name": "XENMEM_resource_ioreq_server_frame_ioreq", "params": ["n"], "width": 32, "since": "4.11" }
 */
export interface MacroDecl extends Lifetime {
  kind: 'macro';
  /** @pattern ^[A-Za-z_][A-Za-z0-9_]*$ */
  name: string;
  /** The parameters' names, in order. */
  params: string[];
  body: MacroExpr;
  /** Bits of the unsigned arithmetic the body is evaluated in (`uint32_t` or `uint64_t`). */
  width: 32 | 64;
  /** Arguments to check the macro with against Xen's header (`xenabi verify`): each a list of decimals, one per parameter. */
  samples: string[][];
  namespace: Namespace;
  module: string;
  doc?: string;
  loc: SourceLocation;
  archs?: Arch[];
  /** As a constant's: Xen showed it only to tools builds before this release. */
  toolsOnlyBefore?: XenRelease;
  /** Visible only to guests built against this interface version or newer. */
  guestInterface?: GuestInterfaceGate;
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
  /** Function-like macros; absent when there are none. */
  macros?: MacroDecl[];
}
