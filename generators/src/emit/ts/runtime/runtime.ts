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
  /**
   * Where the record starts, in bytes from the start of `$buffer`. Assign to re-point the view
   * (nested views follow); a `RangeError` when the record would leave the bytes `view()` was
   * given (a typed array's window, or the whole buffer).
   */
  $offset: number;
}

/** An array of records inside a view: each `at(i)` is a new view of element `i`. */
export interface RecordArrayView<W> {
  readonly length: number;
  /** A view of element `index`; a `RangeError` outside `0 ≤ index < length`. */
  at(index: number): W;
}

/**
 * An array of integers inside a view, zero-copy: `at(i)` reads element `i` from the bytes and
 * `set(i, value)` checks the value against the element's C type before writing it, as every
 * other view setter does. Elements need no alignment and are little-endian on every host.
 */
export interface IntArrayView<T extends number | bigint> extends Iterable<T> {
  /** Elements in the array. */
  readonly length: number;
  /** Element `index`; a `RangeError` outside `0 ≤ index < length`. */
  at(index: number): T;
  /** Writes element `index`; a `RangeError` for an index or value out of range, a `TypeError` for a value of the wrong type. */
  set(index: number, value: T): void;
  /** The elements, copied into a new array. */
  toArray(): T[];
  /**
   * The elements' bytes as a `Uint8Array` over the same memory, for bulk copies. Writes through
   * it are not checked, and it follows typed-array rules when the buffer is resized.
   */
  bytes(): Uint8Array;
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

type MaybeGrowing = ArrayBufferLike & { readonly resizable?: boolean; readonly growable?: boolean };

let cachedBuffer: ArrayBufferLike | undefined;
let cachedView: DataView = new DataView(new ArrayBuffer(0));
let cachedWords: BigUint64Array | undefined;
let wordsMade = false;
/** Whether the cached buffer is resizable or growable: its length can change under us. */
let cachedTracking = false;

/** Whether `buffer`'s length can change: a resizable `ArrayBuffer` or a growable `SharedArrayBuffer`. @internal */
export function lengthChanges(buffer: ArrayBufferLike): boolean {
  const b = buffer as MaybeGrowing;
  return b.resizable === true || b.growable === true;
}

/** A `DataView` over the whole of `buffer`, reused while calls keep passing the same buffer. @internal */
export function dataViewOf(buffer: ArrayBufferLike, name = 'xenabi'): DataView {
  if (buffer !== cachedBuffer) {
    let view: DataView;
    try {
      view = new DataView(buffer);
    } catch {
      throw new TypeError(`${name}: the buffer is detached`);
    }
    cachedView = view;
    cachedBuffer = buffer;
    cachedWords = undefined;
    wordsMade = false;
    // Read once per buffer: these getters are calls, not inlined loads, on Node 20.
    cachedTracking = lengthChanges(buffer);
  }
  return cachedView;
}

/**
 * 64-bit words over the whole of `buffer`, for the aligned `bigint` fast path; `undefined`
 * on a big-endian host, for buffers under `WORDS_MIN_BYTES`, and for buffers whose length can
 * change (a word array over one would either miss the growth or, past a shrink, read
 * `undefined`). A read that finds no word (a detached buffer) falls back to the `DataView`,
 * which throws. @internal
 */
export function wordsOf(buffer: ArrayBufferLike): BigUint64Array | undefined {
  if (buffer !== cachedBuffer) dataViewOf(buffer);
  if (!wordsMade) {
    wordsMade = true;
    const usable = LITTLE_ENDIAN_HOST && !cachedTracking && buffer.byteLength >= WORDS_MIN_BYTES;
    cachedWords = usable ? new BigUint64Array(buffer, 0, Math.floor(buffer.byteLength / 8)) : undefined;
  }
  return cachedWords;
}

/** The words when `base` is 8-byte aligned, else `undefined`. @internal */
export function alignedWords(words: BigUint64Array | undefined, base: number): BigUint64Array | undefined {
  return (base & 7) === 0 ? words : undefined;
}

/**
 * The typed array the last `decode`/`encodeInto` call was given, with its offset, length,
 * `DataView` and words: a loop over one buffer pays one comparison per call, not a getter per
 * property. Arrays over buffers whose length can change are never kept. @internal
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
  current.bytes = undefined;
  current.view = dataViewOf(buffer, name);
  current.base = bytes.byteOffset;
  current.length = bytes.byteLength;
  current.words = wordsOf(buffer);
  current.bytes = cachedTracking ? undefined : bytes;
}

/** Checks `bytes`, `offset` and room for `size` bytes; returns the record's offset in `bytes.buffer`. @internal */
export function placeBytes(bytes: unknown, offset: unknown, size: number, name: string): number {
  if (!ArrayBuffer.isView(bytes)) throw new TypeError(`${name}: expected a Uint8Array, got ${describe(bytes)}`);
  const at = checkOffset(offset, name);
  if (at + size > bytes.byteLength) {
    if (isDetached(bytes.buffer)) throw new TypeError(`${name}: the buffer is detached`);
    throw new RangeError(`${name}: needs ${size} bytes at offset ${at}, but the buffer has ${bytes.byteLength}`);
  }
  return bytes.byteOffset + at;
}

function isDetached(buffer: ArrayBufferLike): boolean {
  if (buffer.byteLength !== 0) return false;
  try {
    new DataView(buffer);
    return false;
  } catch {
    return true;
  }
}

/** Scratch memory `encode` and `encodeInto` write into first. Larger records get memory of their own. */
const SCRATCH_MAX = 1 << 16;

let scratch = new ArrayBuffer(1024);
let scratchView = new DataView(scratch);
let scratchWords: BigUint64Array | undefined = LITTLE_ENDIAN_HOST ? new BigUint64Array(scratch) : undefined;
let scratchBytes = new Uint8Array(scratch);
let scratchBusy = false;

/** An encoder of the generated code: writes every byte of a record at `b`, padding included. @internal */
export type Encoder<V> = (v: V, d: DataView, w: BigUint64Array | undefined, b: number, n: number) => void;

function growScratch(size: number): void {
  scratch = new ArrayBuffer(Math.max(size, scratch.byteLength * 2) + 7 & ~7);
  scratchView = new DataView(scratch);
  scratchWords = LITTLE_ENDIAN_HOST ? new BigUint64Array(scratch) : undefined;
  scratchBytes = new Uint8Array(scratch);
}

/** Memory of its own for one record too large for the scratch, or for a re-entrant call. */
function ownMemory(size: number, name: string): ArrayBuffer {
  try {
    return new ArrayBuffer(size);
  } catch {
    throw new RangeError(`${name}: cannot allocate ${size} bytes to encode into`);
  }
}

/**
 * Runs `enc` over the reused scratch buffer (the encoders write every byte, padding included)
 * and returns the `DataView` holding the bytes at 0. Re-entrant calls (a getter of the value
 * that encodes) and records over `SCRATCH_MAX` bytes get memory of their own.
 */
function encodeScratch<V>(value: V, size: number, n: number, enc: Encoder<V>, name: string): DataView {
  if (scratchBusy || size > SCRATCH_MAX) {
    const own = new DataView(ownMemory(size, name));
    enc(value, own, undefined, 0, n);
    return own;
  }
  if (size > scratch.byteLength) growScratch(size);
  scratchBusy = true;
  try {
    enc(value, scratchView, scratchWords, 0, n);
  } finally {
    scratchBusy = false;
  }
  return scratchView;
}

/**
 * `encode()`: the bytes of the scratch buffer, copied into a new array, so a call allocates one
 * small array instead of an `ArrayBuffer` and two views. @internal
 */
export function encodeFresh<V>(value: V, size: number, n: number, enc: Encoder<V>, name = 'xenabi'): Uint8Array {
  const d = encodeScratch(value, size, n, enc, name);
  return d === scratchView ? scratchBytes.slice(0, size) : new Uint8Array(d.buffer);
}


// ---- Views: where they may read and write ---------------------------------------------------

/**
 * Where `view()` placed a record: the buffer, the record's offset in it, and the window the
 * view may be re-pointed within: from `start` to `end` (`Infinity`: the buffer's current end).
 * `limit` is what a re-point compares with inline: `end`, or -1 when only the buffer's current
 * length can tell (it can shrink, or the view follows its growth). Reused by every call: read
 * it straight after `placeView`. @internal
 */
export const placed = { buffer: cachedBuffer as ArrayBufferLike, b: 0, start: 0, limit: 0, end: 0 };

/** Checks what was given to `view()`, `offset` and room for `size` bytes, and fills in `placed`. @internal */
export function placeView(target: unknown, offset: unknown, size: number, name: string): typeof placed {
  let buffer: ArrayBufferLike;
  let start = 0;
  let end: number;
  if (ArrayBuffer.isView(target)) {
    buffer = target.buffer;
    start = target.byteOffset;
    end = start + target.byteLength;
  } else {
    const tag = Object.prototype.toString.call(target);
    if (tag !== '[object ArrayBuffer]' && tag !== '[object SharedArrayBuffer]') {
      throw new TypeError(`${name}: expected an ArrayBuffer or a typed array, got ${describe(target)}`);
    }
    buffer = target as ArrayBufferLike;
    end = buffer.byteLength;
  }
  const at = start + checkOffset(offset, name);
  if (at + size > end) {
    if (isDetached(buffer)) throw new TypeError(`${name}: the buffer is detached`);
    throw new RangeError(`${name}: needs ${size} bytes at offset ${at}, but ${windowText(start, end, ArrayBuffer.isView(target))}`);
  }
  const changes = lengthChanges(buffer);
  const follows = changes && !ArrayBuffer.isView(target);
  const shrinks = (buffer as MaybeGrowing).resizable === true;
  placed.buffer = buffer;
  placed.b = at;
  placed.start = start;
  placed.end = follows ? Infinity : end;
  placed.limit = follows || shrinks ? -1 : end;
  return placed;
}

function windowText(start: number, end: number, window: boolean): string {
  return window && start > 0 ? `the view was given bytes ${start} to ${end} of the buffer` : `the buffer has ${end}`;
}

/** The end of a view's window now: its own end, or the buffer's current length when that is smaller. */
function windowEnd(d: DataView, end: number, name: string): number {
  let length: number;
  try {
    length = d.byteLength;
  } catch {
    throw new TypeError(`${name}: the buffer is detached`);
  }
  return Math.min(end, length);
}

/** Checks a new `$offset` of a view against its window. @internal */
export function checkRepoint(d: DataView, offset: unknown, size: number, start: number, end: number, name: string): number {
  if (typeof offset !== 'number') throw new TypeError(`${name}: $offset must be a number, got ${describe(offset)}`);
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`${name}: $offset ${offset} is not a byte offset`);
  const limit = windowEnd(d, end, name);
  if (offset < start || offset + size > limit) {
    throw new RangeError(`${name}: needs ${size} bytes at offset ${offset}, but ${windowText(start, limit, start > 0 || end !== Infinity)}`);
  }
  return offset;
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

/** What a view's flexible-array accessor needs of the view. */
interface ViewWindow {
  readonly $d: DataView;
  readonly $e: number;
}

/** Checks that `count` elements of `stride` bytes at `at` stay inside the view's window; returns the count. @internal */
export function flexRoom(view: ViewWindow, at: number, count: unknown, stride: number, path: string): number {
  const n = flexCount(count, path);
  const end = windowEnd(view.$d, view.$e, path);
  if (at + n * stride > end) {
    throw new RangeError(`${path}: ${n} elements need ${n * stride} bytes at offset ${at}, but the view's bytes end at ${end}`);
  }
  return n;
}

// ---- Value checks ---------------------------------------------------------------------------

function valueError(kind: typeof TypeError | typeof RangeError, where: string, problem: string): Error {
  return new kind(`${where}: ${problem}`);
}

function at(path: string, index: number | string | undefined): string {
  return index === undefined ? path : `${path}[${index}]`;
}

/** Throws the error for an integer field given a value outside `ctype` (`bits` wide). @internal */
export function failInt(value: unknown, path: string, ctype: string, bits: number, index?: number | string): never {
  const where = at(path, index);
  if (typeof value !== 'number') throw valueError(TypeError, where, `expected a number (${ctype}), got ${describe(value)}`);
  const [min, max] = range(ctype, bits);
  throw valueError(RangeError, where, `${value} is not an integer from ${min} to ${max} (${ctype})`);
}

/** Throws the error for a `bigint` field given a value outside `ctype` (`bits` wide). @internal */
export function failBigInt(value: unknown, path: string, ctype: string, bits: number, index?: number | string): never {
  const where = at(path, index);
  if (typeof value !== 'bigint') throw valueError(TypeError, where, `expected a bigint (${ctype}), got ${describe(value)}`);
  const [min, max] = range(ctype, bits);
  throw valueError(RangeError, where, `${value} is not an integer from ${min} to ${max} (${ctype})`);
}

function range(ctype: string, bits: number): [string, string] {
  const signed = /^int/.test(ctype);
  const span = 2n ** BigInt(signed ? bits - 1 : bits);
  return signed ? [`${-span}`, `${span - 1n}`] : ['0', `${span - 1n}`];
}

/** Throws for a record-typed field that holds no object. @internal */
export function failObject(value: unknown, path: string, index?: number | string): never {
  throw valueError(TypeError, at(path, index), `expected an object, got ${describe(value)}`);
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as ArrayLike<unknown>).length === 'number';
}

