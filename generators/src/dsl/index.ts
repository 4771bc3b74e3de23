/**
 * The schema language of `abi/`: small typed builders that ABI modules call to declare
 * Xen's records, typedefs and constants under Xen's own names. Each builder records where
 * it was called, so every diagnostic points at a line of an ABI module.
 *
 * ```ts
 * export const ioservid_t = typedef('ioservid_t', u16, { since: '4.9' });
 * export const xen_dm_op_destroy_ioreq_server = struct('xen_dm_op_destroy_ioreq_server', {
 *   typedef: 'xen_dm_op_destroy_ioreq_server_t', since: '4.9',
 *   fields: [field('id', ioservid_t), pad('pad', u16)],
 * });
 * ```
 */
import type {
  Arch,
  ConstantCType,
  IntegerCType,
  ConstantSpelling,
  DeclaredHole,
  FieldDirection,
  GuestInterfaceGate,
  InterfaceVersion,
  ByteRingInfo,
  IoctlDirection,
  LegacyRecordName,
  UnionSelector,
  LinuxRelease,
  XenOrigin,
  XenRelease,
} from '../model/types.js';
import type {
  AliasDef,
  ConstantDef,
  FieldDef,
  FlagDef,
  GateDef,
  IoctlDef,
  ItemDef,
  MacroDef,
  ItemOptions,
  ModuleDef,
  OpDef,
  RecordDef,
  SetDef,
  TypeDef,
} from './defs.js';
import { callerLocation } from './location.js';

export type { AliasDef, ConstantDef, FieldDef, GateDef, ItemDef, MacroDef, ModuleDef, RecordDef, SetDef, TypeDef } from './defs.js';
export { X86, ARM } from '../model/arch.js';

// ---- Types -------------------------------------------------------------------------------

export const u8: TypeDef = { kind: 'scalar', name: 'uint8_t' };
export const u16: TypeDef = { kind: 'scalar', name: 'uint16_t' };
export const u32: TypeDef = { kind: 'scalar', name: 'uint32_t' };
export const u64: TypeDef = { kind: 'scalar', name: 'uint64_t' };
export const i8: TypeDef = { kind: 'scalar', name: 'int8_t' };
export const i16: TypeDef = { kind: 'scalar', name: 'int16_t' };
export const i32: TypeDef = { kind: 'scalar', name: 'int32_t' };
export const i64: TypeDef = { kind: 'scalar', name: 'int64_t' };
/** C's `char`: 1 byte; signed on x86, unsigned on Arm. Xen uses it for text. */
export const c_char: TypeDef = { kind: 'scalar', name: 'char' };
/** C's `unsigned char`. */
export const c_uchar: TypeDef = { kind: 'scalar', name: 'unsigned char' };
/** C's `int`: 4 bytes on every architecture xenabi knows. */
export const c_int: TypeDef = { kind: 'scalar', name: 'int' };
/** C's `unsigned int`: 4 bytes on every architecture xenabi knows. */
export const c_uint: TypeDef = { kind: 'scalar', name: 'unsigned int' };
/** C's `long`: 4 bytes on x86_32 and arm32, 8 on x86_64 and arm64. */
export const c_long: TypeDef = { kind: 'archScalar', name: 'long' };
/** C's `unsigned long`: 4 bytes on x86_32 and arm32, 8 on x86_64 and arm64 (unlike `xen_ulong_t`, 8 on arm32). */
export const c_ulong: TypeDef = { kind: 'archScalar', name: 'unsigned long' };
/** `unsigned long` sized on x86, 8 bytes on both Arm architectures: 4 bytes on x86_32, 8 elsewhere. */
export const xen_ulong_t: TypeDef = { kind: 'archScalar', name: 'xen_ulong_t' };
/** A guest frame number: 4 bytes on x86_32, 8 elsewhere. */
export const xen_pfn_t: TypeDef = { kind: 'archScalar', name: 'xen_pfn_t' };
/** A 64-bit integer that is 8-byte aligned even on x86_32 (tools layout). */
export const uint64_aligned_t: TypeDef = { kind: 'archScalar', name: 'uint64_aligned_t' };
/** Xen's `int64_aligned_t` (tools builds): the signed twin of `uint64_aligned_t`, 8-byte aligned even on x86_32. */
export const int64_aligned_t: TypeDef = { kind: 'archScalar', name: 'int64_aligned_t' };
/** C's `size_t`, as Linux's interface uses it: 4 bytes on x86_32 and arm32, 8 elsewhere. */
export const size_t: TypeDef = { kind: 'archScalar', name: 'size_t' };

