/**
 * Property tests of records, on every architecture it exists on:
 * random values round-trip through encode/decode (strictly, so padding is zero), what decode
 * gives from random bytes encodes back to the same bytes (unions, whose decode fills every
 * member, included), encodeInto writes the same bytes at any offset over dirty memory, views
 * read what was encoded, and random bytes never raise anything but the documented RangeError
 * and TypeError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contains, documented, flexCount, recordValue, type AnyCodec } from './codecs.js';

const RUNS = Number(process.env.XENABI_FC_RUNS ?? 40);

/** A value for a message: JSON with bigints, whatever its members are called. */
function show(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

/** The properties, for the package's codecs or another set (the emitter's fixture package uses them too). */
export function recordProperties(codecs: Map<string, AnyCodec>): void {
describe.each([...codecs.values()].map((c) => [c.name, c] as const))('%s', (_name, codec) => {
  it.each(codec.archs.map((a) => [a]))('round-trips random values on %s', (arch) => {
    fc.assert(
      fc.property(recordValue(codec.name, arch, codecs), (value) => {
        const bytes = codec.encode(value, { arch });
        const count = flexCount(codec, arch, value);
        const flex = codec.layout(arch).fields.find((f) => f.flexible);
        // The elements end the record, or end inside its tail padding (xen_hypfs_dirlistentry.name at 14 of 16).
        expect(bytes.length).toBe(flex ? Math.max(codec.size(arch), flex.offset + count * (flex.elementSize ?? 0)) : codec.size(arch));
        const back = codec.decode(bytes, { arch, strict: true, count });
        if (!contains(back, value)) expect.fail(`decoded ${show(back)}, expected ${show(value)}`);
        return true;
      }),
      { numRuns: RUNS },
    );
  });

  it.each(codec.archs.map((a) => [a]))('encodes what decode gave back to the same bytes on %s (unions included)', (arch) => {
    const flex = codec.layout(arch).fields.find((f) => f.flexible);
    const stride = flex?.elementSize ?? 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: flex ? 3 : 0 }).chain((count) => {
          const length = codec.size(arch) + count * stride;
          return fc.tuple(fc.constant(count), fc.uint8Array({ minLength: length, maxLength: length }));
        }),
        ([count, raw]) => {
          const once = codec.encode(codec.decode(raw, { arch, count }), { arch });
          const again = codec.encode(codec.decode(once, { arch, count, strict: true }), { arch });
          expect(again).toEqual(once);
          return true;
        },
      ),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it.each(codec.archs.map((a) => [a]))('encodeInto and views agree with encode on %s', (arch) => {
    fc.assert(
      fc.property(recordValue(codec.name, arch, codecs), fc.integer({ min: 0, max: 3 }), (value, slot) => {
        const bytes = codec.encode(value, { arch });
        const offset = slot * 8;
        const target = new Uint8Array(offset + bytes.length + 8).fill(0xa5);
        expect(codec.encodeInto(value, target, { arch, offset })).toBe(bytes.length);
        expect(target.subarray(offset, offset + bytes.length)).toEqual(bytes);
        const view = codec.view(target, { arch, offset }) as unknown as Record<string, unknown>;
        for (const f of codec.layout(arch).fields) {
          if (f.padding || f.dims || f.value === 'record' || !(f.name in value)) continue;
          expect(view[f.name]).toBe(value[f.name]);
        }
        return true;
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it.each(codec.archs.map((a) => [a]))('decodes random bytes or throws only documented errors on %s', (arch) => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: codec.size(arch) + 24 }),
        fc.integer({ min: 0, max: 8 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        (bytes, offset, strict, count) => {
          try {
            codec.decode(bytes, { arch, offset, strict, count });
          } catch (error) {
            if (!documented(error)) throw error;
          }
          return true;
        },
      ),
      { numRuns: RUNS },
    );
  });
});
}
