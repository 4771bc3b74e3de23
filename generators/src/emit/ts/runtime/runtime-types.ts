/**
 * The runtime's public types: architectures, options, layouts as data, views and codecs.
 */

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
/**
 * Options of an encoder. A record that is an op payload with directions (`Input:`/`Output:` in
 * its docs) takes only the fields a caller sets, leaves the others zero when absent, and
 * rejects a field it does not have with a `TypeError` naming it, unless `loose` is set.
 */
export interface EncodeOptions extends ArchOptions {
  /** Accept (and ignore) fields the record does not have. Default false. */
  readonly loose?: boolean;
}

export interface EncodeIntoOptions extends EncodeOptions {
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
export interface RecordCodec<V, W extends RecordView, I = V> {
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
  encode(value: I, options: EncodeOptions): Uint8Array;
  /** Writes `value` into `target` at `options.offset`, padding zero; returns the bytes written. */
  encodeInto(value: I, target: Uint8Array, options: EncodeIntoOptions): number;
  /** Reads a plain value from `bytes` at `options.offset`. */
  decode(bytes: Uint8Array, options: DecodeOptions): V;
  /** A zero-copy view with typed getters and setters over `buffer` at `options.offset`. */
  view(buffer: ArrayBufferLike | ArrayBufferView, options: ViewOptions): W;
}
