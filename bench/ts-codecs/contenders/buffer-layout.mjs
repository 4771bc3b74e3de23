// @solana/buffer-layout 4: struct / union layouts over a Node Buffer (the library is built on
// Buffer; the Buffer shares the benchmark's bytes). Its own `nu64` is a lossy Number, so u64 is
// a small Layout subclass reading and writing bigint through Buffer. The union has the `op` as
// a prefix discriminator and one variant per op, each padded to the union's 28 bytes after it;
// padding fields are written from zeros in the inputs, so every byte is written.
import * as BL from '@solana/buffer-layout';
import { DMOP_OPS } from '../data.mjs';

class U64 extends BL.Layout {
  constructor(property) {
    super(8, property);
  }
  decode(b, offset = 0) {
    return b.readBigUInt64LE(offset);
  }
  encode(src, b, offset = 0) {
    b.writeBigUInt64LE(src, offset);
    return 8;
  }
}
const u64 = (p) => new U64(p);
const { struct, u8, u16, u32 } = BL;

const Range = struct([u16('id'), u16('pad'), u32('type'), u64('start'), u64('end')]);
const Argo = struct([u32('len'), struct([u32('aport'), u16('domain_id'), u16('pad')], 'source'), u32('message_type')]);

const DmOp = BL.union(u32('op'), BL.blob(28, 'content'));
const VARIANTS = {
  map_io_range_to_ioreq_server: struct([u32('pad'), u16('id'), u16('pad1'), u32('type'), u64('start'), u64('end')]),
  set_ioreq_server_state: struct([u32('pad'), u16('id'), u8('enabled'), u8('pad1'), u32('t0'), u32('t1'), u32('t2'), u32('t3'), u32('t4')]),
  inject_event: struct([u32('pad'), u32('vcpuid'), u8('vector'), u8('type'), u8('insn_len'), u8('pad0'), u32('error_code'), u32('pad1'), u64('cr2')]),
  inject_msi: struct([u32('pad'), u32('data'), u32('pad1'), u64('addr'), u64('tail')]),
};
for (const [name, layout] of Object.entries(VARIANTS)) DmOp.addVariant(DMOP_OPS[name], layout, name);

const PADS = { pad: 0, pad0: 0, pad1: 0, t0: 0, t1: 0, t2: 0, t3: 0, t4: 0 };
const toVariant = ({ op, ...rest }) => {
  const pads = Object.fromEntries(VARIANTS[op].fields.filter((f) => f.property in PADS || f.property === 'tail').map((f) => [f.property, f.property === 'tail' ? 0n : 0]));
  return { [op]: { ...pads, ...rest } };
};
const STRIP = new Set([...Object.keys(PADS), 'tail']);
const fromVariant = (o) => {
  const op = Object.keys(o)[0];
  return { op, ...Object.fromEntries(Object.entries(o[op]).filter(([k]) => !STRIP.has(k))) };
};

const buffer = (u8a) => Buffer.from(u8a.buffer, u8a.byteOffset, u8a.byteLength);

function decodeAll(L, size) {
  return ({ buf, ring, n }) => {
    const b = buffer(buf);
    for (let i = 0; i < n; i++) ring[i & (ring.length - 1)] = L.decode(b, i * size);
  };
}

function encodeAll(L, size) {
  return ({ input, out, n }) => {
    const b = buffer(out);
    for (let i = 0; i < n; i++) L.encode(input[i], b, i * size);
  };
}

/** A field's layout and offset inside `L`, for reading it alone. */
const field = (L, name, base = 0) => [L.layoutFor(name), base + L.offsetOf(name)];

export default {
  name: 'buffer-layout',
  label: '@solana/buffer-layout',
  slow: true,
  records: {
    range: [
      { workload: 'decode', run: decodeAll(Range, 24), normalise: ({ pad, ...rest }) => rest },
      { workload: 'encode', prepare: (values) => values.map((v) => ({ ...v, pad: 0 })), run: encodeAll(Range, 24) },
      {
        workload: 'view',
        variant: 'per-field layout.decode',
        run({ buf, n }) {
          const b = buffer(buf);
          const [typeL, typeAt] = field(Range, 'type');
          const [startL, startAt] = field(Range, 'start');
          let s = 0;
          let t = 0;
          for (let i = 0, at = 0; i < n; i++, at += 24) {
            s = (s + typeL.decode(b, at + typeAt)) | 0;
            if (startL.decode(b, at + startAt) >= 0x8000000000000000n) t++;
          }
          return [s, t];
        },
      },
    ],
    argo: [
      { workload: 'decode', run: decodeAll(Argo, 16), normalise: (o) => ({ len: o.len, source: { aport: o.source.aport, domain_id: o.source.domain_id }, message_type: o.message_type }) },
      {
        workload: 'encode',
        prepare: (values) => values.map((v) => ({ len: v.len, source: { ...v.source, pad: 0 }, message_type: v.message_type })),
        run: encodeAll(Argo, 16),
      },
      {
        workload: 'view',
        variant: 'per-field layout.decode',
        run({ buf, n }) {
          const b = buffer(buf);
          const [lenL, lenAt] = field(Argo, 'len');
          const Source = Argo.layoutFor('source');
          const [domL, domAt] = field(Source, 'domain_id', Argo.offsetOf('source'));
          let s = 0;
          let t = 0;
          for (let i = 0, at = 0; i < n; i++, at += 16) {
            s = (s + lenL.decode(b, at + lenAt)) | 0;
            t = (t + domL.decode(b, at + domAt)) | 0;
          }
          return [s, t];
        },
      },
    ],
    dmop: [
      { workload: 'decode', run: decodeAll(DmOp, 32), normalise: fromVariant },
      { workload: 'encode', prepare: (values) => values.map(toVariant), run: encodeAll(DmOp, 32) },
      {
        workload: 'view',
        variant: 'per-field layout.decode',
        run({ buf, n }) {
          const b = buffer(buf);
          const opL = DmOp.discriminator.layout;
          const [rangeL, rangeAt] = field(VARIANTS.map_io_range_to_ioreq_server, 'type', 4);
          const [stateL, stateAt] = field(VARIANTS.set_ioreq_server_state, 'enabled', 4);
          const [eventL, eventAt] = field(VARIANTS.inject_event, 'vcpuid', 4);
          const [msiL, msiAt] = field(VARIANTS.inject_msi, 'data', 4);
          let s = 0;
          let t = 0;
          for (let i = 0, at = 0; i < n; i++, at += 32) {
            const op = opL.decode(b, at);
            s = (s + op) | 0;
            switch (op) {
              case 3:
                t = (t + rangeL.decode(b, at + rangeAt)) | 0;
                break;
              case 5:
                t = (t + stateL.decode(b, at + stateAt)) | 0;
                break;
              case 13:
                t = (t + eventL.decode(b, at + eventAt)) | 0;
                break;
              default:
                t = (t + msiL.decode(b, at + msiAt)) | 0;
            }
          }
          return [s, t];
        },
      },
      {
        workload: 'rt',
        prepare: (values) => values.map(toVariant),
        run({ input, out, ring, n }) {
          const b = buffer(out);
          for (let i = 0, at = 0; i < n; i++, at += 32) {
            DmOp.encode(input[i], b, at);
            ring[i & (ring.length - 1)] = DmOp.decode(b, at);
          }
        },
        normalise: fromVariant,
      },
    ],
  },
};
