// The baseline: hand-written code with constant offsets, one DataView per buffer and a
// literal `true` for little-endian. No checks, no dispatch: what a careful person writes
// for one layout.
import { HIGH_BIT } from '../data.mjs';

const dataView = (u8) => new DataView(u8.buffer, u8.byteOffset, u8.byteLength);

// ---- xen_dm_op_ioreq_server_range, 24 bytes

function decodeRange(d, b) {
  return { id: d.getUint16(b, true), type: d.getUint32(b + 4, true), start: d.getBigUint64(b + 8, true), end: d.getBigUint64(b + 16, true) };
}

function encodeRange(d, b, v) {
  d.setUint16(b, v.id, true);
  d.setUint16(b + 2, 0, true);
  d.setUint32(b + 4, v.type, true);
  d.setBigUint64(b + 8, v.start, true);
  d.setBigUint64(b + 16, v.end, true);
}

// ---- xen_argo_ring_message_header, 16 bytes (source: xen_argo_addr at 4)

function decodeArgo(d, b) {
  return {
    len: d.getUint32(b, true),
    source: { aport: d.getUint32(b + 4, true), domain_id: d.getUint16(b + 8, true) },
    message_type: d.getUint32(b + 12, true),
    data: [], // the flexible array member, as xenabi's decode returns it (count 0)
  };
}

function encodeArgo(d, b, v) {
  d.setUint32(b, v.len, true);
  const s = v.source;
  d.setUint32(b + 4, s.aport, true);
  d.setUint16(b + 8, s.domain_id, true);
  d.setUint16(b + 10, 0, true);
  d.setUint32(b + 12, v.message_type, true);
}

// ---- xen_dm_op, 32 bytes: op at 0, pad at 4, union u at 8 (24 bytes)

function decodeDmop(d, b) {
  const op = d.getUint32(b, true);
  switch (op) {
    case 3:
      return { op: 'map_io_range_to_ioreq_server', id: d.getUint16(b + 8, true), type: d.getUint32(b + 12, true), start: d.getBigUint64(b + 16, true), end: d.getBigUint64(b + 24, true) };
    case 5:
      return { op: 'set_ioreq_server_state', id: d.getUint16(b + 8, true), enabled: d.getUint8(b + 10) };
    case 13:
      return {
        op: 'inject_event',
        vcpuid: d.getUint32(b + 8, true),
        vector: d.getUint8(b + 12),
        type: d.getUint8(b + 13),
        insn_len: d.getUint8(b + 14),
        error_code: d.getUint32(b + 16, true),
        cr2: d.getBigUint64(b + 24, true),
      };
    case 14:
      return { op: 'inject_msi', data: d.getUint32(b + 8, true), addr: d.getBigUint64(b + 16, true) };
    default:
      throw new RangeError(`unknown op ${op}`);
  }
}

function encodeDmop(d, b, v) {
  switch (v.op) {
    case 'map_io_range_to_ioreq_server':
      d.setUint32(b, 3, true);
      d.setUint32(b + 4, 0, true);
      d.setUint16(b + 8, v.id, true);
      d.setUint16(b + 10, 0, true);
      d.setUint32(b + 12, v.type, true);
      d.setBigUint64(b + 16, v.start, true);
      d.setBigUint64(b + 24, v.end, true);
      break;
    case 'set_ioreq_server_state':
      d.setUint32(b, 5, true);
      d.setUint32(b + 4, 0, true);
      d.setUint16(b + 8, v.id, true);
      d.setUint8(b + 10, v.enabled);
      d.setUint8(b + 11, 0);
      d.setUint32(b + 12, 0, true);
      d.setBigUint64(b + 16, 0n, true);
      d.setBigUint64(b + 24, 0n, true);
      break;
    case 'inject_event':
      d.setUint32(b, 13, true);
      d.setUint32(b + 4, 0, true);
      d.setUint32(b + 8, v.vcpuid, true);
      d.setUint8(b + 12, v.vector);
      d.setUint8(b + 13, v.type);
      d.setUint8(b + 14, v.insn_len);
      d.setUint8(b + 15, 0);
      d.setUint32(b + 16, v.error_code, true);
      d.setUint32(b + 20, 0, true);
      d.setBigUint64(b + 24, v.cr2, true);
      break;
    case 'inject_msi':
      d.setUint32(b, 14, true);
      d.setUint32(b + 4, 0, true);
      d.setUint32(b + 8, v.data, true);
      d.setUint32(b + 12, 0, true);
      d.setBigUint64(b + 16, v.addr, true);
      d.setBigUint64(b + 24, 0n, true);
      break;
    default:
      throw new RangeError(`unknown op ${v.op}`);
  }
}

