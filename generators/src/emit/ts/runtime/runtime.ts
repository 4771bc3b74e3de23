/**
 * The runtime of `@xenabi/ts-bindings`: the architecture names, the codec, view and layout
 * types, and the checks and buffer helpers the generated modules call. No dependencies and
 * no Node APIs: only `DataView` and typed arrays, so it runs in Node and in browsers.
 */

// ---- Public types ---------------------------------------------------------------------------

/** One of the four architectures every layout is computed for. */
export type Arch = 'x86_32' | 'x86_64' | 'arm32' | 'arm64';

/** The four architectures, in the order every table lists them. */
export const ARCHES: readonly Arch[] = ['x86_32', 'x86_64', 'arm32', 'arm64'];

/** Options every call takes: the architecture whose layout applies. */
export interface ArchOptions {
  /** The architecture whose layout the bytes follow. */
  readonly arch: Arch;
}

/** Options of `decode`. */
export interface DecodeOptions extends ArchOptions {
  /** Where the record starts, in bytes from the start of `bytes`. Default 0. */
  readonly offset?: number;
  /** Reject non-zero padding (explicit pad members and compiler holes) with a `RangeError`, as Xen does. */
  readonly strict?: boolean;
  /** Elements of the flexible array member, for a record that ends in one. Default 0. */
  readonly count?: number;
}

/** Options of an op set's `decode…Arg` (and of `decodeArgoOp`): the op number comes from the hypercall, not the bytes. */
export interface OpDecodeOptions extends DecodeOptions {
  /** The op number the hypercall was made with. */
  readonly op: number;
}

/** Options of `encodeInto`. */
export interface EncodeIntoOptions extends ArchOptions {
  /** Where to write, in bytes from the start of the target. Default 0. */
  readonly offset?: number;
}

/** Options of `view`. */
export interface ViewOptions extends ArchOptions {
  /** Where the record starts, in bytes from the start of the buffer or view given. Default 0. */
  readonly offset?: number;
}

/** One field of a record as laid out on one architecture. Offsets are bytes from the record's start. */
export interface FieldLayout {
  /** Xen's member name. */
  readonly name: string;
  readonly offset: number;
  /** Bytes; 0 for a flexible array member; the storage unit's size for a bit-field. */
  readonly size: number;
  readonly align: number;
  /** The type as Xen's headers spell it: `uint32_t`, `domid_t`, `struct xen_argo_addr`, `uint8_t[3]`. */
  readonly type: string;
  /** What an element holds in JavaScript: a `number`, a `bigint` or a nested record. */
  readonly value: 'number' | 'bigint' | 'record';
  /** Integers: whether the element is signed. */
  readonly signed?: boolean;
  /** Integers: the element's width in bits on this architecture (the width of a bit-field). */
  readonly bits?: number;
  /** Nested records: the record's name. */
  readonly record?: string;
  /** Arrays: the length of each dimension, outermost first; `[0]` for a flexible array member. */
  readonly dims?: readonly number[];
  /** Arrays: bytes per innermost element. */
  readonly elementSize?: number;
  /** Bit-fields: first bit, counted from the start of the record. */
  readonly bitOffset?: number;
  /** Bit-fields: width in bits. */
  readonly bitWidth?: number;
  /** Explicit padding: written as zero, checked by a strict decode, absent from values and views. */
  readonly padding?: boolean;
  /** The flexible array member: its length comes from the caller. */
  readonly flexible?: boolean;
}

/** Padding the compiler inserts. */
export interface HoleLayout {
  /** The field the hole follows. */
  readonly after: string;
  /** First byte of the hole. */
  readonly offset: number;
  /** Bytes in the hole (0 when it is smaller than a byte; see `bits`). */
  readonly size: number;
  /** The hole measured in bits. */
  readonly bits: number;
  /** True for padding after the last field. */
  readonly tail: boolean;
}

/** A record's layout on one architecture, as data. */
export interface RecordLayout {
  readonly name: string;
  readonly kind: 'struct' | 'union';
  /** `sizeof`: bytes, without any flexible array elements. */
  readonly size: number;
  readonly align: number;
  readonly fields: readonly FieldLayout[];
  readonly holes: readonly HoleLayout[];
}

/**
 * What every zero-copy view has besides its fields. Members start with `$`, which no Xen
 * name does.
 */
