/**
 * The C data models of the four architectures, written down once. Every size and alignment
 * the layout engine uses comes from here; nothing else in xenabi knows them.
 *
 * - x86_32 (i386 SysV): 64-bit integers are 8 bytes with 4-byte alignment, except Xen's
 *   `uint64_aligned_t`, which is `aligned(8)` in the tools (`__XEN_TOOLS__`) layout that
 *   the hypervisor and the toolstack build with. `xen_ulong_t`, `xen_pfn_t` and guest
 *   handles are 4 bytes; `XEN_GUEST_HANDLE_64` is 8.
 * - x86_64 (LP64): everything natural; handles are 8-byte pointers.
 * - arm32 (AAPCS/EABI): 64-bit integers are 8-aligned; Xen makes `xen_ulong_t`,
 *   `xen_pfn_t` and every guest handle 8 bytes so 32- and 64-bit guests share one ABI.
 * - arm64 (LP64): everything natural and 8 bytes.
 *
 * C's `long` and `unsigned long` follow the data model: 4 bytes on the two 32-bit
 * architectures (ILP32), 8 on the two 64-bit ones (LP64). `char` is 1 byte everywhere; its
 * signedness (signed on x86, unsigned on Arm) is the emitters' business, not the layout's.
 *
 * Linux's interface (`linux` namespace) adds the C data model proper: `size_t` and plain
 * pointers are 4 bytes on the 32-bit architectures (ILP32) and 8 on the 64-bit ones (LP64),
 * with no widening on Arm.
 */
import type { Arch, ArchScalarName, IntegerCType, ScalarName } from '../model/types.js';

export interface SizeAlign {
  size: number;
  align: number;
}

export interface DataModel {
  arch: Arch;
  /** Whether plain `char` is signed: yes on x86, no on Arm. */
  charSigned: boolean;
  scalars: Record<ScalarName, SizeAlign>;
  archScalars: Record<ArchScalarName, SizeAlign>;
  /** `XEN_GUEST_HANDLE(x)` and `XEN_GUEST_HANDLE_64(x)`. */
  handles: { native: SizeAlign; wide: SizeAlign };
  /**
   * The per-architecture types whose size and alignment here are those of Xen's `__XEN__` and
   * `__XEN_TOOLS__` builds only: the layout the hypervisor reads, which xenabi follows. Xen's
   * headers give a guest build another (on x86_32, `uint64_aligned_t` is then a plain,
   * 4-aligned `uint64_t`).
   */
  toolsOnly: ArchScalarName[];
  /** Bits of C's `long` and `unsigned long`: 32 on the 32-bit architectures (ILP32), 64 on LP64. */
  longBits: 32 | 64;
  /**
   * The largest record or array, in bytes, that every output can hold there. On the 32-bit
   * architectures that is PTRDIFF_MAX, 2^31 − 1: GCC and Clang refuse larger objects, and so
   * does Rust (isize::MAX). On the 64-bit ones C allows 2^63 − 1 and Rust 2^61 − 1, but the
   * layout engine works in bits with JavaScript numbers, which are exact up to 2^53, and the
   * TypeScript bindings print offsets as numbers: 2^50 − 1 bytes (1 PiB), whose every bit
   * offset is exact. No Xen record comes near either limit.
   */
  maxObjectSize: number;
  /** A plain C pointer (`void *`). */
  pointer: SizeAlign;
}

/** The bytes every output can hold in one object on a 32-bit architecture: PTRDIFF_MAX. */
const MAX_OBJECT_32 = 2 ** 31 - 1;
/** On a 64-bit architecture: the largest size whose bit offsets are exact JavaScript numbers. */
const MAX_OBJECT_64 = 2 ** 50 - 1;

const fixed = (u64align: number): Record<ScalarName, SizeAlign> => ({
  uint8_t: { size: 1, align: 1 },
  int8_t: { size: 1, align: 1 },
  uint16_t: { size: 2, align: 2 },
  int16_t: { size: 2, align: 2 },
  uint32_t: { size: 4, align: 4 },
  int32_t: { size: 4, align: 4 },
  uint64_t: { size: 8, align: u64align },
  int64_t: { size: 8, align: u64align },
  char: { size: 1, align: 1 },
  'unsigned char': { size: 1, align: 1 },
  int: { size: 4, align: 4 },
  'unsigned int': { size: 4, align: 4 },
});

const eight: SizeAlign = { size: 8, align: 8 };
const four: SizeAlign = { size: 4, align: 4 };