/**
 * A plain pointer into the caller's address space (`void __user *` in Linux's headers):
 * pointer-sized on each architecture, never widened. `ptr()` is `void *`.
 */
export function ptr(pointee?: TypeDef, options: { const?: boolean } = {}): TypeDef {
  return { kind: 'pointer', ...(pointee ? { pointee } : {}), ...(options.const ? { const: true } : {}) };
}

/** A fixed-length array; `lengthConstant` names the constant Xen spells the length with. */
export function array(element: TypeDef, length: number, lengthConstant?: ConstantDef | string): TypeDef {
  const named = typeof lengthConstant === 'string' ? lengthConstant : lengthConstant?.name;
  return { kind: 'array', element, length, ...(named ? { lengthConstant: named } : {}) };
}

/** Options of a guest handle: `const` for Xen's `const_` handles (`XEN_GUEST_HANDLE(const_uint8)`). */
interface HandleOptions {
  const?: boolean;
}

/**
 * `XEN_GUEST_HANDLE(target)`: a pointer on x86, an 8-byte union on Arm. `target` is Xen's
 * handle name (`void`, `uint8`) or a record/typedef declared in the ABI.
 */
export function handle(target: string | RecordDef | AliasDef, pointee?: string, options: HandleOptions = {}): TypeDef {
  return handleOf('native', target, pointee, options);
}

/** `XEN_GUEST_HANDLE_64(target)`: 8 bytes on every architecture. */
export function handle64(target: string | RecordDef | AliasDef, pointee?: string, options: HandleOptions = {}): TypeDef {
  return handleOf('64', target, pointee, options);
}

function handleOf(width: 'native' | '64', target: string | RecordDef | AliasDef, pointee: string | undefined, options: HandleOptions): TypeDef {
  const constant = options.const ? { const: true } : {};
  if (typeof target === 'string') return { kind: 'handle', width, target, pointee: pointee ?? target, ...constant };
  const name = target.kind === 'aliasDef' ? target.name : (target.typedef ?? target.name ?? '?');
  return { kind: 'handle', width, target: name, pointee: pointee ?? name, ...constant };
}

// ---- Records -----------------------------------------------------------------------------

interface RecordOptions {
  typedef?: string;
  since?: XenRelease;
  until?: XenRelease;
  /** `abi/linux` records: the Linux release that added the record (Xen releases do not version them). */
  linuxSince?: LinuxRelease;
  linuxUntil?: LinuxRelease;
  doc?: string;
  archs?: Arch[];
  fields: FieldDef[];
  /** Compiler-inserted padding the ABI relies on; every hole must be declared. */
  holes?: DeclaredHole[];
  /** Fields may be appended behind this version field without breaking the ABI. */
  growable?: { versionField: string; doc?: string };
  /** The unions it holds whose member in use one of its members names (`select(…)`). */
  selectors?: UnionSelector[];
  /** Visible only to guests built against this interface version or newer (`{ min: '0x0003020a' }`). */
  guestInterface?: GuestInterfaceGate;
  /** Xen's other tag and typedef for the record below some interface version. */
  legacyName?: LegacyRecordName;
  /** Build, boot or domain settings the record needs (`gate.build(…)` and friends). */
  gates?: GateDef[];
  /** Where Xen declares the record, when not in the module's header. */
  xenOrigin?: XenOrigin[];
  /** The record Xen declares this one's tag inside (C++ scopes the tag to it). */
  xenScope?: string;
  /** Xen showed it only to `__XEN__`/`__XEN_TOOLS__` builds before this release (the module's value when unset). */
  toolsOnlyBefore?: XenRelease;
  /** Xen showed it only to `__XEN__`/`__XEN_TOOLS__` builds from this release on. */
  toolsOnlySince?: XenRelease;
  /** Byte rings the record holds: a byte array and its consumer and producer indices (`byteRing(…)`). */
  byteRings?: ByteRingInfo[];
}

/** `struct tag { … }`. Pass `null` as the tag for `typedef struct { … } name_t;`. */
export function struct(tag: string | null, options: RecordOptions): RecordDef {
  return record('struct', tag, options);
}

/** `union tag { … }`, or an inline union when the tag is omitted. */
export function union(tag: string | null, options: RecordOptions): RecordDef {
  return record('union', tag, options);
}

/** An inline struct, named by its path from the enclosing record (`evtchn_status.u.unbound`). */
export function inlineStruct(options: RecordOptions): RecordDef {
  return record('struct', null, options);
}