export interface RecordView {
  /** The buffer the view reads and writes. */
  readonly $buffer: ArrayBufferLike;
  /** Where the record starts, in bytes from the start of `$buffer`. Assign to re-point the view; nested views follow. */
  $offset: number;
}

/** An array of records inside a view: each `at(i)` is a new view of element `i`. */
export interface RecordArrayView<W> {
  readonly length: number;
  /** A view of element `index`; a `RangeError` outside `0 ≤ index < length`. */
  at(index: number): W;
}

/**
 * The codec of one record: its size and layout per architecture, and conversions between
 * plain values and little-endian bytes laid out for one architecture.
 */
export interface RecordCodec<V, W extends RecordView> {
  /** Xen's name of the record (`xen_dm_op`, or `xen_dm_op.u` for one declared inline). */
  readonly name: string;
  /** The architectures the record exists on. */
  readonly archs: readonly Arch[];
  /** The first Xen release that has the record (`4.15`); see the availability module for more. */
  readonly since: string;
  /** `sizeof` on `arch`; a flexible array member adds nothing. */
  size(arch: Arch): number;
  /** The layout on `arch`, as data. */
  layout(arch: Arch): RecordLayout;
  /** The bytes of `value`: a new array of `size(arch)` bytes (plus the flexible array's elements), padding zero. */
  encode(value: V, options: ArchOptions): Uint8Array;
  /** Writes `value` into `target` at `options.offset`, padding zero; returns the bytes written. */
  encodeInto(value: V, target: Uint8Array, options: EncodeIntoOptions): number;
  /** Reads a plain value from `bytes` at `options.offset`. */
  decode(bytes: Uint8Array, options: DecodeOptions): V;
  /** A zero-copy view with typed getters and setters over `buffer` at `options.offset`. */
  view(buffer: ArrayBufferLike | ArrayBufferView, options: ViewOptions): W;
}

// ---- Buffers --------------------------------------------------------------------------------

/** Typed arrays use the host's byte order; the word fast paths are taken on little-endian hosts only. */
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Buffers smaller than this get no words: such a buffer is usually one record read once (the
 * output of `encode()`), and making its `BigUint64Array` costs more than the word path saves.
 */
const WORDS_MIN_BYTES = 256;

let cachedBuffer: ArrayBufferLike | undefined;
let cachedView: DataView = new DataView(new ArrayBuffer(0));
let cachedWords: BigUint64Array | undefined;
let wordsMade = false;
/** Whether the cached buffer is resizable or growable: views over it track its length. */
let cachedTracking = false;

/** A `DataView` over the whole of `buffer`, reused while calls keep passing the same buffer. @internal */
export function dataViewOf(buffer: ArrayBufferLike): DataView {
  if (buffer !== cachedBuffer) {
    cachedView = new DataView(buffer);
    cachedBuffer = buffer;
    cachedWords = undefined;
    wordsMade = false;
    // Read once per buffer: these getters are calls, not inlined loads, on Node 20.
    const growing = buffer as ArrayBufferLike & { resizable?: boolean; growable?: boolean };
    cachedTracking = growing.resizable === true || growing.growable === true;
  }
  return cachedView;
}

/**
 * 64-bit words over the whole of `buffer`, for the aligned `bigint` fast path; `undefined`
 * on a big-endian host and for buffers under `WORDS_MIN_BYTES`. @internal
 */
export function wordsOf(buffer: ArrayBufferLike): BigUint64Array | undefined {
  if (buffer !== cachedBuffer) dataViewOf(buffer);
  if (!wordsMade) {
    wordsMade = true;
    cachedWords = LITTLE_ENDIAN_HOST && buffer.byteLength >= WORDS_MIN_BYTES ? makeWords(buffer) : undefined;
  }
  return cachedWords;
}

function makeWords(buffer: ArrayBufferLike): BigUint64Array {
  if (cachedTracking) return new BigUint64Array(buffer);
  return new BigUint64Array(buffer, 0, Math.floor(buffer.byteLength / 8));
}

/** The words when `base` is 8-byte aligned, else `undefined`. @internal */
export function alignedWords(words: BigUint64Array | undefined, base: number): BigUint64Array | undefined {
  return (base & 7) === 0 ? words : undefined;
}