export const DATA_MODELS: Record<Arch, DataModel> = {
  x86_32: {
    arch: 'x86_32',
    charSigned: true,
    scalars: fixed(4),
    archScalars: { xen_ulong_t: four, xen_pfn_t: four, uint64_aligned_t: eight, int64_aligned_t: eight, long: four, 'unsigned long': four, size_t: four },
    handles: { native: four, wide: eight },
    toolsOnly: ['uint64_aligned_t', 'int64_aligned_t'],
    longBits: 32,
    maxObjectSize: MAX_OBJECT_32,
    pointer: four,
  },
  x86_64: {
    arch: 'x86_64',
    charSigned: true,
    scalars: fixed(8),
    archScalars: { xen_ulong_t: eight, xen_pfn_t: eight, uint64_aligned_t: eight, int64_aligned_t: eight, long: eight, 'unsigned long': eight, size_t: eight },
    handles: { native: eight, wide: eight },
    toolsOnly: [],
    longBits: 64,
    maxObjectSize: MAX_OBJECT_64,
    pointer: eight,
  },
  arm32: {
    arch: 'arm32',
    charSigned: false,
    scalars: fixed(8),
    archScalars: { xen_ulong_t: eight, xen_pfn_t: eight, uint64_aligned_t: eight, int64_aligned_t: eight, long: four, 'unsigned long': four, size_t: four },
    handles: { native: eight, wide: eight },
    toolsOnly: [],
    longBits: 32,
    maxObjectSize: MAX_OBJECT_32,
    pointer: four,
  },
  arm64: {
    arch: 'arm64',
    charSigned: false,
    scalars: fixed(8),
    archScalars: { xen_ulong_t: eight, xen_pfn_t: eight, uint64_aligned_t: eight, int64_aligned_t: eight, long: eight, 'unsigned long': eight, size_t: eight },
    handles: { native: eight, wide: eight },
    toolsOnly: [],
    longBits: 64,
    maxObjectSize: MAX_OBJECT_64,
    pointer: eight,
  },
};

/** Whether an integer type is signed on `arch`: the `int…` types, `int`, `long`, and `char` where the data model says so. */
export function integerSigned(type: { kind: 'scalar'; name: ScalarName } | { kind: 'archScalar'; name: ArchScalarName }, arch: Arch): boolean {
  if (type.kind === 'archScalar') return type.name === 'long' || type.name === 'int64_aligned_t';
  if (type.name === 'char') return DATA_MODELS[arch].charSigned;
  return type.name === 'int' || type.name.startsWith('int');
}

/** Bits of a C integer literal type on an architecture. */
export function cTypeBits(cType: IntegerCType, arch: Arch): number {
  if (cType === 'int' || cType === 'unsigned int') return 32;
  if (cType === 'long' || cType === 'unsigned long') return DATA_MODELS[arch].longBits;
  return 64;
}

/** The values a C integer literal type holds on an architecture, inclusive. */
export function cTypeRange(cType: IntegerCType, arch: Arch): { min: bigint; max: bigint } {
  const bits = BigInt(cTypeBits(cType, arch));
  return cType.startsWith('unsigned') ? { min: 0n, max: (1n << bits) - 1n } : { min: -(1n << (bits - 1n)), max: (1n << (bits - 1n)) - 1n };
}

/**
 * C's integer types as a constant's literal may have them: size in bytes per architecture
 * and signedness. `long` is 4 bytes on x86_32 and arm32 (ILP32) and 8 on the LP64 targets;
 * the others are the same everywhere Xen builds.
 */
export function cIntegerType(arch: Arch, name: string): { size: number; signed: boolean } | undefined {
  const key = `${arch} ${name}`;
  if (!INTEGER_TYPES.has(key)) INTEGER_TYPES.set(key, readIntegerType(arch, name));
  return INTEGER_TYPES.get(key);
}

/** Every spelling asked for, read once (the checker asks for each constant on each architecture). */
const INTEGER_TYPES = new Map<string, { size: number; signed: boolean } | undefined>();

function readIntegerType(arch: Arch, name: string): { size: number; signed: boolean } | undefined {
  const bare = name.replace(/\bint\b/g, '').replace(/\s+/g, ' ').trim() || 'int';
  const signed = !/\bunsigned\b|^_Bool$/.test(bare) && !(bare === 'char' && (arch === 'arm32' || arch === 'arm64'));
  const base = bare.replace(/\b(?:un)?signed\b/g, '').trim() || 'int';
  const ilp32 = arch === 'x86_32' || arch === 'arm32';
  const sizes: Record<string, number> = { _Bool: 1, char: 1, short: 2, int: 4, long: ilp32 ? 4 : 8, 'long long': 8, __int128: 16 };
  const size = sizes[base];
  return size === undefined ? undefined : { size, signed };
}

/**
 * Bytes of any C scalar type on an architecture, spelled as clang spells a canonical type:
 * integers (`unsigned long`), `_Bool`, floating types and pointers (`uint8_t *` is 4 bytes
 * on the ILP32 targets, 8 on LP64). Undefined for anything else (records, arrays).
 */
export function cScalarSize(arch: Arch, name: string): number | undefined {
  const type = name.replace(/\b(?:const|volatile|restrict)\b/g, '').replace(/\s+/g, ' ').trim();
  if (type.endsWith('*')) return arch === 'x86_32' || arch === 'arm32' ? 4 : 8;
  if (/^enum\b/.test(type)) return 4;
  const floats: Record<string, number> = { float: 4, double: 8 };
  return floats[type] ?? cIntegerType(arch, type)?.size;
}
