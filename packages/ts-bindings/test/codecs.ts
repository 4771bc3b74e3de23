/**
 * Test helpers: every record codec and op codec the package exports, found by walking the
 * module namespaces, and fast-check arbitraries built from each record's layout data.
 */
import fc from 'fast-check';
import * as root from '../src/index.js';
import type { Arch, FieldLayout, RecordCodec, RecordView } from '../src/index.js';

export type AnyCodec = RecordCodec<Record<string, unknown>, RecordView>;

function isCodec(value: unknown): value is AnyCodec {
  return typeof value === 'object' && value !== null && typeof (value as AnyCodec).encode === 'function' && typeof (value as AnyCodec).layout === 'function';
}

/** Every export of the package, stable and unstable, by name. */
export const EXPORTS: Record<string, unknown> = { ...root, ...(root.unstable as Record<string, unknown>) };

/** Every record codec among `exports`, by its Xen name (typedef aliases are the same object and counted once). */
export function codecsOf(exports: Record<string, unknown>): Map<string, AnyCodec> {
  return new Map(
    Object.values(exports)
      .filter(isCodec)
      .map((c) => [c.name, c]),
  );
}

/** Every record codec of the package. */
export const CODECS: Map<string, AnyCodec> = codecsOf(EXPORTS);

/** A random integer of a field's width, as the value type holds it. */
function int(f: FieldLayout): fc.Arbitrary<unknown> {
  const bits = f.bits!;
  if (f.value === 'bigint') {
    return f.signed ? fc.bigInt(-(1n << BigInt(bits - 1)), (1n << BigInt(bits - 1)) - 1n) : fc.bigInt(0n, (1n << BigInt(bits)) - 1n);
  }
  return f.signed ? fc.integer({ min: -(2 ** (bits - 1)), max: 2 ** (bits - 1) - 1 }) : fc.integer({ min: 0, max: 2 ** bits - 1 });
}

function element(f: FieldLayout, arch: Arch, codecs: Map<string, AnyCodec>): fc.Arbitrary<unknown> {
  return f.value === 'record' ? recordValue(f.record!, arch, codecs, true) : int(f);
}

/**
 * A random value of a member. A flexible array takes up to 4 elements at the top of its record,
 * and none in a record embedded in another (x86's PMU contexts in `xen_pmu_arch.c`), where its
 * elements would overlap the bytes after the embedded record and the encoder refuses them.
 */
function field(f: FieldLayout, arch: Arch, codecs: Map<string, AnyCodec>, embedded: boolean): fc.Arbitrary<unknown> {
  let arb = element(f, arch, codecs);
  const dims = f.dims ?? [];
  for (let i = dims.length - 1; i >= 0; i--) {
    const n = dims[i]!;
    arb = f.flexible && i === 0 ? fc.array(arb, { maxLength: embedded ? 0 : 4 }) : fc.array(arb, { minLength: n, maxLength: n });
  }
  return arb;
}

const memo = new WeakMap<Map<string, AnyCodec>, Map<string, fc.Arbitrary<Record<string, unknown>>>>();

/** A random value of a record on `arch` (`embedded` in another record or not): every member but padding; a union sets at most one. */
export function recordValue(name: string, arch: Arch, codecs: Map<string, AnyCodec> = CODECS, embedded = false): fc.Arbitrary<Record<string, unknown>> {
  const key = `${name}@${arch}${embedded ? ' embedded' : ''}`;
  const known = memo.get(codecs)?.get(key);
  if (known) return known;
  const codec = codecs.get(name);
  if (!codec) throw new Error(`no codec for ${name}`);
  const layout = codec.layout(arch);
  const fields = layout.fields.filter((f) => !f.padding);
  const arb =
    layout.kind === 'union'
      ? fc.oneof(fc.constant({}), ...fields.map((f) => fc.record({ [f.name]: field(f, arch, codecs, embedded) })))
      : fc.record(Object.fromEntries(fields.map((f) => [f.name, field(f, arch, codecs, embedded)])));
  if (!memo.has(codecs)) memo.set(codecs, new Map());
  memo.get(codecs)!.set(key, arb as fc.Arbitrary<Record<string, unknown>>);
  return arb as fc.Arbitrary<Record<string, unknown>>;
}

/** Elements in a value's flexible array member, for `decode`'s `count`. */
export function flexCount(codec: AnyCodec, arch: Arch, value: Record<string, unknown>): number {
  const flex = codec.layout(arch).fields.find((f) => f.flexible);
  return flex ? ((value[flex.name] as unknown[] | undefined)?.length ?? 0) : 0;
}

/** True when `actual` has everything `expected` has (a decoded union has every member, the value one). */
export function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => contains(actual[i], e));
  }
  if (typeof expected === 'object' && expected !== null) {
    return typeof actual === 'object' && actual !== null && Object.entries(expected).every(([k, v]) => contains((actual as Record<string, unknown>)[k], v));
  }
  return Object.is(actual, expected);
}

/** True for the errors the codecs document. */
export function documented(error: unknown): boolean {
  return error instanceof RangeError || error instanceof TypeError;
}
