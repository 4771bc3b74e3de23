/**
 * Expressions and statements that read, check and write one integer at a constant offset:
 * the building blocks of every generated codec and view. Offsets are printed as they come
 * from the layout engine; nothing here computes a layout.
 *
 * Conventions of the generated code: `d` is the `DataView` over the whole buffer, `b` the
 * record's offset in it, `w8` the buffer's 64-bit words when `b` is 8-byte aligned (else
 * `undefined`), and every multi-byte access passes `true` (little-endian).
 */
import type { IntShape } from './shapes.js';
import { str } from './names.js';

/** What a generated function needs from the runtime and whether it uses the aligned words. */
export interface CodeCtx {
  helpers: Set<string>;
  /** Set when an access used `w8`, so the function declares it. */
  words: boolean;
  /** Set when a write went through the `DataView` (or a call that may), not only the words. */
  touches: boolean;
  /** Set once an encoder checks a union's member in its second half (`encode-code.ts`). */
  deferred: boolean;
  /** Fresh local names. */
  next: number;
  /** Runtime types the code names (the brands a decoded member is cast to). */
  types: Set<string>;
}

export function newCtx(): CodeCtx {
  return { helpers: new Set(), words: false, touches: false, deferred: false, next: 0, types: new Set() };
}

export function local(ctx: CodeCtx, prefix = 'x'): string {
  return `${prefix}${ctx.next++}`;
}

const GET: Record<string, string> = {
  u8: 'getUint8', i8: 'getInt8', u16: 'getUint16', i16: 'getInt16', u32: 'getUint32', i32: 'getInt32', u64: 'getBigUint64', i64: 'getBigInt64',
};
const SET: Record<string, string> = {
  u8: 'setUint8', i8: 'setInt8', u16: 'setUint16', i16: 'setInt16', u32: 'setUint32', i32: 'setInt32', u64: 'setBigUint64', i64: 'setBigInt64',
};

function code(bits: number, signed: boolean): string {
  return `${signed ? 'i' : 'u'}${bits}`;
}

function le(bits: number): string {
  return bits > 8 ? ', true' : '';
}

/** True when the 64-bit word fast path applies: an unsigned 64-bit integer at an 8-aligned offset of the record. */
export function wordPath(shape: IntShape, offsetAligned8: boolean): boolean {
  return shape.big && shape.bits === 64 && !shape.signed && offsetAligned8;
}

/** Reads an integer at `at` (an expression). `aligned8`: the offset within the record is a multiple of 8. */
export function readInt(ctx: CodeCtx, view: string, shape: IntShape, at: string, aligned8: boolean, words = 'w8'): string {
  if (shape.big && shape.bits === 32) return `BigInt(${view}.${shape.signed ? 'getInt32' : 'getUint32'}(${at}, true))`;
  const c = code(shape.bits, shape.signed);
  if (wordPath(shape, aligned8)) {
    ctx.words = true;
    // A word array over a detached buffer reads `undefined`: the DataView then throws.
    return `(${words}?.[${index(at)}] ?? ${view}.getBigUint64(${at}, true))`;
  }
  return `${view}.${GET[c]}(${at}${le(shape.bits)})`;
}

/** The word index of byte offset `at`. */
function index(at: string): string {
  return /^[\w.$]+$/.test(at) ? `${at} / 8` : `(${at}) / 8`;
}

/** The condition under which `x` is not a valid value of `shape`. */
export function badInt(shape: IntShape, x: string): string {
  if (shape.big) {
    const [min, max] = bigRange(shape.bits, shape.signed);
    return `typeof ${x} !== 'bigint' || ${x} < ${min} || ${x} > ${max}`;
  }
  return badSmall(shape.bits, shape.signed, x);
}

/**
 * One comparison after a `typeof`: the bit operations alone would throw the engine's own
 * error for a bigint or a symbol, and call `valueOf` on an object.
 */
function badSmall(bits: number, signed: boolean, x: string): string {
  const number = `typeof ${x} !== 'number'`;
  if (signed) return bits === 32 ? `${number} || (${x} | 0) !== ${x}` : `${number} || ((${x} << ${32 - bits}) >> ${32 - bits}) !== ${x}`;
  if (bits === 32) return `${number} || (${x} >>> 0) !== ${x}`;
  return `${number} || (${x} & ${hex(2 ** bits - 1)}) !== ${x}`;
}

function bigRange(bits: number, signed: boolean): [string, string] {
  if (signed) return [`-0x${(1n << BigInt(bits - 1)).toString(16)}n`, `0x${((1n << BigInt(bits - 1)) - 1n).toString(16)}n`];
  return ['0n', `0x${((1n << BigInt(bits)) - 1n).toString(16)}n`];
}

export function hex(value: number): string {
  return `0x${value.toString(16)}`;
}

/** `if (bad) fail…(x, path, ctype, bits[, index]);` */
export function checkInt(ctx: CodeCtx, shape: IntShape, x: string, path: string, index?: string): string {
  const fail = shape.big ? 'failBigInt' : 'failInt';
  ctx.helpers.add(fail);
  return `if (${badInt(shape, x)}) ${fail}(${x}, ${str(path)}, ${str(shape.ctype)}, ${shape.bits}${index ? `, ${index}` : ''});`;
}