/** Checks an array field: an array (or typed array) of exactly `length` elements. @internal */
export function checkArray<T>(value: ArrayLike<T>, length: number, path: string, index?: number | string): ArrayLike<T> {
  if (!isArrayLike(value)) throw valueError(TypeError, at(path, index), `expected an array of ${length}, got ${describe(value)}`);
  if (value.length !== length) throw valueError(RangeError, at(path, index), `expected ${length} elements, got ${typeof value.length === 'number' ? value.length : describe(value.length)}`);
  return value;
}

/**
 * The elements of a flexible array member given in a value: an array (or typed array, or
 * array-like) whose length is a whole number; absent is empty. @internal
 */
export function flexArray<T>(value: ArrayLike<T> | undefined, path: string): ArrayLike<T> {
  if (value === undefined) return [];
  if (!isArrayLike(value)) throw valueError(TypeError, path, `expected an array, got ${describe(value)}`);
  const n = value.length;
  if (!Number.isSafeInteger(n) || n < 0) throw valueError(RangeError, path, `length ${typeof n === 'number' ? n : describe(n)} is not an element count`);
  return value;
}

/** Throws for a union value that sets more than one member (and is not one `decode` returned). @internal */
export function failUnion(path: string, set: number): never {
  throw valueError(TypeError, path, `a union value sets one member, got ${set} (only a union as decode returned it may keep every member)`);
}

