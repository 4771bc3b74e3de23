// restructure 3: declarative Struct / VersionedStruct schemas, one DecodeStream or
// EncodeStream per buffer with `pos` set per record. It has no 64-bit type, so u64 is the
// small custom type its README describes (an object with size/decode/encode). The union is a
// VersionedStruct keyed by `op` (restructure calls the key `version`), each member padded with
// Reserved bytes to the union's 24.
import * as r from 'restructure';
import { DMOP_OPS } from '../data.mjs';

const u64le = {
  size: () => 8,
  decode(stream) {
    const v = stream.view.getBigUint64(stream.pos, true);
    stream.pos += 8;
    return v;
  },
  encode(stream, v) {
    stream.view.setBigUint64(stream.pos, v, true);
    stream.pos += 8;
  },
};

const Range = new r.Struct({ id: r.uint16le, pad: new r.Reserved(r.uint16le), type: r.uint32le, start: u64le, end: u64le });

const Addr = new r.Struct({ aport: r.uint32le, domain_id: r.uint16le, pad: new r.Reserved(r.uint16le) });
const Argo = new r.Struct({ len: r.uint32le, source: Addr, message_type: r.uint32le });

const DmOp = new r.VersionedStruct(r.uint32le, {
  header: { pad: new r.Reserved(r.uint32le) },
  3: { id: r.uint16le, pad1: new r.Reserved(r.uint16le), type: r.uint32le, start: u64le, end: u64le },
  5: { id: r.uint16le, enabled: r.uint8, pad1: new r.Reserved(r.uint8, 21) },
  13: {
    vcpuid: r.uint32le,
    vector: r.uint8,
    type: r.uint8,
    insn_len: r.uint8,
    pad0: new r.Reserved(r.uint8),
    error_code: r.uint32le,
    pad1: new r.Reserved(r.uint32le),
    cr2: u64le,
  },
  14: { data: r.uint32le, pad1: new r.Reserved(r.uint32le), addr: u64le, pad2: new r.Reserved(r.uint32le, 2) },
});

const NAMES = Object.fromEntries(Object.entries(DMOP_OPS).map(([k, v]) => [v, k]));
const toVersioned = ({ op, ...rest }) => ({ version: DMOP_OPS[op], ...rest });
const fromVersioned = ({ version, ...rest }) => ({ op: NAMES[version], ...rest });

function decodeAll(T, size) {
  return ({ buf, ring, n }) => {
    const s = new r.DecodeStream(buf);
    for (let i = 0; i < n; i++) {
      s.pos = i * size;
      ring[i & (ring.length - 1)] = T.decode(s);
    }
  };
}

function encodeAll(T, size) {
  return ({ input, out, n }) => {
    const s = new r.EncodeStream(out);
    for (let i = 0; i < n; i++) {
      s.pos = i * size;
      T.encode(s, input[i]);
    }
  };
}

const plain = (r0) => ({ ...r0 });

export default {
  name: 'restructure',
  label: 'restructure',
  slow: true,
  records: {
    range: [
      { workload: 'decode', run: decodeAll(Range, 24), normalise: plain },
      { workload: 'encode', prepare: (values) => values, run: encodeAll(Range, 24) },
      {
        workload: 'view',
        variant: 'full decode: no lazy access',
        run({ buf, n }) {
          const st = new r.DecodeStream(buf);
          let s = 0;
          let t = 0;
          for (let i = 0; i < n; i++) {
            st.pos = i * 24;
            const o = Range.decode(st);
            s = (s + o.type) | 0;
            if (o.start >= 0x8000000000000000n) t++;
          }
          return [s, t];
        },
      },
    ],
    argo: [
      { workload: 'decode', run: decodeAll(Argo, 16), normalise: (o) => ({ len: o.len, source: { ...o.source }, message_type: o.message_type }) },
      { workload: 'encode', prepare: (values) => values, run: encodeAll(Argo, 16) },
      {
        workload: 'view',
        variant: 'full decode: no lazy access',
        run({ buf, n }) {
          const st = new r.DecodeStream(buf);
          let s = 0;
          let t = 0;
          for (let i = 0; i < n; i++) {
            st.pos = i * 16;
            const o = Argo.decode(st);
            s = (s + o.len) | 0;
            t = (t + o.source.domain_id) | 0;
          }
          return [s, t];
        },
      },
    ],
    dmop: [
      { workload: 'decode', run: decodeAll(DmOp, 32), normalise: fromVersioned },
      { workload: 'encode', prepare: (values) => values.map(toVersioned), run: encodeAll(DmOp, 32) },
      {
        workload: 'view',
        variant: 'full decode: no lazy access',
        run({ buf, n }) {
          const st = new r.DecodeStream(buf);
          let s = 0;
          let t = 0;
          for (let i = 0; i < n; i++) {
            st.pos = i * 32;
            const o = DmOp.decode(st);
            s = (s + o.version) | 0;
            switch (o.version) {
              case 3:
                t = (t + o.type) | 0;
                break;
              case 5:
                t = (t + o.enabled) | 0;
                break;
              case 13:
                t = (t + o.vcpuid) | 0;
                break;
              default:
                t = (t + o.data) | 0;
            }
          }
          return [s, t];
        },
      },
      {
        workload: 'rt-fresh',
        variant: 'toBuffer, fromBuffer',
        prepare: (values) => values.map(toVersioned),
        run({ input, ring, n }) {
          for (let i = 0; i < n; i++) ring[i & (ring.length - 1)] = DmOp.fromBuffer(DmOp.toBuffer(input[i]));
        },
        normalise: fromVersioned,
      },
    ],
  },
};