/**
 * The typed array the last `decode`/`encodeInto` call was given, with its offset, length,
 * `DataView` and words: a loop over one buffer pays one comparison per call, not a getter per
 * property. Arrays over resizable buffers track their length, so they are never kept. @internal
 */
export const current = {
  bytes: undefined as object | undefined,
  base: 0,
  length: 0,
  view: cachedView,
  words: undefined as BigUint64Array | undefined,
};

/** Makes `bytes` the current typed array; a `TypeError` naming `name` for anything else. @internal */
export function useBytes(bytes: unknown, name: string): void {
  if (!ArrayBuffer.isView(bytes)) throw new TypeError(`${name}: expected a Uint8Array, got ${describe(bytes)}`);
  const buffer = bytes.buffer;
  current.view = dataViewOf(buffer);
  current.bytes = cachedTracking ? undefined : bytes;
  current.base = bytes.byteOffset;
  current.length = bytes.byteLength;
  current.words = wordsOf(buffer);
}

let scratch = new ArrayBuffer(1024);
let scratchView = new DataView(scratch);
let scratchWords: BigUint64Array | undefined = LITTLE_ENDIAN_HOST ? new BigUint64Array(scratch) : undefined;
let scratchBytes = new Uint8Array(scratch);
let scratchBusy = false;

/**
 * `encode()`: runs `enc` over a reused scratch buffer (the encoders write every byte,
 * padding included) and returns a copy of the bytes, so a call allocates one small array
 * instead of an `ArrayBuffer` and two views. Re-entrant calls get a fresh buffer. @internal
 */
export function encodeFresh<V>(
  value: V,
  size: number,
  n: number,
  enc: (v: V, d: DataView, w: BigUint64Array | undefined, b: number, n: number) => void,
): Uint8Array {
  if (scratchBusy) {
    const out = new ArrayBuffer(size);
    enc(value, new DataView(out), undefined, 0, n);
    return new Uint8Array(out);
  }
  if (size > scratch.byteLength) {
    scratch = new ArrayBuffer(Math.max(size, scratch.byteLength * 2) + 7 & ~7);
    scratchView = new DataView(scratch);
    scratchWords = LITTLE_ENDIAN_HOST ? new BigUint64Array(scratch) : undefined;
    scratchBytes = new Uint8Array(scratch);
  }
  scratchBusy = true;
  try {
    enc(value, scratchView, scratchWords, 0, n);
    return scratchBytes.slice(0, size);
  } finally {
    scratchBusy = false;
  }
}

/** Checks `bytes`, `offset` and room for `size` bytes; returns the record's offset in `bytes.buffer`. @internal */
export function placeBytes(bytes: unknown, offset: unknown, size: number, name: string): number {
  if (!ArrayBuffer.isView(bytes)) throw new TypeError(`${name}: expected a Uint8Array, got ${describe(bytes)}`);
  const at = checkOffset(offset, name);
  if (at + size > bytes.byteLength) {
    throw new RangeError(`${name}: needs ${size} bytes at offset ${at}, but the buffer has ${bytes.byteLength}`);
  }
  return bytes.byteOffset + at;
}

/** The buffer under a view or buffer given to `view()`. @internal */
export function bufferOf(target: unknown, name: string): ArrayBufferLike {
  if (ArrayBuffer.isView(target)) return target.buffer;
  const tag = Object.prototype.toString.call(target);
  if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]') return target as ArrayBufferLike;
  throw new TypeError(`${name}: expected an ArrayBuffer or a typed array, got ${describe(target)}`);
}

/** Checks room for `size` bytes in what was given to `view()`; returns the record's offset in its buffer. @internal */
export function placeView(target: ArrayBufferLike | ArrayBufferView, offset: unknown, size: number, name: string): number {
  const at = checkOffset(offset, name);
  const start = ArrayBuffer.isView(target) ? target.byteOffset : 0;
  if (at + size > target.byteLength) {
    throw new RangeError(`${name}: needs ${size} bytes at offset ${at}, but the buffer has ${target.byteLength}`);
  }
  return start + at;
}

/**
 * The bytes a view may be re-pointed within without asking the `DataView` (whose `byteLength`
 * getter is a call, not an inlined load, on Node 20): its `byteLength`, or -1 for a resizable
 * buffer, which can shrink, so every re-point there takes the checked path. A growable
 * `SharedArrayBuffer` only grows: what it had is a safe bound. @internal
 */
