/**
 * Encoders of op payloads with directions (abi/stable/dm_op.ts declares them): a caller gives
 * the inputs, may leave the outputs out (zero), and a field the payload does not have is a
 * TypeError naming it unless `loose` is set; decoding returns every field.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeDmOp,
  encodeDmOp,
  encodeDmOpArg,
  xen_dm_op_create_ioreq_server,
  xen_dm_op_get_ioreq_server_info,
  type DmOpInput,
  type xen_dm_op_create_ioreq_server_input,
} from '../src/stable/dm_op.js';

const arch = 'x86_64' as const;

describe('a directed payload', () => {
  it('encodes from its inputs alone, its outputs zero', () => {
    const input: xen_dm_op_create_ioreq_server_input = { handle_bufioreq: 2 };
    const bytes = xen_dm_op_create_ioreq_server.encode(input, { arch });
    expect([...bytes]).toEqual([2, 0, 0, 0, 0, 0]);
    expect(bytes).toEqual(xen_dm_op_create_ioreq_server.encode({ handle_bufioreq: 2, id: 0 }, { arch }));
    expect(xen_dm_op_create_ioreq_server.decode(bytes, { arch })).toEqual({ handle_bufioreq: 2, id: 0 });
  });

  it('still takes an output when given, and decodes it', () => {
    const bytes = xen_dm_op_get_ioreq_server_info.encode({ id: 1, flags: 0, ioreq_gfn: 0xfeff0n }, { arch });
    expect(xen_dm_op_get_ioreq_server_info.decode(bytes, { arch })).toEqual({ id: 1, flags: 0, bufioreq_port: 0, ioreq_gfn: 0xfeff0n, bufioreq_gfn: 0n });
  });

  it('requires every input', () => {
    expect(() => xen_dm_op_get_ioreq_server_info.encode({ id: 1 } as never, { arch })).toThrow(/xen_dm_op_get_ioreq_server_info\.flags/);
  });

  it('rejects a field it does not have, naming it, unless loose', () => {
    const value = { handle_bufioreq: 2, idd: 1, extra: 3 } as unknown as xen_dm_op_create_ioreq_server_input;
    expect(() => xen_dm_op_create_ioreq_server.encode(value, { arch })).toThrow(TypeError);
    expect(() => xen_dm_op_create_ioreq_server.encode(value, { arch })).toThrow(/unknown fields 'idd', 'extra'/);
    expect(() => xen_dm_op_create_ioreq_server.encodeInto(value, new Uint8Array(6), { arch })).toThrow(/unknown fields 'idd', 'extra'/);
    expect([...xen_dm_op_create_ioreq_server.encode(value, { arch, loose: true })]).toEqual([2, 0, 0, 0, 0, 0]);
  });

  it('judges a value\'s own keys in any order, as Object.keys gives them, and not its prototype\'s', () => {
    const info = { id: 1, flags: 0, bufioreq_port: 0, ioreq_gfn: 0xfeff0n, bufioreq_gfn: 0n };
    const reversed = Object.fromEntries(Object.entries(info).reverse()) as typeof info;
    expect(xen_dm_op_get_ioreq_server_info.encode(reversed, { arch })).toEqual(xen_dm_op_get_ioreq_server_info.encode(info, { arch }));
    // An unknown key first, between known ones, and last: each named, in the value's order.
    const mixed = { extra: 1, ioreq_gfn: 0n, idd: 2, id: 1, flags: 0, tail: 3 } as unknown as typeof info;
    expect(() => xen_dm_op_get_ioreq_server_info.encode(mixed, { arch })).toThrow(/unknown fields 'extra', 'idd', 'tail' \(/);
    // Enumerable keys of the prototype are not the value's fields.
    const inherited = Object.assign(Object.create({ extra: 1 }) as object, { handle_bufioreq: 2 }) as xen_dm_op_create_ioreq_server_input;
    expect([...xen_dm_op_create_ioreq_server.encode(inherited, { arch })]).toEqual([2, 0, 0, 0, 0, 0]);
  });
});

describe('encodeDmOp', () => {
  it('builds a call from the op and its inputs', () => {
    const call: DmOpInput = { op: 'create_ioreq_server', handle_bufioreq: 2 };
    const bytes = encodeDmOp(call, { arch });
    expect(bytes.length).toBe(32);
    expect([...bytes.subarray(0, 14)]).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0]);
    expect(decodeDmOp(bytes, { arch })).toEqual({ op: 'create_ioreq_server', handle_bufioreq: 2, id: 0 });
    expect(encodeDmOp({ op: 'nr_vcpus' }, { arch })[0]).toBe(20);
  });

  it('rejects a field the op does not have, naming it, unless loose', () => {
    const call = { op: 'create_ioreq_server', handle_bufioreq: 2, vcpus: 4 } as unknown as DmOpInput;
    expect(() => encodeDmOp(call, { arch })).toThrow(/XEN_DMOP: unknown field 'vcpus'/);
    expect(() => encodeDmOpArg(call, { arch })).toThrow(/XEN_DMOP create_ioreq_server: unknown field 'vcpus'/);
    expect(encodeDmOp(call, { arch, loose: true })).toEqual(encodeDmOp({ op: 'create_ioreq_server', handle_bufioreq: 2 }, { arch }));
    expect([...encodeDmOpArg(call, { arch, loose: true })]).toEqual([2, 0, 0, 0, 0, 0]);
  });

  it('still reports an unknown op as before', () => {
    expect(() => encodeDmOp({ op: 'nope' } as unknown as DmOpInput, { arch })).toThrow(/unknown op 'nope'/);
  });
});