/** `if (bad) fail…(x, where, ctype, bits);` with `where` an expression (a string or template literal). */
export function checkIntAt(ctx: CodeCtx, shape: IntShape, x: string, where: string): string {
  const fail = shape.big ? 'failBigInt' : 'failInt';
  ctx.helpers.add(fail);
  return `if (${badInt(shape, x)}) ${fail}(${x}, ${where}, ${str(shape.ctype)}, ${shape.bits});`;
}

/** Writes a checked integer `x` at `at`. */
export function writeInt(ctx: CodeCtx, view: string, shape: IntShape, at: string, x: string, aligned8: boolean, words = 'w8'): string {
  if (wordPath(shape, aligned8)) {
    ctx.words = true;
    return `if (${words} !== undefined) ${words}[${index(at)}] = ${x}; else ${view}.setBigUint64(${at}, ${x}, true);`;
  }
  ctx.touches = true;
  if (shape.big && shape.bits === 32) return `${view}.${shape.signed ? 'setInt32' : 'setUint32'}(${at}, Number(${x}), true);`;
  return `${view}.${SET[code(shape.bits, shape.signed)]}(${at}, ${x}${le(shape.bits)});`;
}

// ---- Bit-fields -----------------------------------------------------------------------------

/** How a bit-field is reached: one aligned-or-not load of 1, 2 or 4 bytes, or the runtime's bit loop. */
export interface BitPlan {
  /** Byte offset of the container within the record, or -1 for the runtime loop. */
  start: number;
  /** Container bytes: 1, 2 or 4. */
  bytes: number;
  shift: number;
  width: number;
  signed: boolean;
  /** Bit offset within the record, for the loop. */
  bitOffset: number;
}

/** Chooses the smallest container holding the bit-field that stays inside the record. */
export function bitPlan(bitOffset: number, width: number, signed: boolean, recordSize: number): BitPlan {
  const first = Math.floor(bitOffset / 8);
  const last = Math.floor((bitOffset + width - 1) / 8);
  for (const bytes of [1, 2, 4]) {
    if (width > 32 || last - first + 1 > bytes) continue;
    const start = Math.min(first, recordSize - bytes);
    if (start < 0 || start + bytes <= last) continue;
    return { start, bytes, shift: bitOffset - start * 8, width, signed, bitOffset };
  }
  return { start: -1, bytes: 0, shift: 0, width, signed, bitOffset };
}

function containerCode(plan: BitPlan): string {
  return `u${plan.bytes * 8}`;
}

/** Reads a bit-field of a record at `b` (an expression). */
export function readBits(ctx: CodeCtx, view: string, b: string, plan: BitPlan): string {
  if (plan.start < 0) {
    const helper = plan.width > 32 ? 'readBigBits' : 'readBits';
    ctx.helpers.add(helper);
    return `${helper}(${view}, ${b}, ${plan.bitOffset}, ${plan.width}, ${plan.signed})`;
  }
  const raw = `${view}.${GET[containerCode(plan)]}(${offsetExpr(b, plan.start)}${le(plan.bytes * 8)})`;
  if (plan.signed) return `((${raw} << ${32 - plan.shift - plan.width}) >> ${32 - plan.width})`;
  if (plan.shift === 0 && plan.width === plan.bytes * 8) return raw;
  if (plan.width === 32) return `(${raw} >>> ${plan.shift})`;
  if (plan.shift === 0) return `(${raw} & ${hex(2 ** plan.width - 1)})`;
  return `((${raw} >>> ${plan.shift}) & ${hex(2 ** plan.width - 1)})`;
}

/** The condition under which `x` does not fit the bit-field. */
export function badBits(plan: BitPlan, x: string): string {
  if (plan.width > 32) {
    const [min, max] = bigRange(plan.width, plan.signed);
    return `typeof ${x} !== 'bigint' || ${x} < ${min} || ${x} > ${max}`;
  }
  return badSmall(plan.width, plan.signed, x);
}

/** Writes a checked bit-field value `x`, keeping the container's other bits. */
export function writeBits(ctx: CodeCtx, view: string, b: string, plan: BitPlan, x: string): string {
  ctx.touches = true;
  if (plan.start < 0) {
    const helper = plan.width > 32 ? 'writeBigBits' : 'writeBits';
    ctx.helpers.add(helper);
    return `${helper}(${view}, ${b}, ${plan.bitOffset}, ${plan.width}, ${x});`;
  }
  const at = offsetExpr(b, plan.start);
  const c = containerCode(plan);
  const mask = plan.width === 32 ? 0xffffffff : 2 ** plan.width - 1;
  const keep = Number(~(BigInt(mask) << BigInt(plan.shift)) & ((1n << BigInt(plan.bytes * 8)) - 1n));
  const kept = `${view}.${GET[c]}(${at}${le(plan.bytes * 8)}) & ${hex(keep)}`;
  if (x === '0') return `${view}.${SET[c]}(${at}, ${kept}${le(plan.bytes * 8)});`;
  const value = plan.shift === 0 ? `(${x} & ${hex(mask)})` : `((${x} & ${hex(mask)}) << ${plan.shift})`;
  return `${view}.${SET[c]}(${at}, (${kept}) | ${value}${le(plan.bytes * 8)});`;
}

/** `b + 8`, or `b` for offset 0. */
export function offsetExpr(b: string, offset: number): string {
  return offset === 0 ? b : `${b} + ${offset}`;
}