export function viewLimit(view: DataView): number {
  const buffer = view.buffer as ArrayBufferLike & { resizable?: boolean };
  return buffer.resizable === true ? -1 : view.byteLength;
}

/** Checks a new `$offset` of a view. @internal */
export function checkRepoint(view: DataView, offset: unknown, size: number, name: string): number {
  const at = checkOffset(offset, name);
  if (at + size > view.byteLength) {
    throw new RangeError(`${name}: needs ${size} bytes at offset ${at}, but the buffer has ${view.byteLength}`);
  }
  return at;
}

function checkOffset(offset: unknown, name: string): number {
  if (offset === undefined) return 0;
  if (typeof offset !== 'number') throw new TypeError(`${name}: offset must be a number, got ${describe(offset)}`);
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`${name}: offset ${offset} is not a byte offset`);
  return offset;
}

/** The element count of a flexible array member, from decode options. @internal */
export function flexCount(count: unknown, name: string): number {
  if (count === undefined) return 0;
  if (typeof count !== 'number') throw new TypeError(`${name}: count must be a number, got ${describe(count)}`);
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`${name}: count ${count} is not an element count`);
  return count;
}

/** Checks that `count` elements of `stride` bytes fit at `at` in a view's buffer; returns the count. @internal */
export function flexRoom(view: DataView, at: number, count: unknown, stride: number, path: string): number {
  const n = flexCount(count, path);
  if (at + n * stride > view.byteLength) {
    throw new RangeError(`${path}: ${n} elements need ${n * stride} bytes at offset ${at}, but the buffer has ${view.byteLength}`);
  }
  return n;
}

// ---- Value checks ---------------------------------------------------------------------------

/** Throws the error for an integer field given a value outside `ctype` (`bits` wide). @internal */
export function failInt(value: unknown, path: string, ctype: string, bits: number, index?: number): never {
  const where = index === undefined ? path : `${path}[${index}]`;
  if (typeof value !== 'number') throw new TypeError(`${where}: expected a number (${ctype}), got ${describe(value)}`);
  const [min, max] = range(ctype, bits);
  throw new RangeError(`${where}: ${value} is not an integer from ${min} to ${max} (${ctype})`);
}

/** Throws the error for a `bigint` field given a value outside `ctype` (`bits` wide). @internal */
export function failBigInt(value: unknown, path: string, ctype: string, bits: number, index?: number): never {
  const where = index === undefined ? path : `${path}[${index}]`;
  if (typeof value !== 'bigint') throw new TypeError(`${where}: expected a bigint (${ctype}), got ${describe(value)}`);
  const [min, max] = range(ctype, bits);
  throw new RangeError(`${where}: ${value} is not an integer from ${min} to ${max} (${ctype})`);
}

function range(ctype: string, bits: number): [string, string] {
  const signed = /^int/.test(ctype);
  const span = 2n ** BigInt(signed ? bits - 1 : bits);
  return signed ? [`${-span}`, `${span - 1n}`] : ['0', `${span - 1n}`];
}

/** Throws for a record-typed field that holds no object. @internal */
export function failObject(value: unknown, path: string, index?: number): never {
  const where = index === undefined ? path : `${path}[${index}]`;
  throw new TypeError(`${where}: expected an object, got ${describe(value)}`);
}

/** Checks an array field: an array (or typed array) of exactly `length` elements. @internal */
export function checkArray<T>(value: ArrayLike<T>, length: number, path: string): ArrayLike<T> {
  if (typeof value !== 'object' || value === null || typeof value.length !== 'number') {
    throw new TypeError(`${path}: expected an array of ${length}, got ${describe(value)}`);
  }
  if (value.length !== length) throw new RangeError(`${path}: expected ${length} elements, got ${value.length}`);
  return value;
}

/** Checks a flexible array member: an array (or typed array) of any length. @internal */
export function flexArray<T>(value: ArrayLike<T> | undefined, path: string): ArrayLike<T> {
  if (value === undefined) return [];
  if (typeof value !== 'object' || value === null || typeof value.length !== 'number') {
    throw new TypeError(`${path}: expected an array, got ${describe(value)}`);
  }
  return value;
}

/** Throws for a union value that sets more than one member. @internal */
export function failUnion(path: string, set: number): never {
  throw new TypeError(`${path}: a union value sets at most one member, got ${set}`);
}

