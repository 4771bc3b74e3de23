/**
 * The adversarial suite of the codecs and views (issue 8): every defect the review found, and
 * the class it stands for, as a case that either works or fails with a `TypeError` or
 * `RangeError` naming the record, the field (with the index) and the problem, leaving the
 * target untouched. Cases are grouped by class; `CASES` counts them.
 */
import { describe, expect, it } from 'vitest';
import * as argo from '@xenabi/ts-bindings/stable/argo';
import * as dm from '@xenabi/ts-bindings/stable/dm_op';
import * as ev from '@xenabi/ts-bindings/stable/event_channel';
import * as gnt from '@xenabi/ts-bindings/stable/grant_table';
import { existsIn, gatesOf, type ItemName, type XenRelease } from '@xenabi/ts-bindings/availability';
import { RESIZABLE, GROWABLE, detach } from './buffers.js';

const arch = 'x86_64';
const o = { arch } as const;

/** A case of one class: `run` throws when the case fails. */
interface Case {
  name: string;
  run(): void;
}

/** Expects `f` to throw `kind` with exactly `message`. */
function throws(f: () => unknown, kind: typeof TypeError | typeof RangeError, message: string | RegExp): void {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(error, 'nothing was thrown').toBeInstanceOf(kind);
  if (typeof message === 'string') expect((error as Error).message).toBe(message);
  else expect((error as Error).message).toMatch(message);
}

const RANGE = { id: 1, type: 1, start: 2n, end: 3n };
const HEADER = { len: 1, source: { aport: 2, domain_id: 3 }, message_type: 4, data: [] };