/** An inline union, named by its path from the enclosing record (`xen_dm_op.u`). */
export function inlineUnion(options: RecordOptions): RecordDef {
  return record('union', null, options);
}

function record(recordKind: 'struct' | 'union', tag: string | null, options: RecordOptions): RecordDef {
  const { fields, ...rest } = options;
  const name = tag ?? options.typedef;
  return {
    kind: 'recordDef',
    recordKind,
    ...(name ? { name } : {}),
    ...(tag ? { tag } : {}),
    ...rest,
    fields,
    loc: callerLocation(),
  };
}

// ---- Fields ------------------------------------------------------------------------------

interface FieldOptions {
  doc?: string;
  /**
   * For members of op payloads: `in` (the caller sets it), `out` (Xen writes it; the caller
   * leaves it zero) or `inout`. The docs print it before the member's text.
   */
  direction?: FieldDirection;
  archs?: Arch[];
  since?: XenRelease;
  until?: XenRelease;
  /** `abi/linux` records: the Linux release that added the member, when it came after the record. */
  linuxSince?: LinuxRelease;
  linuxUntil?: LinuxRelease;
  /** The member's type below an interface version, where Xen spells it differently with the same layout. */
  legacyType?: { type: TypeDef; belowInterfaceVersion: InterfaceVersion };
  /** The member's name below an interface version, where Xen renamed it in place. */
  legacyName?: { name: string; belowInterfaceVersion: InterfaceVersion };
}

/** A member. */
export function field(name: string, type: TypeDef, options: FieldOptions = {}): FieldDef {
  return { name, type, ...options, loc: callerLocation() };
}

/** Explicit padding: Xen requires it to be zero. */
export function pad(name: string, type: TypeDef, options: FieldOptions = {}): FieldDef {
  return { name, type, padding: true, ...options, loc: callerLocation() };
}

/** A bit-field `type name : width`. */
export function bits(name: string, type: TypeDef, width: number, options: FieldOptions & { padding?: boolean } = {}): FieldDef {
  return { name, type, bitWidth: width, ...options, loc: callerLocation() };
}

/** A flexible array member `element name[XEN_FLEX_ARRAY_DIM]`; it must come last. */
export function flex(name: string, element: TypeDef, options: FieldOptions = {}): FieldDef {
  return { name, type: { kind: 'array', element, length: 0 }, flexible: true, ...options, loc: callerLocation() };
}

/** A C11 anonymous struct or union member. */
export function anonymous(recordDef: RecordDef, options: FieldOptions = {}): FieldDef {
  return { name: '', type: recordDef, ...options, loc: callerLocation() };
}

// ---- Typedefs ----------------------------------------------------------------------------

/** `typedef type name;` */
export function typedef(name: string, type: TypeDef, options: ItemOptions): AliasDef {
  return { kind: 'aliasDef', name, type, ...options, loc: callerLocation() };
}

// ---- Function-like macros --------------------------------------------------------------

type MacroOptions = ItemOptions & {
  /** Bits of the unsigned arithmetic (default 32: C's `unsigned int` on every architecture). */
  width?: 32 | 64;
  /** Argument lists `xenabi verify` checks the macro with against Xen's header, one value per parameter. */
  samples: (number | bigint)[][];
};

/**
 * A function-like macro that is pure arithmetic on its arguments: `body` is a C-like expression
 * over the parameters, integer literals and constants of the same module, with `~` and the
 * operators `* + - << >> & ^ |`. It becomes a C macro under its name, a Rust `const fn` and a
 * TypeScript function, each computing in unsigned arithmetic of `width` bits.
 *
 * ```ts
 * export const XENMEMF_node = macro('XENMEMF_node', ['x'], '(x + 1) << 8', { since: '4.6', samples: [[0], [3]], doc: '…' });
 * ```
 */
export function macro(name: string, params: string[], body: string, options: MacroOptions): MacroDef {
  return { kind: 'macroDef', name, params, body, ...options, loc: callerLocation() };
}

// ---- Constants ---------------------------------------------------------------------------

type ConstantOptions = ItemOptions & {
  /** Per-architecture values, when the value depends on the architecture. */
  values?: Partial<Record<Arch, number | bigint>>;
  /** Later values: the release each took effect in, and the literal's C type when that changed too. */
  history?: { since: XenRelease; value: number | bigint; cType?: IntegerCType }[];
  /** Xen's other value for guests built against an older interface version (`__HYPERVISOR_sched_op` is 6 below 0x00030101). */
  legacyValue?: { value: number | bigint; belowInterfaceVersion: InterfaceVersion };
  cType?: IntegerCType;
  spelling?: ConstantSpelling;
};