/** Throws for an architecture a record or op set does not exist on. @internal */
export function failArch(name: string, arch: unknown): never {
  if (typeof arch !== 'string') throw new TypeError(`${name}: options.arch must be one of ${ARCHES.join(', ')}, got ${describe(arch)}`);
  if ((ARCHES as readonly string[]).includes(arch)) throw new RangeError(`${name} does not exist on ${arch}`);
  throw new RangeError(`${name}: unknown architecture '${arch}' (expected one of ${ARCHES.join(', ')})`);
}

/** Checks `options.arch` for codecs that have nothing else to check; returns it. @internal */
export function checkArch(options: ArchOptions | undefined, name: string): Arch {
  const arch = options?.arch;
  return (ARCHES as readonly unknown[]).includes(arch) ? (arch as Arch) : failArch(name, arch);
}

/** Writes zero to `size` bytes at `at`. @internal */
export function zero(view: DataView, at: number, size: number): void {
  let i = 0;
  for (; i + 4 <= size; i += 4) view.setUint32(at + i, 0);
  for (; i < size; i++) view.setUint8(at + i, 0);
}

/** Deep-freezes a layout table once, when its module loads. @internal */
export function frozen(layout: RecordLayout): RecordLayout {
  for (const f of layout.fields) {
    if (f.dims) Object.freeze(f.dims);
    Object.freeze(f);
  }
  for (const h of layout.holes) Object.freeze(h);
  Object.freeze(layout.fields);
  Object.freeze(layout.holes);
  return Object.freeze(layout);
}

/** Throws for non-zero padding found by a strict decode. @internal */
export function failPadding(path: string): never {
  throw new RangeError(`${path}: padding is not zero (Xen rejects non-zero padding)`);
}

/** Throws for an op number no op of the set has. @internal */
export function failOp(set: string, field: string, op: unknown): never {
  if (typeof op !== 'number') throw new TypeError(`${field}: expected a ${set} op number, got ${describe(op)}`);
  throw new RangeError(`${field}: unknown ${set} op ${op}`);
}

/** Throws for an op name no op of the set has. @internal */
export function failOpName(set: string, op: unknown): never {
  if (typeof op !== 'string') throw new TypeError(`${set}: expected an op name in \`op\`, got ${describe(op)}`);
  throw new RangeError(`${set}: unknown op '${op}'`);
}

/** True when any of `size` bytes at `at` is non-zero. @internal */
export function nonZero(view: DataView, at: number, size: number): boolean {
  for (let i = 0; i < size; i++) if (view.getUint8(at + i) !== 0) return true;
  return false;
}

/** True when any of `width` bits from bit `bit` of the byte at `at` is set. @internal */
export function bitsNonZero(view: DataView, at: number, bit: number, width: number): boolean {
  for (let i = bit; i < bit + width; i++) if ((view.getUint8(at + (i >> 3)) >> (i & 7)) & 1) return true;
  return false;
}

/** Reads a bit-field of up to 32 bits at any bit position. @internal */
export function readBits(view: DataView, at: number, bit: number, width: number, signed: boolean): number {
  let value = 0;
  for (let i = width - 1; i >= 0; i--) value = value * 2 + ((view.getUint8(at + ((bit + i) >> 3)) >> ((bit + i) & 7)) & 1);
  return signed && value >= 2 ** (width - 1) ? value - 2 ** width : value;
}

/** Writes a bit-field of up to 32 bits at any bit position. @internal */
export function writeBits(view: DataView, at: number, bit: number, width: number, value: number): void {
  let rest = value < 0 ? value + 2 ** width : value;
  for (let i = 0; i < width; i++) {
    const byte = at + ((bit + i) >> 3);
    const mask = 1 << ((bit + i) & 7);
    const old = view.getUint8(byte);
    view.setUint8(byte, rest % 2 === 1 ? old | mask : old & ~mask);
    rest = Math.floor(rest / 2);
  }
}

/** Reads a bit-field wider than 32 bits. @internal */
export function readBigBits(view: DataView, at: number, bit: number, width: number, signed: boolean): bigint {
  let value = 0n;
  for (let i = width - 1; i >= 0; i--) value = (value << 1n) | BigInt((view.getUint8(at + ((bit + i) >> 3)) >> ((bit + i) & 7)) & 1);
  return signed ? BigInt.asIntN(width, value) : value;
}

