/**
 * The emitter's golden output for the fixture ABI, run: the same property tests and fuzzers as
 * the real package (round-trips on every architecture, encodeInto over dirty memory, views,
 * random bytes, hostile values and buffers), plus the shapes only the fixture has: sub-byte
 * holes, per-architecture members, 64-bit constants, ops without payload, members named like
 * Object.prototype's own, an untagged union with uneven members, arrays of arrays.
 */
import { describe, expect, it } from 'vitest';
import { codecsOf } from '../../../../packages/ts-bindings/test/codecs.js';
import { fuzzCodecs } from '../../../../packages/ts-bindings/test/fuzz-properties.js';
import { recordProperties } from '../../../../packages/ts-bindings/test/record-properties.js';
import * as fixture from '../../golden/ts/src/index.js';

const exports = { ...fixture, ...(fixture.unstable as Record<string, unknown>) };

recordProperties(codecsOf(exports));
fuzzCodecs(codecsOf(exports));

describe('fixture package', () => {
  it('dispatches ops through the record and names unknown ones', () => {
    const bytes = fixture.encodeWidgetOp({ op: 'move', x: -1, y: 2 }, { arch: 'arm32' });
    expect(fixture.decodeWidgetOp(bytes, { arch: 'arm32', strict: true })).toEqual({ op: 'move', x: -1, y: 2 });
    bytes[0] = 99;
    expect(() => fixture.decodeWidgetOp(bytes, { arch: 'arm32' })).toThrow(new RangeError('widget_op.op: unknown WIDGET_OP op 99'));
    expect(fixture.encodeWidgetOpArg({ op: 'reset' }, { arch: 'x86_64' })).toEqual(new Uint8Array(0));
    expect(fixture.decodeWidgetOpArg(new Uint8Array(0), { arch: 'x86_64', op: fixture.WIDGET_OP_reset })).toEqual({ op: 'reset' });
  });

  it('carries an op that names only its member in the member\'s record', () => {
    const bytes = fixture.encodeWidgetOp({ op: 'nudge', x: 3, y: -4 }, { arch: 'x86_64' });
    expect(fixture.decodeWidgetOp(bytes, { arch: 'x86_64' })).toEqual({ op: 'nudge', x: 3, y: -4 });
    expect(fixture.WidgetOpInfo.ops.nudge).toEqual({ number: fixture.WIDGET_OP_nudge, record: 'widget_point', member: 'point' });
  });

  it('carries an op whose payload exists on some architectures only there, and refuses it elsewhere', () => {
    const bytes = fixture.encodeWidgetOp({ op: 'tune', knob: 7, level: 3 }, { arch: 'x86_32' });
    expect(fixture.decodeWidgetOp(bytes, { arch: 'x86_32', strict: true })).toEqual({ op: 'tune', knob: 7, level: 3 });
    expect(() => fixture.encodeWidgetOp({ op: 'tune', knob: 7, level: 3 } as never, { arch: 'arm64' })).toThrow(/tune/);
    const arm = fixture.encodeWidgetOp({ op: 'move', x: 1, y: 1 }, { arch: 'arm64' });
    arm[0] = fixture.WIDGET_OP_tune;
    expect(() => fixture.decodeWidgetOp(arm, { arch: 'arm64' })).toThrow(new RangeError('widget_op.op: unknown WIDGET_OP op 6'));
  });

  it('shows C11 anonymous members as nested objects named anon0, anon1, the union inside still a union', () => {
    const event = fixture.widget_event;
    expect(event.layout('x86_32').fields.map((f) => [f.name, f.offset])).toEqual([['id', 0], ['anon0', 4], ['anon1', 8]]);
    const bytes = event.encode({ id: 1, anon0: { anon0: { vector: 0x30, kind: 5, valid: 1 } }, anon1: { count: 2n ** 40n, drops: 3 } }, { arch: 'x86_64' });
    expect([...bytes.subarray(4, 8)]).toEqual([0x30, 0x0d, 0, 0]);
    const decoded = event.decode(bytes, { arch: 'x86_64', strict: true });
    expect(decoded.anon0.raw).toBe(0xd30);
    expect(decoded.anon0.anon0).toEqual({ vector: 0x30, kind: 5, valid: 1 });
    expect(decoded.anon1).toEqual({ count: 2n ** 40n, drops: 3 });
    const view = event.view(bytes, { arch: 'x86_64' });
    view.anon0.raw = 0x1ff;
    expect([view.anon0.anon0.vector, view.anon0.anon0.kind, view.anon0.anon0.valid]).toEqual([0xff, 1, 0]);
    expect(() => event.encode({ id: 1, anon0: { raw: 1, anon0: { vector: 1, kind: 0, valid: 0 } }, anon1: { count: 0n, drops: 0 } }, { arch: 'arm32' })).toThrow(/widget_event\.anon0/);
  });

  it('takes a typedef spelled per architecture as each architecture spells it (a record on x86_32, a bigint elsewhere)', () => {
    const reg = fixture.fx_entry_reg;
    expect([reg.size('x86_32'), reg.size('x86_64'), reg.size('arm32')]).toEqual([12, 16, 16]);
    const far = reg.encode({ kind: 1, flags: 2, entry: { seg: 0x61, off: 0xc0101000 } }, { arch: 'x86_32' });
    expect([...far.subarray(4, 12)]).toEqual([0x61, 0, 0, 0, 0x00, 0x10, 0x10, 0xc0]);
    expect(reg.decode(far, { arch: 'x86_32', strict: true })).toEqual({ kind: 1, flags: 2, entry: { seg: 0x61, off: 0xc0101000 } });
    const near = reg.encode({ kind: 1, flags: 2, entry: 0xffffffff81001000n }, { arch: 'x86_64' });
    expect(reg.decode(near, { arch: 'x86_64', strict: true }).entry).toBe(0xffffffff81001000n);
    expect(() => reg.encode({ kind: 1, flags: 2, entry: 5n }, { arch: 'x86_32' })).toThrow(TypeError);
    expect(() => reg.encode({ kind: 1, flags: 2, entry: { seg: 1, off: 2 } }, { arch: 'arm64' })).toThrow(TypeError);
  });

  it('computes function-like macros in the unsigned arithmetic of their width', () => {
    expect(fixture.FX_ENTRY_PACK(0, 0xff)).toBe(0x1f0);
    expect(fixture.FX_ENTRY_PACK(0xffffff, 0)).toBe(0);
    expect(fixture.FX_ENTRY_WIDE(5)).toBe(2n ** 64n - 7n);
    expect(() => fixture.FX_ENTRY_PACK(1.5, 0)).toThrow(RangeError);
  });

  it('rejects non-zero bit-field padding and holes in a strict decode', () => {
    const shape = fixture.widget_shape;
    const value = fixture.widget_shape.decode(new Uint8Array(64), { arch: 'x86_64' });
    const bytes = shape.encode(value, { arch: 'x86_64' });
    bytes[2] = 0x80;
    expect(() => shape.decode(bytes, { arch: 'x86_64', strict: true })).toThrow(new RangeError('widget_shape._rsvd: padding is not zero (Xen rejects non-zero padding)'));
    bytes[2] = 0;
    bytes[44] = 1;
    expect(() => shape.decode(bytes, { arch: 'x86_64', strict: true })).toThrow(/widget_shape \(padding after tally\)/);
    expect(shape.decode(bytes, { arch: 'x86_64' }).tally).toBe(0);
  });

  it('types per-architecture members as optional and requires them on their architectures', () => {
    const config = fixture.unstable.gizmoctl_config;
    expect(config.size('x86_32')).toBe(4);
    expect(config.size('arm64')).toBe(1);
    expect(() => config.encode({ arm_level: 1 }, { arch: 'x86_64' })).toThrow(new TypeError('gizmoctl_config.x86_mode: expected a number (uint32_t), got undefined'));
  });

  it('re-points views: nested views follow, cached arrays are remade, bounds are checked', () => {
    const shape = fixture.widget_shape;
    const size = shape.size('x86_64');
    const values = [0, 1].map((i) => ({
      ...shape.decode(new Uint8Array(size), { arch: 'x86_64' }),
      size: BigInt(1000 + i),
      origin: { x: 10 + i, y: -i },
      corners: [{ x: i, y: 1 }, { x: 2, y: i }],
      tag: [i, 7, 9],
    }));
    const bytes = new Uint8Array(2 * size);
    values.forEach((v, i) => shape.encodeInto(v, bytes, { arch: 'x86_64', offset: i * size }));
    const view = shape.view(bytes, { arch: 'x86_64' });
    const origin = view.origin;
    expect([origin.x, view.corners.at(0).x, view.tag.at(0), view.size]).toEqual([10, 0, 0, 1000n]);
    view.$offset = size;
    expect(view.origin).toBe(origin);
    expect([origin.x, origin.y, origin.$offset, view.corners.at(0).x, view.tag.at(0), view.size]).toEqual([11, -1, size + 16, 1, 1, 1001n]);
    expect(() => {
      view.$offset = size + 1;
    }).toThrow(new RangeError(`widget_shape: needs ${size} bytes at offset ${size + 1}, but the buffer has ${2 * size}`));
    expect(() => {
      view.$offset = -8;
    }).toThrow(RangeError);
    expect(view.$offset).toBe(size);
  });

  it('checks every re-point of a view over a resizable buffer against its current length', () => {
    const Resizable = ArrayBuffer as unknown as new (length: number, options: { maxByteLength: number }) => ArrayBuffer & { resize(n: number): void };
    const buffer = new Resizable(16, { maxByteLength: 64 });
    const point = fixture.widget_point.view(buffer, { arch: 'x86_64' });
    point.$offset = 8;
    buffer.resize(8);
    expect(() => {
      point.$offset = 8;
    }).toThrow(new RangeError('widget_point: needs 8 bytes at offset 8, but the buffer has 8'));
  });

  it('keeps members named like Object.prototype\'s own: decode, encode, views, op sets, availability', () => {
    const names = fixture.gadget_names;
    const value = { ['__proto__']: 7, constructor: 8, toString: 9, valueOf: [1, 2, 3, 4], hasOwnProperty: { x: -1, y: 2 } };
    const bytes = names.encode(value, { arch: 'x86_64' });
    const back = names.decode(bytes, { arch: 'x86_64', strict: true });
    expect(Object.getOwnPropertyNames(back)).toEqual(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(back).toEqual(value);
    const view = names.view(bytes, { arch: 'x86_64' });
    expect([view.__proto__, view.constructor, view.toString, view.valueOf.at(3), view.hasOwnProperty.x]).toEqual([7, 8, 9, 4, -1]);
    view.__proto__ = 70;
    expect(names.decode(bytes, { arch: 'x86_64' }).__proto__).toBe(70);
    expect(() => names.encode({ ...value, constructor: undefined } as unknown as typeof value, { arch: 'x86_64' })).toThrow(
      new TypeError('gadget_names.constructor: expected a number (uint16_t), got undefined'),
    );
    expect(() => names.encode({ constructor: 1, toString: 1, valueOf: [0, 0, 0, 0], hasOwnProperty: { x: 0, y: 0 } } as unknown as typeof value, { arch: 'x86_64' })).toThrow(
      new TypeError('gadget_names.__proto__: expected a number (uint32_t), got an object'),
    );
    expect(Object.keys(fixture.GadgetOpNumber)).toEqual(['place', 'count', '__proto__']);
    expect(fixture.decodeGadgetOp(bytes, { arch: 'x86_64', op: fixture.GADGET_OP___proto__ })).toEqual({ op: '__proto__', ...value, ['__proto__']: 70 });
    expect(fixture.existsIn('gadget_names', '4.17')).toBe(true);
  });

  it('gives the bytes of an untagged union back, and encodes one changed member alone', () => {
    const either = fixture.gadget_either;
    const bytes = Uint8Array.of(1, 2, 3, 4);
    const value = either.decode(bytes, { arch: 'arm64' });
    expect(value).toEqual({ half: { lo: 0x0201 }, whole: 0x04030201, bytes: [1, 2, 3, 4] });
    expect(either.encode(value, { arch: 'arm64' })).toEqual(bytes);
    value.half!.lo = 0x0605;
    expect(either.encode(value, { arch: 'arm64' })).toEqual(Uint8Array.of(5, 6, 0, 0));
    value.whole = 0;
    expect(() => either.encode(value, { arch: 'arm64' })).toThrow(new TypeError('gadget_either: members half and whole were both changed since decode; a union value sets one member'));
    expect(() => either.encode({ ...value }, { arch: 'arm64' })).toThrow(/^gadget_either: a union value sets one member, got 3/);
    expect(either.encode({ bytes: [9, 9, 9, 9] }, { arch: 'arm64' })).toEqual(Uint8Array.of(9, 9, 9, 9));
    expect(either.encode({}, { arch: 'arm64' })).toEqual(new Uint8Array(4));
  });

  it('names the element of an array of records and of an array of arrays', () => {
    const list = fixture.gadget_list;
    const place = { id: 1, at: { x: 0, y: 0 } };
    const value = { n: 0, either: { whole: 1 }, pair: [place, place], grid: [[0, 0, 0], [0, 0, 0]], more: [place] };
    expect(list.decode(list.encode(value, { arch: 'x86_32' }), { arch: 'x86_32', count: 1 })).toMatchObject({ pair: [place, place], more: [place] });
    const bad = (patch: object) => () => list.encode({ ...value, ...patch }, { arch: 'x86_32' });
    expect(bad({ pair: [place, { id: 1, at: { x: 0, y: 1n } }] })).toThrow(new TypeError('gadget_list.pair[1].at.y: expected a number (int16_t), got the bigint 1n'));
    expect(bad({ grid: [[0, 0, 0], [0, -1, 0]] })).toThrow(new RangeError('gadget_list.grid[1][1]: -1 is not an integer from 0 to 65535 (uint16_t)'));
    expect(bad({ grid: [[0, 0, 0], [0, 0]] })).toThrow(new RangeError('gadget_list.grid[1]: expected 3 elements, got 2'));
    expect(bad({ more: [place, place, { id: 70000, at: { x: 0, y: 0 } }] })).toThrow(new RangeError('gadget_list.more[2].id: 70000 is not an integer from 0 to 65535 (uint16_t)'));
    expect(bad({ either: { whole: 1, half: { lo: 1 } } })).toThrow(/^gadget_list\.either: a union value sets one member, got 2/);
    expect(bad({ either: { half: { lo: 1n } } })).toThrow(new TypeError('gadget_list.either.half.lo: expected a number (uint16_t), got the bigint 1n'));
  });

  it('spells constants with literal types', () => {
    expect(fixture.WIDGET_MAX).toBe(0xffffffffffffffffn);
    expect(fixture.WIDGET_SLOTS.x86_32).toBe(32);
    expect(fixture.WIDGET_KIND).toEqual({ WIDGET_KIND_box: 1, WIDGET_KIND_dial: 2 });
  });
});