type StringConstantOptions = ItemOptions & {
  /** Per-architecture texts, when the text depends on the architecture (`XEN_IO_PROTO_ABI_NATIVE`). */
  values?: Partial<Record<Arch, string>>;
  /** Later texts: the release each took effect in. */
  history?: { since: XenRelease; value: string }[];
};

/** An integer `#define`. */
export function constant(name: string, value: number | bigint, options: ConstantOptions): ConstantDef {
  return constantAt(name, value, options);
}

/**
 * A string `#define` (`#define HVM_XS_BIOS "hvmloader/bios"`): printable ASCII text, written
 * as a C string literal, a Rust `&str` (with a NUL-terminated `&CStr` twin) and a TypeScript string.
 *
 * ```ts
 * export const HVM_XS_BIOS = stringConstant('HVM_XS_BIOS', 'hvmloader/bios', { since: '4.6', doc: '…' });
 * ```
 */
export function stringConstant(name: string, value: string, options: StringConstantOptions): ConstantDef {
  const { values, history, ...rest } = options;
  return {
    kind: 'constantDef',
    name,
    value,
    ...rest,
    cType: 'string',
    ...(values ? { values: { ...values } } : {}),
    ...(history ? { history: history.map((h) => ({ since: h.since, value: h.value })) } : {}),
    loc: callerLocation(),
  };
}

function constantAt(name: string, value: number | bigint, options: ConstantOptions, bitConstant?: string, ioctlDef?: IoctlDef): ConstantDef {
  const { values, history, legacyValue, ...rest } = options;
  return {
    kind: 'constantDef',
    name,
    value: BigInt(value),
    ...rest,
    ...(legacyValue ? { legacyValue: { value: BigInt(legacyValue.value), belowInterfaceVersion: legacyValue.belowInterfaceVersion } } : {}),
    ...(ioctlDef ? { ioctl: ioctlDef } : {}),
    ...(values ? { values: mapValues(values) } : {}),
    ...(history ? { history: history.map((h) => ({ since: h.since, value: BigInt(h.value), ...(h.cType ? { cType: h.cType } : {}) })) } : {}),
    ...(bitConstant ? { bitConstant } : {}),
    loc: callerLocation(),
  };
}

function mapValues(values: Partial<Record<Arch, number | bigint>>): Partial<Record<Arch, bigint>> {
  return Object.fromEntries(Object.entries(values).map(([arch, v]) => [arch, BigInt(v as number | bigint)]));
}

type FlagOptions = ItemOptions & {
  /** Xen's bit-number constant (`_XEN_DMOP_no_gfns`), when it has one. */
  bitConstant?: string;
  cType?: IntegerCType;
  /** How Xen spells the mask; `shift` (`(1U << n)`) unless it writes a literal (`0x1`). */
  spelling?: ConstantSpelling;
  /** Later C types of the mask (`(1<<0)` became `(1u<<0)`); the value follows from the type. */
  history?: { since: XenRelease; cType: IntegerCType }[];
};

/** One flag: the mask `(1U << bit)` and, if Xen names it, the bit-number constant. */
export function flag(mask: string, bit: number, options: FlagOptions): FlagDef {
  const { bitConstant, cType, spelling, history, ...item } = options;
  const maskSpelling = spelling ?? 'shift';
  const maskType = cType ?? (maskSpelling === 'shift' ? 'unsigned int' : 'int');
  const maskHistory = history?.map((h) => ({ since: h.since, value: maskValue(bit, h.cType), cType: h.cType }));
  const maskOptions = { ...item, spelling: maskSpelling, cType: maskType, ...(maskHistory ? { history: maskHistory } : {}) };
  const maskDef = constantAt(mask, maskValue(bit, maskType), maskOptions, bitConstant);
  if (!bitConstant) return { mask: maskDef, bit };
  const bitDef = constantAt(bitConstant, bit, { ...item, spelling: 'dec', cType: 'int' });
  return { mask: maskDef, bit, bitConstant: bitDef };
}

/** `1 << bit` as a value of `cType`: a shift into the sign bit of `int` or `long long` is negative. */
function maskValue(bit: number, cType: IntegerCType): bigint {
  const value = 1n << BigInt(bit);
  const signedWidth = cType === 'int' ? 32n : cType === 'long long' ? 64n : undefined;
  return signedWidth !== undefined && value === 1n << (signedWidth - 1n) ? -value : value;
}