/** Writes a bit-field wider than 32 bits. @internal */
export function writeBigBits(view: DataView, at: number, bit: number, width: number, value: bigint): void {
  const bits = BigInt.asUintN(width, value);
  for (let i = 0; i < width; i++) {
    const byte = at + ((bit + i) >> 3);
    const mask = 1 << ((bit + i) & 7);
    const old = view.getUint8(byte);
    view.setUint8(byte, (bits >> BigInt(i)) & 1n ? old | mask : old & ~mask);
  }
}

// ---- Views ----------------------------------------------------------------------------------

/** A 64-bit field read as a `number`; a `RangeError` above `Number.MAX_SAFE_INTEGER`. @internal */
export function u64AsNumber(view: DataView, at: number, signed: boolean, path: string): number {
  const high = signed ? view.getInt32(at + 4, true) : view.getUint32(at + 4, true);
  if (high > 0x1fffff || high < -0x200000) throw new RangeError(`${path}: the value does not fit a safe integer; read it as a bigint`);
  return high * 4294967296 + view.getUint32(at, true);
}

/** Writes a safe integer into a 64-bit field as two 32-bit words. @internal */
export function setU64FromNumber(view: DataView, at: number, signed: boolean, value: number, path: string): void {
  if (typeof value !== 'number') throw new TypeError(`${path}: expected a number, got ${describe(value)}`);
  if (!Number.isSafeInteger(value) || (!signed && value < 0)) {
    throw new RangeError(`${path}: ${value} is not a safe ${signed ? '' : 'non-negative '}integer`);
  }
  view.setUint32(at, value >>> 0, true);
  view.setUint32(at + 4, Math.floor(value / 4294967296) >>> 0, true);
}

type TypedArrayKind = 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32' | 'u64' | 'i64';

const TYPED_ARRAYS = {
  u8: Uint8Array,
  i8: Int8Array,
  u16: Uint16Array,
  i16: Int16Array,
  u32: Uint32Array,
  i32: Int32Array,
  u64: BigUint64Array,
  i64: BigInt64Array,
} as const;

/** Element types a typed array of each kind holds. @internal */
export interface TypedArrays {
  u8: Uint8Array;
  i8: Int8Array;
  u16: Uint16Array;
  i16: Int16Array;
  u32: Uint32Array;
  i32: Int32Array;
  u64: BigUint64Array;
  i64: BigInt64Array;
}

/**
 * A typed array over `length` elements at `at`: zero-copy, so writes reach the buffer.
 * Wider elements need a little-endian host and an aligned address. @internal
 */
export function typedArray<K extends TypedArrayKind>(kind: K, view: DataView, at: number, length: number, path: string): TypedArrays[K] {
  const Ctor = TYPED_ARRAYS[kind];
  if (Ctor.BYTES_PER_ELEMENT > 1) {
    if (!LITTLE_ENDIAN_HOST) throw new RangeError(`${path}: typed-array views need a little-endian host; use decode()`);
    if (at % Ctor.BYTES_PER_ELEMENT !== 0) {
      throw new RangeError(`${path}: a ${Ctor.name} view needs a ${Ctor.BYTES_PER_ELEMENT}-byte aligned address, got offset ${at}; align the buffer or use decode()`);
    }
  }
  return new Ctor(view.buffer as ArrayBuffer, at, length) as TypedArrays[K];
}

/** @internal */
export class RecordArray<W> implements RecordArrayView<W> {
  readonly length: number;
  private readonly make: (at: number) => W;
  private readonly base: number;
  private readonly stride: number;
  private readonly path: string;

  constructor(make: (at: number) => W, base: number, stride: number, length: number, path: string) {
    this.make = make;
    this.base = base;
    this.stride = stride;
    this.length = length;
    this.path = path;
  }

  at(index: number): W {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.length) {
      throw new RangeError(`${this.path}: index ${String(index)} is outside 0 to ${this.length - 1}`);
    }
    return this.make(this.base + index * this.stride);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  switch (typeof value) {
    case 'bigint':
      return `the bigint ${value}n`;
    case 'number':
      return `the number ${value}`;
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'object':
      return ArrayBuffer.isView(value) ? `a ${value.constructor.name}` : 'an object';
    default:
      return typeof value;
  }
}
