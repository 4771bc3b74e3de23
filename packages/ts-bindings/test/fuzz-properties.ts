/**
 * Fuzzers of the codecs and views (issue 8), over every record and architecture:
 *
 * - hostile values: a valid value with one place (a field, an element, a nested record, the
 *   whole value) replaced by something hostile (a symbol, a bigint for a number and the
 *   reverse, NaN, fractions, out-of-range numbers, strings, objects with `valueOf`, proxies
 *   that throw, null, arrays): `encodeInto` either writes exactly what `encode` returns, or
 *   throws a `TypeError` or `RangeError` whose message starts with the path of that place,
 *   and leaves the target untouched;
 * - buffers: plain, subarray windows at odd offsets, resizable `ArrayBuffer`s (the buffer and
 *   fixed windows of it), growable `SharedArrayBuffer`s, resized and detached between calls:
 *   every `decode`, `encodeInto`, view read, view write and re-point either agrees with the
 *   same call on a plain copy of the bytes, or throws a `TypeError` or `RangeError`; nothing is
 *   ever written outside the bytes a call was given.
 *
 * Run counts are small and fixed (`XENABI_FUZZ_RUNS` raises them for a long run by hand).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Arch, FieldLayout, IntArrayView } from '../src/index.js';
import { documented, flexCount, recordValue, type AnyCodec } from './codecs.js';
import { GROWABLE, RESIZABLE, detach, type Resizable } from './buffers.js';

const RUNS = Number(process.env.XENABI_FUZZ_RUNS ?? 300);


// ---- Hostile values -------------------------------------------------------------------------

const HOSTILE: readonly (() => unknown)[] = [
  () => Symbol('hostile'),
  () => 1n,
  () => -1n,
  () => 1n << 64n,
  () => 1,
  () => -1,
  () => 0.5,
  () => NaN,
  () => Infinity,
  () => -0,
  () => 2 ** 32,
  () => 2 ** 53,
  () => '1',
  () => true,
  () => null,
  () => undefined,
  () => ({}),
  () => [],
  () => [1, 2, 3],
  () => ({ valueOf: () => 1 }),
  () => ({ length: -1 }),
  () => ({ length: NaN }),
  () => Object.create(null),
  () =>
    new Proxy(
      {},
      {
        get() {
          throw new Error('hostile proxy');
        },
      },
    ),
];

type Path = (string | number)[];

/** Every place in a value that can be replaced: the value itself, each member, each element. */
function places(value: unknown, path: Path = []): Path[] {
  const out: Path[] = [path];
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push(...places(v, [...path, Array.isArray(value) ? Number(k) : k]));
  }
  return out;
}