/** Checks a union value that sets none of its members: it must set nothing else either. @internal */
export function checkEmptyUnion(value: object, path: string): void {
  const other = Object.keys(value).find((k) => (value as Record<string, unknown>)[k] !== undefined);
  if (other !== undefined) throw valueError(TypeError, path, `${JSON.stringify(other)} is not a member of the union`);
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
  if (typeof value !== 'number') throw valueError(TypeError, path, `expected a number, got ${describe(value)}`);
  if (!Number.isSafeInteger(value) || (!signed && value < 0)) {
    throw valueError(RangeError, path, `${value} is not a safe ${signed ? '' : 'non-negative '}integer`);
  }
  view.setUint32(at, value >>> 0, true);
  view.setUint32(at + 4, Math.floor(value / 4294967296) >>> 0, true);
}

/**
 * The element type of an integer array: its width in bits, signedness, whether JavaScript holds
 * it as a `bigint` (64-bit types, and `xen_ulong_t` on x86_32 too) and its C type (for
 * messages). @internal
 */
export interface IntElement {
  readonly bits: number;
  readonly signed: boolean;
  readonly big: boolean;
  readonly ctype: string;
}

/** @internal */
export class IntArray<T extends number | bigint> implements IntArrayView<T> {
  readonly length: number;
  private readonly d: DataView;
  private readonly base: number;
  private readonly element: IntElement;
  private readonly path: string;

