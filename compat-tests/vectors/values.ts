/**
 * The values a vector puts in its leaves: deterministic (a fixed seed, a small PRNG, no
 * clock), spread over each integer's range — zero, the maximum, the minimum, powers of two
 * and random values — and guest handles as fixed fake addresses that fit the architecture's
 * pointers. A record's values depend only on the seed, the record's name, the vector's index
 * and each leaf's width, so they do not move when another record changes, and a record whose
 * members have the same widths on two architectures gets the same values on both.
 */
import type { Arch } from '../../generators/src/model/types.js';
import type { Leaf } from './shape.js';

/** The seed of every vector file. Changing it rewrites every vector. */
export const SEED = 0x78656e61;

/**
 * Width of a pointer in a guest of each architecture. Guest handles hold one: a 32-bit
 * guest's handle is 4 bytes on x86_32 and 8 on arm32, with the address in the low 4.
 */
export const POINTER_BITS: Record<Arch, 32 | 64> = { x86_32: 32, x86_64: 64, arm32: 32, arm64: 64 };

/** The fake address of the i-th guest handle of a vector: above 4 GiB on 64-bit guests, so a truncation shows. */
export function handleAddress(arch: Arch, index: number): bigint {
  const base = POINTER_BITS[arch] === 64 ? 0x7ffd_c0de_1000n : 0xc0de_1000n;
  return base + BigInt(index) * 0x1010n;
}

/** mulberry32: a 32-bit PRNG, enough for spreading test values. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  next64(): bigint {
    return (BigInt(this.next32()) << 32n) | BigInt(this.next32());
  }
}

/** FNV-1a of a string, mixed with the seed: the PRNG seed of one vector. */
export function vectorSeed(record: string, index: number): number {
  let h = 0x811c9dc5 ^ SEED;
  for (const ch of `${record}#${index}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h >>> 0;
}

type Category = 'random' | 'max' | 'min' | 'zero' | 'pow2' | 'negpow2';

/** The order values cycle through, leaf by leaf; every vector starts at its own place. */
const UNSIGNED: Category[] = ['random', 'max', 'random', 'pow2', 'random', 'zero', 'random', 'pow2'];
const SIGNED: Category[] = ['random', 'max', 'random', 'min', 'random', 'pow2', 'random', 'zero', 'random', 'negpow2'];

/** The value of every leaf of one vector, in leaf order. */
export function leafValues(leaves: readonly Leaf[], arch: Arch, record: string, index: number): bigint[] {
  const prng = new Prng(vectorSeed(record, index));
  const start = prng.next32();
  let handles = 0;
  return leaves.map((leaf, k) => {
    const r = prng.next64();
    if (leaf.handle || leaf.pointer) return handleAddress(arch, handles++);
    const cycle = leaf.signed ? SIGNED : UNSIGNED;
    return pick(cycle[(start + k) % cycle.length] as Category, leaf.bits, leaf.signed, r);
  });
}

/** A value of `bits` bits from a category; `r` is 64 random bits. */
export function pick(category: Category, bits: number, signed: boolean, r: bigint): bigint {
  const b = BigInt(bits);
  const valueBits = signed ? b - 1n : b;
  switch (category) {
    case 'zero':
      return 0n;
    case 'max':
      return (1n << valueBits) - 1n;
    case 'min':
      return signed ? -(1n << valueBits) : 0n;
    case 'pow2':
      return valueBits > 0n ? 1n << (r % valueBits) : 0n;
    case 'negpow2':
      return valueBits > 0n ? -(1n << (r % valueBits)) : -1n;
    case 'random':
      return signed ? BigInt.asIntN(bits, r) : BigInt.asUintN(bits, r);
  }
}