/** A copy of `value` with the place at `path` replaced by `by` (defined, so that `__proto__` stays a member). */
function replaced(value: unknown, path: Path, by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  Object.defineProperty(copy, head!, { value: replaced((value as Record<string | number, unknown>)[head!], rest, by), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** `rec.a.b[2].c`, as the codecs' messages spell a path. */
function spelled(record: string, path: Path): string {
  return record + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
}

// ---- Buffers --------------------------------------------------------------------------------

type Kind = 'plain' | 'window' | 'resizable' | 'resizable window' | 'growable' | 'growable window';
const KINDS: readonly Kind[] = ['plain', 'window', 'resizable', 'resizable window', 'growable', 'growable window'];

/**
 * The bytes a fuzz case works on: the typed array the calls get, where it starts in its buffer,
 * the bytes of it the buffer still has (a fixed window of a resizable buffer can lose its end,
 * and then the typed array has no bytes at all, while a view keeps the ones left), and what
 * resizes or detaches the buffer.
 */
interface Subject {
  bytes: Uint8Array;
  start: number;
  present(): Uint8Array;
  resize?: (length: number) => void;
  detachable: boolean;
}

/** A buffer of `kind` of `length` bytes (a window of it starting at the odd `skew`), filled with `fill`. */
function subject(kind: Kind, length: number, skew: number, fill: number): Subject {
  const max = length + skew + 64;
  const whole = (bytes: Uint8Array, detachable: boolean, resize?: (n: number) => void): Subject => ({ bytes, start: 0, present: () => bytes, resize, detachable });
  switch (kind) {
    case 'plain':
      return whole(new Uint8Array(length).fill(fill), true);
    case 'window': {
      const bytes = new Uint8Array(length + skew + 7).fill(fill).subarray(skew, skew + length);
      return { bytes, start: skew, present: () => bytes, detachable: true };
    }
    case 'resizable': {
      const buffer = new RESIZABLE(length, { maxByteLength: max });
      return whole(new Uint8Array(buffer).fill(fill), true, (n) => buffer.resize(Math.min(n, max)));
    }
    case 'resizable window': {
      const buffer: Resizable = new RESIZABLE(length + skew, { maxByteLength: max });
      const bytes = new Uint8Array(buffer, skew, length).fill(fill);
      return { bytes, start: skew, present: () => new Uint8Array(buffer, skew, Math.max(0, Math.min(length, buffer.byteLength - skew))), resize: (n) => buffer.resize(Math.min(n + skew, max)), detachable: true };
    }
    case 'growable': {
      const buffer = new GROWABLE(length, { maxByteLength: max });
      return whole(new Uint8Array(buffer).fill(fill), false, (n) => buffer.grow(Math.min(max, Math.max(n, buffer.byteLength))));
    }
    case 'growable window': {
      const buffer = new GROWABLE(length + skew + 3, { maxByteLength: max });
      const bytes = new Uint8Array(buffer, skew, length).fill(fill);
      return { bytes, start: skew, present: () => bytes, resize: (n) => buffer.grow(Math.min(max, Math.max(n + skew, buffer.byteLength))), detachable: false };
    }
  }
}

/** The little-endian bytes of `x` in `size` bytes. */
function littleEndian(x: number | bigint, size: number): number[] {
  const u = BigInt.asUintN(size * 8, BigInt(x));
  return Array.from({ length: size }, (_, i) => Number((u >> BigInt(8 * i)) & 0xffn));
}

/** The integer arrays of fixed length a view reads and writes through an `IntArrayView`. */
function intArrays(codec: AnyCodec, arch: Arch): FieldLayout[] {
  return codec.layout(arch).fields.filter((f) => !f.padding && f.dims && !f.flexible && f.value !== 'record');
}

/** The scalar fields a view reads and writes directly. */
function scalars(codec: AnyCodec, arch: Arch): FieldLayout[] {
  return codec.layout(arch).fields.filter((f) => !f.padding && !f.dims && f.value !== 'record' && f.bitWidth === undefined);
}

/** Runs `f`; a documented error (or the hostile value's own) is a result too. Anything else fails the property. */
function attempt<T>(f: () => T, own?: string): { ok: true; value: T } | { ok: false; error: Error } {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    if (!documented(error) && !(error instanceof Error && error.message === own)) throw error;
    return { ok: false, error: error as Error };
  }
}

const op = fc.oneof(
  fc.record({ kind: fc.constant('encodeInto' as const), seed: fc.integer() }),
  fc.record({ kind: fc.constant('decode' as const) }),
  fc.record({ kind: fc.constant('view read' as const) }),
  fc.record({ kind: fc.constant('view write' as const), field: fc.nat(), value: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }) }),
  fc.record({ kind: fc.constant('repoint' as const), to: fc.integer({ min: -2, max: 300 }) }),
  fc.record({ kind: fc.constant('resize' as const), length: fc.nat(300) }),
  fc.record({ kind: fc.constant('detach' as const) }),
);

/** The value a view's field holds, for a field of `bits` from random bits. */
function fieldValue(f: FieldLayout, raw: bigint): number | bigint {
  const bits = BigInt(f.bits!);
  const x = f.signed ? BigInt.asIntN(Number(bits), raw) : BigInt.asUintN(Number(bits), raw);
  return f.value === 'bigint' ? x : Number(x);
}