  constructor(element: IntElement, d: DataView, base: number, length: number, path: string) {
    this.element = element;
    this.d = d;
    this.base = base;
    this.length = length;
    this.path = path;
  }

  private place(index: number): number {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.length) {
      throw new RangeError(`${this.path}: index ${describeIndex(index)} is outside 0 to ${this.length - 1}`);
    }
    return this.base + index * (this.element.bits / 8);
  }

  at(index: number): T {
    const at = this.place(index);
    const { bits, signed, big } = this.element;
    const d = this.d;
    switch (bits) {
      case 8:
        return (signed ? d.getInt8(at) : d.getUint8(at)) as T;
      case 16:
        return (signed ? d.getInt16(at, true) : d.getUint16(at, true)) as T;
      case 32: {
        const x = signed ? d.getInt32(at, true) : d.getUint32(at, true);
        return (big ? BigInt(x) : x) as T;
      }
      default:
        return (signed ? d.getBigInt64(at, true) : d.getBigUint64(at, true)) as T;
    }
  }

  set(index: number, value: T): void {
    const at = this.place(index);
    const { bits, signed, big, ctype } = this.element;
    const d = this.d;
    let x: number;
    if (big) {
      const span = 1n << BigInt(signed ? bits - 1 : bits);
      if (typeof value !== 'bigint' || value < (signed ? -span : 0n) || value >= span) failBigInt(value, this.path, ctype, bits, index);
      if (bits === 64) {
        d.setBigUint64(at, BigInt.asUintN(64, value as bigint), true);
        return;
      }
      x = Number(value);
    } else {
      const span = 2 ** (signed ? bits - 1 : bits);
      if (typeof value !== 'number' || !Number.isInteger(value) || value < (signed ? -span : 0) || value >= span) failInt(value, this.path, ctype, bits, index);
      x = value as number;
    }
    if (bits === 8) d.setUint8(at, x & 0xff);
    else if (bits === 16) d.setUint16(at, x & 0xffff, true);
    else d.setUint32(at, x >>> 0, true);
  }

  toArray(): T[] {
    const out = new Array<T>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i);
    return out;
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.d.buffer, this.base, this.length * (this.element.bits / 8));
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
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
      throw new RangeError(`${this.path}: index ${describeIndex(index)} is outside 0 to ${this.length - 1}`);
    }
    return this.make(this.base + index * this.stride);
  }
}

