// @xenabi/ts-bindings as a user would call it: the record codecs with `{ arch, offset }`,
// a view re-pointed with `$offset`, and the op-set codecs for xen_dm_op. A loop keeps one
// options object and moves its `offset`: with a new `{ arch, offset }` literal per call, V8
// pretenured that literal's allocation site in about half of the runs (every decode then
// allocated in old space: 5–10× slower), see docs/performance.md.
import { xen_dm_op_ioreq_server_range as RANGE, xen_dm_op as DMOP, encodeDmOp, decodeDmOp } from '@xenabi/ts-bindings/stable/dm_op';
import { xen_argo_ring_message_header as ARGO } from '@xenabi/ts-bindings/stable/argo';
import { DMOP_OPS, HIGH_BIT } from '../data.mjs';

const ARCH = { arch: 'x86_64' };

/** A DmOp variant as the record codec `xen_dm_op` takes it: `{ op: number, u: { member } }`. */
function toRecord(v) {
  const { op, ...member } = v;
  return { op: DMOP_OPS[op], u: { [op]: member } };
}

/** Writes every value through the codec `rec` at its slot of `out`. */
function encodeAll(rec, size) {
  return ({ values, out, n }) => {
    const o = { arch: 'x86_64', offset: 0 };
    for (let i = 0; i < n; i++) {
      o.offset = i * size;
      rec.encodeInto(values[i], out, o);
    }
  };
}

function decodeAll(rec, size) {
  return ({ buf, ring, n }) => {
    const o = { arch: 'x86_64', offset: 0 };
    for (let i = 0; i < n; i++) {
      o.offset = i * size;
      ring[i & (ring.length - 1)] = rec.decode(buf, o);
    }
  };
}

/**
 * The view loops, over the given record codecs: the `view` workloads below, and
 * view-instructions.mjs's loops over another build (`--dist`), so both run the same statements.
 */
export function viewLoops({ RANGE, ARGO, DMOP }) {
  return {
    range({ buf, n }) {
      const v = RANGE.view(buf, ARCH);
      let s = 0;
      let t = 0;
      for (let i = 0; i < n; i++) {
        v.$offset = i * 24;
        s = (s + v.type) | 0;
        if (v.start >= HIGH_BIT) t++;
      }
      return [s, t];
    },
    argo({ buf, n }) {
      const v = ARGO.view(buf, ARCH);
      let s = 0;
      let t = 0;
      for (let i = 0; i < n; i++) {
        v.$offset = i * 16;
        s = (s + v.len) | 0;
        t = (t + v.source.domain_id) | 0;
      }
      return [s, t];
    },
    dmop({ buf, n }) {
      const v = DMOP.view(buf, ARCH);
      let s = 0;
      let t = 0;
      for (let i = 0; i < n; i++) {
        v.$offset = i * 32;
        const op = v.op;
        s = (s + op) | 0;
        switch (op) {
          case 3:
            t = (t + v.u.map_io_range_to_ioreq_server.type) | 0;
            break;
          case 5:
            t = (t + v.u.set_ioreq_server_state.enabled) | 0;
            break;
          case 13:
            t = (t + v.u.inject_event.vcpuid) | 0;
            break;
          default:
            t = (t + v.u.inject_msi.data) | 0;
        }
      }
      return [s, t];
    },
  };
}

const VIEW = viewLoops({ RANGE, ARGO, DMOP });

export default {
  name: 'xenabi',
  label: '@xenabi/ts-bindings',
  records: {
    range: [
      { workload: 'decode', run: decodeAll(RANGE, 24) },
      { workload: 'encode', run: encodeAll(RANGE, 24) },
      {
        workload: 'view',
        run: VIEW.range,
      },
    ],
    argo: [
      { workload: 'decode', run: decodeAll(ARGO, 16) },
      { workload: 'encode', run: encodeAll(ARGO, 16) },
      {
        workload: 'view',
        run: VIEW.argo,
      },
    ],
    dmop: [
      {
        workload: 'decode',
        run({ buf, ring, n }) {
          const o = { arch: 'x86_64', offset: 0 };
          for (let i = 0; i < n; i++) {
            o.offset = i * 32;
            ring[i & (ring.length - 1)] = decodeDmOp(buf, o);
          }
        },
      },
      {
        workload: 'decode',
        variant: 'xen_dm_op.decode: every union member',
        run({ buf, ring, n }) {
          const o = { arch: 'x86_64', offset: 0 };
          for (let i = 0; i < n; i++) {
            o.offset = i * 32;
            ring[i & (ring.length - 1)] = DMOP.decode(buf, o);
          }
        },
        normalise(r) {
          const name = Object.keys(DMOP_OPS).find((k) => DMOP_OPS[k] === r.op);
          return { op: name, ...r.u[name] };
        },
      },
      {
        workload: 'encode',
        variant: 'xen_dm_op.encodeInto',
        prepare: (values) => values.map(toRecord),
        run({ input, out, n }) {
          const o = { arch: 'x86_64', offset: 0 };
          for (let i = 0; i < n; i++) {
            o.offset = i * 32;
            DMOP.encodeInto(input[i], out, o);
          }
        },
      },
      {
        workload: 'encode',
        variant: 'encodeDmOp, then set',
        run({ values, out, n }) {
          for (let i = 0; i < n; i++) out.set(encodeDmOp(values[i], ARCH), i * 32);
        },
      },
      {
        workload: 'view',
        run: VIEW.dmop,
      },
      {
        workload: 'rt',
        variant: 'xen_dm_op.encodeInto, decodeDmOp',
        prepare: (values) => values.map(toRecord),
        run({ input, out, ring, n }) {
          const o = { arch: 'x86_64', offset: 0 };
          for (let i = 0; i < n; i++) {
            o.offset = i * 32;
            DMOP.encodeInto(input[i], out, o);
            ring[i & (ring.length - 1)] = decodeDmOp(out, o);
          }
        },
      },
      {
        workload: 'rt-fresh',
        variant: 'encodeDmOp, decodeDmOp',
        slow: true, // allocation-bound: an ArrayBuffer per record
        run({ values, ring, n }) {
          for (let i = 0; i < n; i++) ring[i & (ring.length - 1)] = decodeDmOp(encodeDmOp(values[i], ARCH), ARCH);
        },
      },
    ],
  },
};
