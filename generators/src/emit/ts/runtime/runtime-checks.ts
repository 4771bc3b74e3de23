/**
 * The runtime's checks: the errors about values, arguments and padding, each naming the record
 * and field, and the bit-level helpers of the generated code.
 */
import { ARCHES, type Arch, type ArchOptions, type RecordLayout } from './runtime-types.js';

// ---- Value checks ---------------------------------------------------------------------------

/** An error about a value: `where: problem`. @internal */
export function valueError(kind: typeof TypeError | typeof RangeError, where: string, problem: string): Error {
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

/**
 * The flexible array member of a record embedded in another: its elements would overlap the
 * bytes after the embedded record, so an encoder writes none, and a value giving some is
 * refused rather than dropped. @internal
 */
export function checkEmbeddedFlex<T>(value: ArrayLike<T> | undefined, path: string): void {
  if (flexArray(value, path).length > 0) throw valueError(RangeError, path, 'a flexible array member of an embedded record takes no elements');
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

/**
 * Throws a `TypeError` naming every own key of `value` that is not in `known`: a misspelt or
 * invented field of an op payload would otherwise be dropped without a word. @internal
 */
export function checkFields(value: object, known: readonly string[], path: string, loose: boolean | undefined): void {
  if (loose === true) return;
  let unknown: string[] | undefined;
  // The keys Object.keys(value) would give, without making its array (a quarter of an encode,
  // with its garbage): for-in walks V8's cached key list of the object's shape. A value's keys
  // usually come in the order of `known`, so each is first compared with the field after the
  // last one matched; a key not known is then looked for in the whole list, and counts only
  // when it is the value's own (for-in also walks the prototype's keys, Object.keys does not).
  let next = 0;
  for (const key in value) {
    if (known[next] === key) {
      next++;
      continue;
    }
    const at = known.indexOf(key);
    if (at >= 0) next = at + 1;
    else if (Object.hasOwn(value, key)) (unknown ??= []).push(key);
  }
  if (unknown === undefined) return;
  const list = unknown.map((k) => `'${k}'`).join(', ');
  throw new TypeError(`${path}: unknown field${unknown.length > 1 ? 's' : ''} ${list} (it takes ${known.map((k) => `'${k}'`).join(', ')}; pass { loose: true } to ignore others)`);
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

/** A value as a message shows it: `the bigint 1n`, `a symbol`, `an array of 3`. @internal */
export function describe(value: unknown): string {
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