type IoctlOptions = ItemOptions & {
  /** `_IOC_NONE`, `_IOC_WRITE`, `_IOC_READ` or both, as the header writes it (`_IOW` is `write`). */
  direction: IoctlDirection;
  /** The driver's letter (`'P'` for privcmd). */
  type: string;
  /** The command number within the driver. */
  nr: number;
  /** The type whose size the number encodes (`sizeof(struct privcmd_dm_op)`); omit for size 0. */
  argument?: TypeDef;
};

/**
 * An ioctl request number, `_IOC(direction, type, nr, sizeof(argument))`: the layout engine
 * computes it on each architecture from the argument's size there.
 */
export function ioctl(name: string, options: IoctlOptions): ConstantDef {
  const { direction, type, nr, argument, ...item } = options;
  const encoding: IoctlDef = { direction, type, nr, ...(argument ? { argument } : {}) };
  return constantAt(name, 0, { ...item, cType: 'unsigned int', spelling: 'hex' } as ConstantOptions, undefined, encoding);
}

type SetOptions = ItemOptions & {
  /** The field these values go in, as `record.field`. */
  field?: string;
};

/** A flag set: bits that may be combined. */
export function flagSet(name: string, options: SetOptions & { flags: FlagDef[] }): SetDef {
  return { kind: 'setDef', setKind: 'flags', name, ...options, loc: callerLocation() };
}

/** A value set: mutually exclusive values of one field. */
export function valueSet(name: string, options: SetOptions & { values: ConstantDef[] }): SetDef {
  return { kind: 'setDef', setKind: 'values', name, ...options, loc: callerLocation() };
}

/** One op of an op set: its number constant, and the union member or record it carries. */
export function op(constantDef: ConstantDef, payload: { member?: string; record?: RecordDef } = {}): OpDef {
  return { constant: constantDef, ...payload };
}

/** An op set: each op number tied to its payload. */
export function opSet(
  name: string,
  options: SetOptions & { ops: OpDef[]; dispatch?: { record: RecordDef; opField: string; payloadField?: string } },
): SetDef {
  return { kind: 'setDef', setKind: 'ops', name, ...options, loc: callerLocation() };
}

// ---- Modules -----------------------------------------------------------------------------

interface ModuleOptions {
  name: string;
  /** Xen's header, relative to `xen/include/public`. */
  xenHeader: string;
  /** Xen's include guard for that header, honoured so both can share a translation unit. */
  xenGuard: string;
  coverage: 'full' | 'partial';
  doc?: string;
  archs?: Arch[];
  /** Unstable modules: the constant naming the interface version. */
  interfaceVersion?: ConstantDef;
  /** Build, boot or domain settings every item of the module needs. */
  gates?: GateDef[];
  /** Xen showed the module's items only to `__XEN__`/`__XEN_TOOLS__` builds before this release (dm_op.h: 4.15). */
  toolsOnlyBefore?: XenRelease;
  /** Everything the module declares, in the order the header declares it. */
  items: ItemDef[];
}

/** An ABI module: the default export of every file under `abi/stable/` and `abi/unstable/`. */
export function abiModule(options: ModuleOptions): ModuleDef {
  return { kind: 'moduleDef', ...options, loc: callerLocation() };
}

// ---- Gates -------------------------------------------------------------------------------

interface GateOptions {
  since: XenRelease;
  until?: XenRelease;
  /** What the setting enables and what a caller sees without it. */
  doc: string;
}

function gateOf(kind: GateDef['kind'], name: string, options: GateOptions): GateDef {
  return { kind, name, ...options };
}

/**
 * Conditions beyond the release, for the `gates` of a module, record, typedef, constant or set:
 *
 * ```ts
 * gates: [gate.build('CONFIG_ARGO', { since: '4.12', doc: '…' }), gate.boot('argo=1', { since: '4.12', doc: '…' })]
 * ```
 */
export const gate = {
  /** The hypervisor must be built with this Kconfig option. */
  build: (name: string, options: GateOptions): GateDef => gateOf('build', name, options),
  /** The hypervisor must be booted with this command-line option, written with its value (`argo=1`). */
  boot: (name: string, options: GateOptions): GateDef => gateOf('boot', name, options),
  /** The domain must be created with this flag (an `XEN_DOMCTL_CDF_*` constant's name). */
  domain: (name: string, options: GateOptions): GateDef => gateOf('domain', name, options),
};

// ---- Rings -------------------------------------------------------------------------------

export { byteRing, ring, ringEntries, XEN_RING_PAGE_SIZE } from './ring.js';
