/**
 * The runtime's unions decoded with every member: the bytes such a value remembers, and encode
 * taking it back.
 */
import { failUnion, valueError } from './runtime-checks.js';

// ---- Unions ---------------------------------------------------------------------------------

type UnionDecoder = (d: DataView, w: BigUint64Array | undefined, b: number) => object;
type UnionEncoder = (v: never, d: DataView, w: BigUint64Array | undefined, b: number) => void;

/** What a union value decoded with every member remembers: the bytes it came from, and the decoder that read them. */
interface Origin {
  readonly bytes: readonly number[];
  readonly dec: UnionDecoder;
}

/** Returns the object it is given, so that a subclass can add a private field to any object. */
class Returns {
  constructor(o: object) {
    return o;
  }
}

/**
 * Keeps a union value's `Origin` in a private field added to the value itself: invisible to
 * `Object.keys`, spreads, JSON and deep equality, lost by any copy, and, unlike
 * `Object.defineProperty` (over a microsecond on Node 20), about as cheap as a property store.
 */
class Remembered extends Returns {
  readonly #origin: Origin;

  constructor(o: object, origin: Origin) {
    super(o);
    this.#origin = origin;
  }

  static of(o: object): Origin | undefined {
    return #origin in o ? (o as Remembered).#origin : undefined;
  }
}

/** Makes a union value decoded with every member remember the bytes it came from. @internal */
export function decodedFrom<T extends object>(value: T, dec: UnionDecoder, d: DataView, b: number, size: number): T {
  const bytes = new Array<number>(size);
  for (let i = 0; i < size; i++) bytes[i] = d.getUint8(b + i);
  new Remembered(value, { bytes, dec });
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
 * were (but the tail padding from `tail` on, which is zeroed); when one member was changed,
 * that member alone is encoded; two changed are an error.
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
  tail = size,
): void {
  const from = Remembered.of(v);
  if (from === undefined || from.dec !== dec || from.bytes.length !== size) failUnion(path, set);
  const was = dec(new DataView(Uint8Array.from(from.bytes).buffer), undefined, 0) as Record<string, unknown>;
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
  // The bytes from `tail` on are the union's tail padding, which no member covers: zero, as Xen requires.
  for (let i = 0; i < size; i++) d.setUint8(b + i, i < tail ? from.bytes[i]! : 0);
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