function describeIndex(index: unknown): string {
  return typeof index === 'number' ? String(index) : describe(index);
}

// ---- Unions ---------------------------------------------------------------------------------

/** Where a union value decoded with every member keeps the bytes it came from, and the decoder that read them. */
const DECODED_FROM = Symbol('xenabi: the bytes a union was decoded from');

type UnionDecoder = (d: DataView, w: BigUint64Array | undefined, b: number) => object;
type UnionEncoder = (v: never, d: DataView, w: BigUint64Array | undefined, b: number) => void;

/** Attaches to a union value decoded with every member the bytes it came from (not enumerable). @internal */
export function decodedFrom<T extends object>(value: T, dec: UnionDecoder, d: DataView, b: number, size: number): T {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = d.getUint8(b + i);
  Object.defineProperty(value, DECODED_FROM, { value: { bytes, dec } });
  return value;
}

/**
 * The check pass of `encodeDecodedUnion`: the same checks, over memory of its own. @internal
 */
export function checkDecodedUnion(v: object, set: number, size: number, path: string, members: readonly string[], dec: UnionDecoder, enc: UnionEncoder): void {
  encodeDecodedUnion(v, set, new DataView(new ArrayBuffer(size)), undefined, 0, size, path, members, dec, enc);
}

/**
 * Encodes a union value that sets several members: only a value as `decode` returned it (with
 * every member) is accepted. Members unchanged since the decode give back the bytes as they
 * were; when one member was changed, that member alone is encoded; two changed are an error.
 * @internal
 */
export function encodeDecodedUnion(
  v: object,
  set: number,
  d: DataView,
  w: BigUint64Array | undefined,
  b: number,
  size: number,
  path: string,
  members: readonly string[],
  dec: UnionDecoder,
  enc: UnionEncoder,
): void {
  const from = (v as { [DECODED_FROM]?: { bytes: Uint8Array; dec: UnionDecoder } })[DECODED_FROM];
  if (from === undefined || from.dec !== dec || from.bytes.length !== size) failUnion(path, set);
  const was = dec(new DataView(from.bytes.buffer, 0, size), undefined, 0) as Record<string, unknown>;
  const value = v as Record<string, unknown>;
  const changed = members.filter((m) => value[m] !== undefined && !sameValue(value[m], was[m]));
  if (changed.length > 1) {
    throw valueError(TypeError, path, `members ${changed.join(' and ')} were both changed since decode; a union value sets one member`);
  }
  if (changed.length === 1) {
    const one: Record<string, unknown> = Object.create(null);
    one[changed[0]!] = value[changed[0]!];
    enc(one as never, d, w, b);
    return;
  }
  for (let i = 0; i < size; i++) d.setUint8(b + i, from.bytes[i]!);
}

/** Deep equality of plain values as decode makes them: integers, arrays, objects of members. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof b !== 'object' || b === null) return a === b;
  if (typeof a !== 'object' || a === null) return false;
  if (Array.isArray(b)) {
    const list = a as ArrayLike<unknown>;
    return list.length === b.length && b.every((x, i) => sameValue(list[i], x));
  }
  return Object.keys(b).every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  switch (typeof value) {
    case 'bigint':
      return `the bigint ${value}n`;
    case 'number':
    case 'boolean':
      return `the ${typeof value} ${value}`;
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    case 'object':
      return ArrayBuffer.isView(value) ? `a ${Object.prototype.toString.call(value).slice(8, -1)}` : 'an object';
    default:
      return 'undefined';
  }
}