/** Views over windows of a buffer: a view never reads or writes outside the bytes it was given. */
const windows: Case[] = [
  {
    name: 'a flexible-array accessor stays inside the subarray given (issue 8, item 4)',
    run: () => {
      const buf = new Uint8Array(8192);
      const ring = argo.xen_argo_ring.view(buf.subarray(0, 64), o);
      throws(() => ring.ring(4000), RangeError, "xen_argo_ring.ring: 4000 elements need 4000 bytes at offset 64, but the view's bytes end at 64");
      expect(ring.ring(0).length).toBe(0);
    },
  },
  {
    name: 'a flexible array of records stays inside the window',
    run: () => {
      const buf = new Uint8Array(256);
      const data = argo.xen_argo_ring_data.view(buf.subarray(16, 16 + 8 + 2 * 20), o);
      expect(data.data(2).at(1).$offset).toBe(16 + 8 + 20);
      throws(() => data.data(3), RangeError, /xen_argo_ring_data\.data: 3 elements need 60 bytes at offset 24, but the view's bytes end at 64/);
    },
  },
  {
    name: 're-pointing stays inside the window, above and below',
    run: () => {
      const buf = new Uint8Array(256);
      const range = dm.xen_dm_op_ioreq_server_range.view(buf.subarray(40, 88), o);
      expect(range.$offset).toBe(40);
      range.$offset = 64;
      throws(() => (range.$offset = 65), RangeError, 'xen_dm_op_ioreq_server_range: needs 24 bytes at offset 65, but the view was given bytes 40 to 88 of the buffer');
      throws(() => (range.$offset = 16), RangeError, /needs 24 bytes at offset 16, but the view was given bytes 40 to 88/);
      expect(range.$offset).toBe(64);
    },
  },
  {
    name: 'a nested view and an element view keep the window of their root',
    run: () => {
      const buf = new Uint8Array(128);
      const header = argo.xen_argo_ring_message_header.view(buf.subarray(8, 40), o);
      throws(() => (header.source.$offset = 40), RangeError, /xen_argo_addr: needs 8 bytes at offset 40, but the view was given bytes 8 to 40/);
      const entries = argo.xen_argo_ring_data.view(buf.subarray(0, 48), o).data(2);
      throws(() => (entries.at(0).$offset = 44), RangeError, /xen_argo_ring_data_ent: needs 20 bytes at offset 44/);
    },
  },
  {
    name: 'offsets that are not byte offsets (a bigint among them) are refused by name, in views and codecs',
    run: () => {
      const buf = new Uint8Array(64);
      for (const bad of [-1, 1.5, NaN, 2 ** 53]) throws(() => dm.xen_dm_op_ioreq_server_range.view(buf, { arch, offset: bad }), RangeError, /^xen_dm_op_ioreq_server_range: offset .* is not a byte offset$/);
      throws(() => dm.xen_dm_op_ioreq_server_range.view(buf, { arch, offset: '8' as unknown as number }), TypeError, 'xen_dm_op_ioreq_server_range: offset must be a number, got the string "8"');
      const view = dm.xen_dm_op_ioreq_server_range.view(buf, o);
      throws(() => (view.$offset = 8n as unknown as number), TypeError, 'xen_dm_op_ioreq_server_range: $offset must be a number, got the bigint 8n');
      const offset = 8n as unknown as number;
      throws(() => dm.xen_dm_op_ioreq_server_range.decode(buf, { arch, offset }), TypeError, 'xen_dm_op_ioreq_server_range: offset must be a number, got the bigint 8n');
      throws(() => dm.xen_dm_op_ioreq_server_range.encodeInto(RANGE, buf, { arch, offset }), TypeError, 'xen_dm_op_ioreq_server_range: offset must be a number, got the bigint 8n');
      throws(() => dm.decodeDmOp(buf, { arch, offset }), TypeError, 'XEN_DMOP: offset must be a number, got the bigint 8n');
    },
  },
];

/** Buffers whose length changes or that go away: views and codecs follow them or fail by name. */
const buffers: Case[] = [
  {
    name: 'decode and encodeInto over a growable SharedArrayBuffer of a length no multiple of 8 (issue 8, item 4)',
    run: () => {
      const shared = new GROWABLE(300, { maxByteLength: 4096 });
      const bytes = new Uint8Array(shared);
      expect(dm.xen_dm_op_ioreq_server_range.encodeInto(RANGE, bytes, { arch, offset: 272 })).toBe(24);
      expect(dm.xen_dm_op_ioreq_server_range.decode(bytes, { arch, offset: 272 })).toEqual(RANGE);
      shared.grow(1000);
      expect(dm.xen_dm_op_ioreq_server_range.decode(bytes, { arch, offset: 960 })).toEqual({ id: 0, type: 0, start: 0n, end: 0n });
    },
  },
  {
    name: 'a u64 getter and setter after a resizable buffer shrank below the record throw (issue 8, item 4)',
    run: () => {
      const buffer = new RESIZABLE(512, { maxByteLength: 4096 });
      const range = dm.xen_dm_op_ioreq_server_range.view(buffer, { arch, offset: 480 });
      range.start = 5n;
      expect(range.start).toBe(5n);
      buffer.resize(256);
      throws(() => range.start, RangeError, /outside the bounds/);
      throws(() => (range.start = 6n), RangeError, /outside the bounds/);
      throws(() => (range.$offset = 480), RangeError, 'xen_dm_op_ioreq_server_range: needs 24 bytes at offset 480, but the buffer has 256');
      range.$offset = 232;
      range.start = 7n;
      expect(range.start).toBe(7n);
      buffer.resize(4096);
      range.$offset = 4072;
      expect(range.start).toBe(0n);
    },
  },
  {
    name: 'a view of a fixed window of a resizable buffer is bound by both',
    run: () => {
      const buffer = new RESIZABLE(512, { maxByteLength: 4096 });
      const range = dm.xen_dm_op_ioreq_server_range.view(new Uint8Array(buffer, 64, 96), o);
      buffer.resize(4096);
      throws(() => (range.$offset = 160), RangeError, /needs 24 bytes at offset 160, but the view was given bytes 64 to 160/);
      buffer.resize(100);
      throws(() => (range.$offset = 88), RangeError, /needs 24 bytes at offset 88, but the view was given bytes 64 to 100/);
    },
  },
  {
    name: 'decode of a resizable buffer that shrank since the last call checks its length again',
    run: () => {
      const buffer = new RESIZABLE(512, { maxByteLength: 4096 });
      const bytes = new Uint8Array(buffer);
      dm.xen_dm_op_ioreq_server_range.encodeInto(RANGE, bytes, { arch, offset: 480 });
      expect(dm.xen_dm_op_ioreq_server_range.decode(bytes, { arch, offset: 480 })).toEqual(RANGE);
      buffer.resize(256);
      throws(() => dm.xen_dm_op_ioreq_server_range.decode(bytes, { arch, offset: 480 }), RangeError, 'xen_dm_op_ioreq_server_range: needs 24 bytes at offset 480, but the buffer has 256');
    },
  },
  {
    name: 'a detached buffer is named, in decode, encodeInto and view',
    run: () => {
      const bytes = new Uint8Array(512);
      detach(bytes.buffer);
      throws(() => dm.xen_dm_op_ioreq_server_range.decode(bytes, o), TypeError, 'xen_dm_op_ioreq_server_range: the buffer is detached');
      throws(() => dm.xen_dm_op_ioreq_server_range.encodeInto(RANGE, bytes, o), TypeError, 'xen_dm_op_ioreq_server_range: the buffer is detached');
      throws(() => dm.xen_dm_op_ioreq_server_range.view(bytes, o), TypeError, 'xen_dm_op_ioreq_server_range: the buffer is detached');
    },
  },
  {
    name: 'a buffer detached after use never reads undefined or drops a write',
    run: () => {
      const bytes = new Uint8Array(512);
      dm.xen_dm_op_ioreq_server_range.encodeInto(RANGE, bytes, o);
      expect(dm.xen_dm_op_ioreq_server_range.decode(bytes, o)).toEqual(RANGE);
      const range = dm.xen_dm_op_ioreq_server_range.view(bytes, o);
      expect(range.start).toBe(2n);
      detach(bytes.buffer);
      throws(() => dm.xen_dm_op_ioreq_server_range.decode(bytes, o), TypeError, /detached/);
      // The last call's buffer is kept (a loop pays one comparison), so the engine's own error names it here.
      throws(() => dm.xen_dm_op_ioreq_server_range.encodeInto(RANGE, bytes, o), TypeError, /detached/);
      throws(() => range.start, TypeError, /detached/);
      throws(() => (range.start = 1n), TypeError, /detached/);
      range.$offset = 24;
      throws(() => range.end, TypeError, /detached/);
    },
  },
  {
    name: 'a record written through the word array alone still throws for a buffer detached after use',
    run: () => {
      const bytes = new Uint8Array(512);
      expect(ev.evtchn_expand_array.encodeInto({ array_gfn: 7n }, bytes, o)).toBe(8);
      expect(ev.evtchn_expand_array.decode(bytes, o)).toEqual({ array_gfn: 7n });
      detach(bytes.buffer);
      throws(() => ev.evtchn_expand_array.encodeInto({ array_gfn: 8n }, bytes, o), TypeError, /detached/);
      throws(() => ev.evtchn_expand_array.decode(bytes, o), TypeError, /detached/);
    },
  },
];

/** Arrays in views: zero-copy, and every write checked like any other setter. */
const arrays: Case[] = [
  {
    name: 'view.head.set(0, -1) is a RangeError, not 4294967295 (issue 8, item 4)',
    run: () => {
      const block = ev.evtchn_fifo_control_block.view(new Uint8Array(72), o);
      throws(() => block.head.set(0, -1), RangeError, 'evtchn_fifo_control_block.head[0]: -1 is not an integer from 0 to 4294967295 (uint32_t)');
      throws(() => block.head.set(3, 1n as unknown as number), TypeError, 'evtchn_fifo_control_block.head[3]: expected a number (uint32_t), got the bigint 1n');
      throws(() => block.head.set(16, 1), RangeError, 'evtchn_fifo_control_block.head: index 16 is outside 0 to 15');
      throws(() => block.head.at(-1), RangeError, 'evtchn_fifo_control_block.head: index -1 is outside 0 to 15');
      block.head.set(15, 4294967295);
      expect(block.head.at(15)).toBe(4294967295);
      expect([...block.head].length).toBe(16);
      expect(block.head.toArray()[15]).toBe(4294967295);
    },
  },
  {
    name: 'array views need no alignment and write through to the bytes',
    run: () => {
      const buf = new Uint8Array(80);
      const block = ev.evtchn_fifo_control_block.view(buf, { arch, offset: 3 });
      block.head.set(0, 0x01020304);
      expect([...buf.subarray(11, 15)]).toEqual([4, 3, 2, 1]);
      expect(block.head.bytes().byteOffset).toBe(11);
    },
  },
  {
    name: 'a flexible byte array checks its writes too',
    run: () => {
      const buf = new Uint8Array(80);
      const ring = argo.xen_argo_ring.view(buf, o).ring(16);
      throws(() => ring.set(2, 256), RangeError, 'xen_argo_ring.ring[2]: 256 is not an integer from 0 to 255 (uint8_t)');
      throws(() => ring.set(2, 1.5), RangeError, /xen_argo_ring\.ring\[2\]: 1\.5 is not an integer/);
      ring.bytes().set([1, 2, 3]);
      expect(ring.toArray().slice(0, 3)).toEqual([1, 2, 3]);
    },
  },
];

/** Flexible array members given in values: their length is a whole number, and what is written is what is returned. */
const flexible: Case[] = [
  ...[-1, NaN, 1.5, Infinity, 2 ** 53, '3', 3n, null].map(
    (length): Case => ({
      name: `a flexible array of length ${String(length)} is refused (issue 8, item 5)`,
      run: () => {
        const value = { rx_ptr: 0, tx_ptr: 0, ring: { length } as unknown as number[] };
        const kind = typeof length === 'number' ? RangeError : TypeError;
        const text = typeof length === 'number' ? `xen_argo_ring.ring: length ${length} is not an element count` : /^xen_argo_ring\.ring: (length .* is not an element count|expected an array)/;
        throws(() => argo.xen_argo_ring.encode(value, o), kind, text);
        const target = new Uint8Array(128).fill(0xa5);
        throws(() => argo.xen_argo_ring.encodeInto(value, target, o), kind, text);
        expect(target.every((x) => x === 0xa5)).toBe(true);
      },
    }),
  ),
  {
    name: 'an array-like without its elements names the first missing one',
    run: () => throws(() => argo.xen_argo_ring.encode({ rx_ptr: 0, tx_ptr: 0, ring: { length: 2 } as unknown as number[] }, o), TypeError, 'xen_argo_ring.ring[0]: expected a number (uint8_t), got undefined'),
  },
  {
    name: 'encodeInto returns exactly the bytes it wrote',
    run: () => {
      const target = new Uint8Array(128).fill(0xa5);
      expect(argo.xen_argo_ring.encodeInto({ rx_ptr: 1, tx_ptr: 2, ring: [9, 8, 7] }, target, { arch, offset: 5 })).toBe(67);
      expect(target[4]).toBe(0xa5);
      expect(target[5 + 67]).toBe(0xa5);
      expect([...target.subarray(5 + 64, 5 + 67)]).toEqual([9, 8, 7]);
    },
  },
  {
    name: 'a flexible array of records names the element and its field',
    run: () => {
      const ent = { ring: { aport: 1, domain_id: 2 }, flags: 0, space_required: 0, max_message_size: 0 };
      throws(() => argo.xen_argo_ring_data.encode({ nent: 2, data: [ent, { ...ent, ring: { aport: -1, domain_id: 2 } }] }, o), RangeError, 'xen_argo_ring_data.data[1].ring.aport: -1 is not an integer from 0 to 4294967295 (uint32_t)');
    },
  },
];

/** A failed encodeInto leaves the target as it was: values are checked before a byte is written. */
const atomic: Case[] = [
  {
    name: 'a bad last field leaves the target untouched (issue 8, item 5)',
    run: () => {
      const target = new Uint8Array(64).fill(0xa5);
      throws(() => dm.xen_dm_op_ioreq_server_range.encodeInto({ ...RANGE, end: -1n }, target, { arch, offset: 8 }), RangeError, /xen_dm_op_ioreq_server_range\.end: -1 is not an integer/);
      expect(target.every((x) => x === 0xa5)).toBe(true);
    },
  },
  {
    name: 'a bad union member of xen_dm_op leaves the target untouched',
    run: () => {
      const target = new Uint8Array(64).fill(0xa5);
      const value = { op: dm.XEN_DMOP_inject_msi, pad: 0, u: { inject_msi: { data: 1, pad: 0, addr: 'x' } } } as unknown as dm.xen_dm_op;
      throws(() => dm.xen_dm_op.encodeInto(value, target, o), TypeError, 'xen_dm_op.u.inject_msi.addr: expected a bigint (uint64_aligned_t), got the string "x"');
      expect(target.every((x) => x === 0xa5)).toBe(true);
    },
  },
  {
    name: 'a getter that throws half-way leaves the target untouched',
    run: () => {
      const target = new Uint8Array(64).fill(0xa5);
      const value = {
        len: 1,
        source: { aport: 2, domain_id: 3 },
        get message_type(): number {
          throw new Error('hostile getter');
        },
        data: [],
      };
      expect(() => argo.xen_argo_ring_message_header.encodeInto(value, target, o)).toThrow('hostile getter');
      expect(target.every((x) => x === 0xa5)).toBe(true);
    },
  },
  {
    name: 'an encode called from a getter of the value being encoded gets memory of its own',
    run: () => {
      const value = {
        len: 1,
        get source() {
          argo.xen_argo_addr.encode({ aport: 7, domain_id: 7 }, o);
          return { aport: 2, domain_id: 3 };
        },
        message_type: 4,
        data: [],
      };
      expect(argo.xen_argo_ring_message_header.decode(argo.xen_argo_ring_message_header.encode(value, o), o)).toEqual(HEADER);
    },
  },
];

/** Bad values: each gets a TypeError or RangeError naming `record.field` and the problem. */
const values: Case[] = [
  { name: 'a bigint for a 32-bit field (issue 8, item 12)', run: () => throws(() => ev.evtchn_close.encode({ port: 1n as unknown as number }, o), TypeError, 'evtchn_close.port: expected a number (uint32_t), got the bigint 1n') },
  { name: 'a symbol for a 32-bit field (issue 8, item 12)', run: () => throws(() => ev.evtchn_close.encode({ port: Symbol('x') as unknown as number }, o), TypeError, 'evtchn_close.port: expected a number (uint32_t), got a symbol') },
  { name: 'a number for a 64-bit field', run: () => throws(() => dm.xen_dm_op_ioreq_server_range.encode({ ...RANGE, start: 1 as unknown as bigint }, o), TypeError, 'xen_dm_op_ioreq_server_range.start: expected a bigint (uint64_aligned_t), got the number 1') },
  { name: 'a symbol for a 64-bit field', run: () => throws(() => dm.xen_dm_op_ioreq_server_range.encode({ ...RANGE, end: Symbol() as unknown as bigint }, o), TypeError, 'xen_dm_op_ioreq_server_range.end: expected a bigint (uint64_aligned_t), got a symbol') },
  { name: 'NaN', run: () => throws(() => ev.evtchn_close.encode({ port: NaN }, o), RangeError, 'evtchn_close.port: NaN is not an integer from 0 to 4294967295 (uint32_t)') },
  { name: 'a fraction', run: () => throws(() => ev.evtchn_close.encode({ port: 0.5 }, o), RangeError, 'evtchn_close.port: 0.5 is not an integer from 0 to 4294967295 (uint32_t)') },
  { name: 'Infinity', run: () => throws(() => ev.evtchn_close.encode({ port: Infinity }, o), RangeError, /evtchn_close\.port: Infinity is not an integer/) },
  { name: 'one past the top', run: () => throws(() => ev.evtchn_close.encode({ port: 2 ** 32 }, o), RangeError, /evtchn_close\.port: 4294967296 is not an integer/) },
  { name: 'a 64-bit value past the top', run: () => throws(() => dm.xen_dm_op_ioreq_server_range.encode({ ...RANGE, start: 1n << 64n }, o), RangeError, /\.start: 18446744073709551616 is not an integer from 0 to 18446744073709551615/) },
  { name: 'a string of digits', run: () => throws(() => ev.evtchn_close.encode({ port: '5' as unknown as number }, o), TypeError, 'evtchn_close.port: expected a number (uint32_t), got the string "5"') },
  { name: 'a boolean', run: () => throws(() => ev.evtchn_close.encode({ port: true as unknown as number }, o), TypeError, 'evtchn_close.port: expected a number (uint32_t), got the boolean true') },
  { name: 'null', run: () => throws(() => ev.evtchn_close.encode({ port: null as unknown as number }, o), TypeError, 'evtchn_close.port: expected a number (uint32_t), got null') },
  { name: 'a missing field', run: () => throws(() => ev.evtchn_close.encode({} as ev.evtchn_close, o), TypeError, 'evtchn_close.port: expected a number (uint32_t), got undefined') },
  {
    name: 'an object with valueOf for a scalar is refused without calling it',
    run: () => {
      let called = false;
      const port = { valueOf: () => ((called = true), 5) } as unknown as number;
      throws(() => ev.evtchn_close.encode({ port }, o), TypeError, 'evtchn_close.port: expected a number (uint32_t), got an object');
      expect(called).toBe(false);
    },
  },
  { name: 'a scalar for a record', run: () => throws(() => argo.xen_argo_ring_message_header.encode({ ...HEADER, source: 5 as unknown as argo.xen_argo_addr }, o), TypeError, 'xen_argo_ring_message_header.source: expected an object, got the number 5') },
  { name: 'a bad field of a nested record is named by its full path', run: () => throws(() => argo.xen_argo_ring_message_header.encode({ ...HEADER, source: { aport: 1, domain_id: 1n as unknown as number } }, o), TypeError, 'xen_argo_ring_message_header.source.domain_id: expected a number (uint16_t), got the bigint 1n') },
  { name: 'a value that is no object', run: () => throws(() => ev.evtchn_close.encode(7 as unknown as ev.evtchn_close, o), TypeError, 'evtchn_close: expected an object, got the number 7') },
  { name: 'an array of the wrong length', run: () => throws(() => ev.evtchn_fifo_control_block.encode({ ready: 0, head: [1, 2] }, o), RangeError, 'evtchn_fifo_control_block.head: expected 16 elements, got 2') },
  { name: 'a bad element of an array is named by its index', run: () => throws(() => ev.evtchn_fifo_control_block.encode({ ready: 0, head: [...Array(15).fill(0), -3] }, o), RangeError, /evtchn_fifo_control_block\.head\[15\]: -3 is not an integer/) },
  { name: 'a string for an array', run: () => throws(() => ev.evtchn_fifo_control_block.encode({ ready: 0, head: 'x'.repeat(16) as unknown as number[] }, o), TypeError, 'evtchn_fifo_control_block.head: expected an array of 16, got the string "xxxxxxxxxxxxxxxx"') },
  { name: 'a union member that does not exist', run: () => throws(() => ev.evtchn_op.encode({ cmd: 0, u: { alloc_unbond: {} } as unknown as ev.evtchn_op_u }, o), TypeError, 'evtchn_op.u: "alloc_unbond" is not a member of the union') },
  { name: 'two union members set by hand', run: () => throws(() => ev.evtchn_op.encode({ cmd: 0, u: { close: { port: 1 }, unmask: { port: 1 } } }, o), TypeError, /^evtchn_op\.u: a union value sets one member, got 2/) },
  { name: 'an unknown architecture', run: () => throws(() => ev.evtchn_close.encode({ port: 1 }, { arch: 'riscv' as 'x86_64' }), RangeError, "evtchn_close: unknown architecture 'riscv' (expected one of x86_32, x86_64, arm32, arm64)") },
  { name: 'no options', run: () => throws(() => ev.evtchn_close.encode({ port: 1 }, undefined as unknown as typeof o), TypeError, /^evtchn_close: options\.arch must be one of/) },
  { name: 'a decode count that is no count', run: () => throws(() => argo.xen_argo_ring.decode(new Uint8Array(64), { arch, count: -1 }), RangeError, 'xen_argo_ring: count -1 is not an element count') },
  { name: 'bytes that are no typed array', run: () => throws(() => ev.evtchn_close.decode([0, 0, 0, 0] as unknown as Uint8Array, o), TypeError, 'evtchn_close: expected a Uint8Array, got an array of 4') },
  { name: 'an op name that is no op', run: () => throws(() => dm.encodeDmOp({ op: 'constructor' } as unknown as dm.DmOp, o), RangeError, "XEN_DMOP: unknown op 'constructor'") },
];

/** Unions: `encode(decode(bytes))` gives the bytes back, and one member changed is encoded alone. */
const unions: Case[] = [
  {
    name: 'xen_dm_op: encode(decode(bytes)) is the bytes (issue 8, documented limit)',
    run: () => {
      const bytes = Uint8Array.from({ length: 32 }, (_, i) => (i * 37) & 0xff);
      bytes.fill(0, 4, 8);
      expect(dm.xen_dm_op.encode(dm.xen_dm_op.decode(bytes, o), o)).toEqual(bytes);
    },
  },
  {
    name: 'grant_entry_v2 (a union at the top): encode(decode(bytes)) is the bytes',
    run: () => {
      const bytes = Uint8Array.from({ length: 16 }, (_, i) => 255 - i);
      expect(gnt.grant_entry_v2.encode(gnt.grant_entry_v2.decode(bytes, o), o)).toEqual(bytes);
    },
  },
  {
    name: 'a decoded union with one member changed encodes that member',
    run: () => {
      const value = dm.xen_dm_op.decode(dm.encodeDmOp({ op: 'inject_msi', addr: 0xfee00000n, data: 0x41 }, o), o);
      value.u.inject_msi!.data = 0x42;
      const bytes = dm.xen_dm_op.encode(value, o);
      expect(dm.decodeDmOp(bytes, { arch, strict: true })).toEqual({ op: 'inject_msi', addr: 0xfee00000n, data: 0x42 });
    },
  },
  {
    name: 'a decoded union with two members changed is an error naming both',
    run: () => {
      const value = ev.evtchn_op.decode(new Uint8Array(28), o);
      value.u.close!.port = 1;
      value.u.unmask!.port = 2;
      throws(() => ev.evtchn_op.encode(value, o), TypeError, 'evtchn_op.u: members close and unmask were both changed since decode; a union value sets one member');
    },
  },
  {
    name: 'a decoded union taken to an architecture where it has another layout is refused',
    run: () => {
      const value = gnt.gnttab_copy.decode(new Uint8Array(40), o);
      throws(() => gnt.gnttab_copy.encode(value, { arch: 'x86_32' }), TypeError, /^gnttab_copy\.source\.u: a union value sets one member, got 2/);
    },
  },
];

/** Names used as keys: availability lookups take own names only, and say what they do not know. */
const names: Case[] = [
  { name: "existsIn('toString') is an error, not true", run: () => throws(() => existsIn('toString' as ItemName, '4.15'), RangeError, 'xenabi availability: "toString" is not a record, typedef or constant of any release') },
  { name: 'gatesOf(__proto__) is an error, not []', run: () => throws(() => gatesOf('__proto__' as ItemName), RangeError, /"__proto__" is not a record/) },
  { name: 'an unknown release is an error, not false', run: () => throws(() => existsIn('xen_dm_op', '4.99' as XenRelease), RangeError, /"4\.99" is not a Xen release xenabi knows \(4\.6 to 4\.22\)/) },
  { name: 'a symbol for an item is an error', run: () => throws(() => existsIn(Symbol() as unknown as ItemName, '4.15'), RangeError, /symbol is not a record/) },
  { name: 'known items still answer', run: () => expect([existsIn('xen_dm_op', '4.9'), existsIn('xen_dm_op', '4.8')]).toEqual([true, false]) },
];

/** Every case, by class. */
export const CASES: Record<string, Case[]> = { windows, buffers, arrays, flexible, atomic, values, unions, names };

describe.each(Object.entries(CASES))('hostile input: %s', (_class, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => c.run());
});
