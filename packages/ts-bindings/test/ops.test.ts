/**
 * Property tests of every op set: random variants round-trip through the dispatched codec
 * (`encodeDmOp`/`decodeDmOp`, …) and the argument-record codec (`encodeDmOpArg`,
 * `encodeArgoOp`, …); unknown op numbers and random bytes raise only documented errors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARCHES, type Arch } from '../src/index.js';
import { CODECS, EXPORTS, contains, documented, flexCount, recordValue } from './codecs.js';

interface OpInfo {
  set: string;
  dispatch?: { record: string; opField: string; payloadField: string };
  nested: boolean;
  ops: Record<string, { number: number; record?: string; member?: string }>;
}

type Fn = (...args: unknown[]) => unknown;

const SETS = Object.entries(EXPORTS)
  .filter(([name]) => name.endsWith('OpInfo'))
  .map(([name, info]) => ({ base: name.slice(0, -'Info'.length), info: info as OpInfo }));

function fn(name: string): Fn {
  const f = EXPORTS[name];
  if (typeof f !== 'function') throw new Error(`the package exports no function ${name}`);
  return f as Fn;
}

/** A random variant of one op: `{ op, ...payload }`, or `{ op, arg }` for a nested set. */
function variant(info: OpInfo, name: string, arch: Arch): fc.Arbitrary<Record<string, unknown>> {
  const record = info.ops[name]!.record;
  if (!record) return fc.constant({ op: name });
  return recordValue(record, arch).map((v) => (info.nested ? { op: name, arg: v } : { op: name, ...v }));
}

/**
 * Random values for the members a dispatch record carries beside the op and its payload
 * (`xen_hvm_altp2m_op.version` and `.domain`), which every variant holds too.
 */
function besideTheOp(dispatch: NonNullable<OpInfo['dispatch']>, arch: Arch): fc.Arbitrary<Record<string, unknown>> {
  return recordValue(dispatch.record, arch).map((record) => {
    const { [dispatch.opField]: _op, [dispatch.payloadField]: _payload, ...common } = record;
    return common;
  });
}

const RUNS = Number(process.env.XENABI_FC_RUNS ?? 40);

describe.each(SETS.map((s) => [s.info.set, s] as const))('%s', (_set, { base, info }) => {
  const argForm = info.dispatch ? `${base}Arg` : base;
  const archsOf = (record: string | undefined) => (record ? CODECS.get(record)!.archs : ARCHES);

  it.each(Object.keys(info.ops).map((n) => [n]))(`round-trips %s through encode${argForm}/decode${argForm}`, (name) => {
    const op = info.ops[name]!;
    for (const arch of archsOf(op.record)) {
      fc.assert(
        fc.property(variant(info, name, arch), (value) => {
          const bytes = fn(`encode${argForm}`)(value, { arch }) as Uint8Array;
          const payload = info.nested ? (value.arg as Record<string, unknown>) : value;
          const count = op.record ? flexCount(CODECS.get(op.record)!, arch, payload ?? {}) : 0;
          const back = fn(`decode${argForm}`)(bytes, { arch, op: op.number, strict: true, count });
          expect(contains(back, value)).toBe(true);
          return true;
        }),
        { numRuns: Math.ceil(RUNS / 2) },
      );
    }
  });

  if (info.dispatch) {
    const dispatch = info.dispatch;
    const carried = Object.keys(info.ops).filter((n) => info.ops[n]!.member);
    it.each(carried.map((n) => [n]))(`round-trips %s through encode${base}/decode${base} in ${dispatch.record}`, (name) => {
      // An op whose payload only some architectures have (domctl's x86 vcpu_msrs, Arm's dt_overlay) is tried there.
      const payloadArchs = archsOf(info.ops[name]!.record);
      for (const arch of CODECS.get(dispatch.record)!.archs.filter((a) => payloadArchs.includes(a))) {
        fc.assert(
          fc.property(fc.tuple(variant(info, name, arch), besideTheOp(dispatch, arch)).map(([v, common]) => ({ ...common, ...v })), (value) => {
            const bytes = fn(`encode${base}`)(value, { arch }) as Uint8Array;
            expect(bytes.length).toBe(CODECS.get(dispatch.record)!.size(arch));
            const back = fn(`decode${base}`)(bytes, { arch, strict: true });
            expect(contains(back, value)).toBe(true);
            const record = CODECS.get(dispatch.record)!.decode(bytes, { arch, strict: true });
            expect(record[dispatch.opField]).toBe(info.ops[name]!.number);
            return true;
          }),
          { numRuns: Math.ceil(RUNS / 2) },
        );
      }
    });

    it(`decode${base} names an unknown op number`, () => {
      const codec = CODECS.get(dispatch.record)!;
      const known = new Set(Object.values(info.ops).map((o) => o.number));
      const unknown = [...Array(1000).keys()].find((n) => !known.has(n))!;
      const bytes = new Uint8Array(codec.size('x86_64'));
      const field = codec.layout('x86_64').fields.find((f) => f.name === dispatch.opField)!;
      new DataView(bytes.buffer).setUint32(field.offset, unknown, true);
      expect(() => fn(`decode${base}`)(bytes, { arch: 'x86_64' })).toThrow(new RangeError(`${dispatch.record}.${dispatch.opField}: unknown ${info.set} op ${unknown}`));
    });

    it(`decode${base} raises only documented errors on random bytes`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 96 }), fc.constantFrom(...ARCHES), fc.boolean(), (bytes, arch, strict) => {
          try {
            fn(`decode${base}`)(bytes, { arch, strict });
          } catch (error) {
            if (!documented(error)) throw error;
          }
          return true;
        }),
        { numRuns: RUNS },
      );
    });
  }

  it(`decode${argForm} raises only documented errors on random op numbers and bytes`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 96 }), fc.constantFrom(...ARCHES), fc.integer({ min: -1, max: 40 }), (bytes, arch, op) => {
        try {
          fn(`decode${argForm}`)(bytes, { arch, op });
        } catch (error) {
          if (!documented(error)) throw error;
        }
        return true;
      }),
      { numRuns: RUNS },
    );
  });

  it(`encode${argForm} names an unknown op`, () => {
    expect(() => fn(`encode${argForm}`)({ op: 'no_such_op' }, { arch: 'x86_64' })).toThrow(new RangeError(`${info.set}: unknown op 'no_such_op'`));
  });
});
