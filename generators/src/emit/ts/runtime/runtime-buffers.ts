/**
 * The runtime's buffers: the `DataView` and 64-bit words kept for the buffer in use, the scratch
 * memory `encode` writes into, and where records and views may be placed in what callers give.
 */
import { describe } from './runtime-checks.js';

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