function decodeAll(decode, size) {
  return ({ buf, ring, n }) => {
    const d = dataView(buf);
    for (let i = 0, b = 0; i < n; i++, b += size) ring[i & (ring.length - 1)] = decode(d, b);
  };
}

function encodeAll(encode, size) {
  return ({ values, out, n }) => {
    const d = dataView(out);
    for (let i = 0, b = 0; i < n; i++, b += size) encode(d, b, values[i]);
  };
}

export default {
  name: 'dataview',
  label: 'hand-written DataView (baseline)',
  records: {
    range: [
      { workload: 'decode', run: decodeAll(decodeRange, 24) },
      { workload: 'encode', run: encodeAll(encodeRange, 24) },
      {
        workload: 'view',
        run({ buf, n }) {
          const d = dataView(buf);
          let s = 0;
          let t = 0;
          for (let i = 0, b = 0; i < n; i++, b += 24) {
            s = (s + d.getUint32(b + 4, true)) | 0;
            if (d.getBigUint64(b + 8, true) >= HIGH_BIT) t++;
          }
          return [s, t];
        },
      },
    ],
    argo: [
      { workload: 'decode', run: decodeAll(decodeArgo, 16) },
      { workload: 'encode', run: encodeAll(encodeArgo, 16) },
      {
        workload: 'view',
        run({ buf, n }) {
          const d = dataView(buf);
          let s = 0;
          let t = 0;
          for (let i = 0, b = 0; i < n; i++, b += 16) {
            s = (s + d.getUint32(b, true)) | 0;
            t = (t + d.getUint16(b + 8, true)) | 0;
          }
          return [s, t];
        },
      },
    ],
    dmop: [
      { workload: 'decode', run: decodeAll(decodeDmop, 32) },
      { workload: 'encode', run: encodeAll(encodeDmop, 32) },
      {
        workload: 'view',
        run({ buf, n }) {
          const d = dataView(buf);
          let s = 0;
          let t = 0;
          for (let i = 0, b = 0; i < n; i++, b += 32) {
            const op = d.getUint32(b, true);
            s = (s + op) | 0;
            switch (op) {
              case 3:
                t = (t + d.getUint32(b + 12, true)) | 0;
                break;
              case 5:
                t = (t + d.getUint8(b + 10)) | 0;
                break;
              case 13:
                t = (t + d.getUint32(b + 8, true)) | 0;
                break;
              default:
                t = (t + d.getUint32(b + 8, true)) | 0;
            }
          }
          return [s, t];
        },
      },
      {
        workload: 'rt',
        run({ values, out, ring, n }) {
          const d = dataView(out);
          for (let i = 0, b = 0; i < n; i++, b += 32) {
            encodeDmop(d, b, values[i]);
            ring[i & (ring.length - 1)] = decodeDmop(d, b);
          }
        },
      },
      {
        workload: 'rt-fresh',
        slow: true, // allocation-bound: an ArrayBuffer per record
        run({ values, ring, n }) {
          for (let i = 0; i < n; i++) {
            const bytes = new Uint8Array(32);
            encodeDmop(new DataView(bytes.buffer), 0, values[i]);
            ring[i & (ring.length - 1)] = decodeDmop(new DataView(bytes.buffer, bytes.byteOffset, 32), 0);
          }
        },
      },
    ],
  },
};