/** The fuzzers, over every record of `codecs` (the package's, or the emitter's fixture package's). */
export function fuzzCodecs(codecs: Map<string, AnyCodec>): void {
  /** Every (record, architecture) pair, by name (counterexamples print names, not codecs). */
  const PAIRS: [string, Arch][] = [...codecs.values()].flatMap((c) => c.archs.map((a): [string, Arch] => [c.name, a]));
  const codecOf = (name: string): AnyCodec => codecs.get(name)!;

  const hostileValue = fc.constantFrom(...PAIRS).chain(([record, arch]) =>
    recordValue(record, arch, codecs).chain((value) =>
      fc.record({
        record: fc.constant(record),
        arch: fc.constant(arch),
        value: fc.constant(value),
        path: fc.constantFrom(...places(value)),
        hostile: fc.integer({ min: 0, max: HOSTILE.length - 1 }),
        offset: fc.integer({ min: 0, max: 9 }),
      }),
    ),
  );

  const bufferCase = fc.constantFrom(...PAIRS.filter(([r, a]) => codecOf(r).size(a) <= 256)).chain(([record, arch]) =>
    fc.record({
      record: fc.constant(record),
      arch: fc.constant(arch),
      values: fc.array(recordValue(record, arch, codecs), { minLength: 1, maxLength: 3 }),
      kind: fc.constantFrom(...KINDS),
      spare: fc.nat(40),
      skew: fc.integer({ min: 1, max: 15 }),
      offset: fc.nat(24),
      buffer: fc.boolean(),
      ops: fc.array(op, { minLength: 1, maxLength: 12 }),
    }),
  );

  describe('fuzz', () => {
    it('hostile values: encodeInto writes what encode gives, or names the place and writes nothing', () => {
      const counts = { encoded: 0, refused: 0 };
      fc.assert(
        fc.property(hostileValue, ({ record, arch, value, path, hostile, offset }) => {
          const codec = codecOf(record);
          const bad = replaced(value, path, HOSTILE[hostile]!());
          const count = flexCount(codec, arch, value);
          const flex = codec.layout(arch).fields.find((f) => f.flexible);
          const target = new Uint8Array(offset + codec.size(arch) + (count + 4) * (flex?.elementSize ?? 0) + 8).fill(0x5a);
          const result = attempt(() => codec.encodeInto(bad as Record<string, unknown>, target, { arch, offset }), 'hostile proxy');
          if (result.ok) {
            counts.encoded++;
            const bytes = codec.encode(bad as Record<string, unknown>, { arch });
            expect(result.value).toBe(bytes.length);
            expect(target.subarray(offset, offset + bytes.length)).toEqual(bytes);
            expect(target.subarray(0, offset).every((x) => x === 0x5a) && target.subarray(offset + bytes.length).every((x) => x === 0x5a)).toBe(true);
            return;
          }
          counts.refused++;
          expect(target.every((x) => x === 0x5a), 'a refused encodeInto wrote to its target').toBe(true);
          if (result.error.message === 'hostile proxy') return;
          const where = spelled(codec.name, path);
          expect(result.error.message.startsWith(where) && /^[.[:]/.test(result.error.message.slice(where.length)), `${result.error.message} names ${where}`).toBe(true);
        }),
        { numRuns: RUNS },
      );
      expect(counts.refused).toBeGreaterThan(RUNS / 2);
    });

    it('hostile values that throw from a getter or proxy pass through and write nothing', () => {
      fc.assert(
        fc.property(hostileValue, ({ record, arch, value, offset }) => {
          const codec = codecOf(record);
          const target = new Uint8Array(offset + codec.size(arch) + 64).fill(0x5a);
          const trap = new Proxy(value, {
            get(t, key, receiver) {
              if (typeof key === 'string' && key !== 'length') throw new Error('hostile getter');
              return Reflect.get(t, key, receiver) as unknown;
            },
          });
          expect(() => codec.encodeInto(trap, target, { arch, offset })).toThrow('hostile getter');
          expect(target.every((x) => x === 0x5a)).toBe(true);
        }),
        { numRuns: Math.ceil(RUNS / 4) },
      );
    });

    it('buffers: every call agrees with a plain copy of the bytes or throws a documented error, and writes only its own bytes', () => {
      const seen = new Map<string, number>();
      fc.assert(
        fc.property(bufferCase, ({ record, arch, values, kind, spare, skew, offset, buffer, ops }) => {
          const codec = codecOf(record);
          const size = codec.size(arch);
          const at = Math.min(offset, spare);
          const s = subject(kind, size + spare, skew, 0x33);
          /** What the buffer should hold in the window, byte for byte. */
          const mirror = [...s.bytes];
          // A view of the buffer itself follows its length; a view of a typed array keeps the
          // window it had when made (it may lose its end with the buffer, never gain one).
          const follows = buffer && s.start === 0;
          const window = s.bytes.length;
          const made = attempt(() => codec.view(follows ? s.bytes.buffer : s.bytes, { arch, offset: at }));
          if (!made.ok) throw made.error;
          const v = made.value as unknown as Record<string, unknown> & { $offset: number };
          let viewAt = at;
          let detached = false;
          for (const o of ops) {
            seen.set(`${kind}: ${o.kind}`, (seen.get(`${kind}: ${o.kind}`) ?? 0) + 1);
            /** Bytes the typed array has (calls), and bytes of the window the buffer has (views). */
            const length = detached ? 0 : s.bytes.length;
            const present = detached ? 0 : follows ? s.present().length : Math.min(window, s.present().length);
            switch (o.kind) {
              case 'encodeInto': {
                const value = values[Math.abs(o.seed) % values.length]!;
                const bytes = codec.encode(value, { arch });
                const r = attempt(() => codec.encodeInto(value, s.bytes, { arch, offset: at }));
                expect(r.ok, `encodeInto (${r.ok ? '' : r.error.message})`).toBe(at + bytes.length <= length);
                if (r.ok) mirror.splice(at, bytes.length, ...bytes);
                break;
              }
              case 'decode': {
                const r = attempt(() => codec.decode(s.bytes, { arch, offset: at }));
                expect(r.ok, `decode (${r.ok ? '' : r.error.message})`).toBe(at + size <= length);
                if (r.ok) expect(r.value).toEqual(codec.decode(Uint8Array.from(mirror), { arch, offset: at }));
                break;
              }
              case 'view read': {
                // A view checks its record at a re-point; after a shrink each field is checked on
                // its own, so the fields still in the buffer read, the others throw.
                const whole = Uint8Array.from({ length: viewAt + size }, (_, i) => mirror[i] ?? 0);
                const expected = codec.decode(whole, { arch, offset: viewAt });
                for (const f of scalars(codec, arch)) {
                  const r = attempt(() => v[f.name]);
                  expect(r.ok, `view read ${f.name} (${r.ok ? '' : r.error.message})`).toBe(viewAt + f.offset + f.size <= present);
                  if (r.ok) expect(r.value).toBe(expected[f.name]);
                }
                for (const f of intArrays(codec, arch)) {
                  const r = attempt(() => (v[f.name] as IntArrayView<number | bigint>).toArray());
                  expect(r.ok, `view read ${f.name}[] (${r.ok ? '' : r.error.message})`).toBe(viewAt + f.offset + f.size <= present);
                  if (r.ok) expect(r.value).toEqual((expected[f.name] as unknown[]).flat(4));
                }
                break;
              }
              case 'view write': {
                const fields = scalars(codec, arch);
                if (!fields.length) break;
                const f = fields[o.field % fields.length]!;
                const x = fieldValue(f, o.value);
                const r = attempt(() => {
                  v[f.name] = x;
                });
                expect(r.ok, `view write ${f.name} (${r.ok ? '' : r.error.message})`).toBe(viewAt + f.offset + f.size <= present);
                if (r.ok) mirror.splice(viewAt + f.offset, f.size, ...littleEndian(x, f.size));
                break;
              }
              case 'repoint': {
                const r = attempt(() => {
                  v.$offset = s.start + o.to;
                });
                if (!detached) expect(r.ok, `repoint to ${o.to} of ${present}`).toBe(o.to >= 0 && o.to + size <= present);
                if (r.ok) viewAt = o.to;
                break;
              }
              case 'resize': {
                if (!s.resize || detached) break;
                s.resize(o.length);
                const n = s.present().length;
                mirror.length = Math.min(mirror.length, n);
                while (mirror.length < n) mirror.push(0);
                break;
              }
              case 'detach': {
                if (!s.detachable || detached) break;
                detach(s.bytes.buffer);
                detached = true;
                break;
              }
            }
            if (!detached) expect([...s.present()], 'the bytes in the window').toEqual(mirror);
          }
        }),
        { numRuns: RUNS },
      );
      for (const kind of KINDS) expect([...seen.keys()].some((k) => k.startsWith(`${kind}:`)), kind).toBe(true);
    });
  });
}
