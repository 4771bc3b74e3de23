/**
 * The runtime's views of arrays: integers (`IntArray`, every write checked) and records
 * (`RecordArray`), and 64-bit fields read and written as numbers.
 */
import { describe, failBigInt, failInt, valueError } from './runtime-checks.js';
import type { IntArrayView, RecordArrayView } from './runtime-types.js';

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
