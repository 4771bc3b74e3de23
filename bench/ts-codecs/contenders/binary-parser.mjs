// binary-parser 2: a Parser chain per record, compiled by the library at run time. It decodes
// only, and always from the start of the array it is given, so a pass is its bulk form: one
// parse() of an array of `n` records over the whole buffer (faster than one parse() per
// record over a subarray). Padding is skipped with seek(); the union is a choice() on `op`
// embedded into the record, each member padded to the union's 24 bytes.
import { Parser } from 'binary-parser';
import { DMOP_OPS } from '../data.mjs';

const le = () => new Parser().endianness('little');

const Range = le().uint16('id').seek(2).uint32('type').uint64('start').uint64('end');
const Argo = le()
  .uint32('len')
  .nest('source', { type: le().uint32('aport').uint16('domain_id').seek(2) })
  .uint32('message_type');
const DmOp = le()
  .uint32('op')
  .seek(4)
  .choice({
    tag: 'op',
    choices: {
      3: le().uint16('id').seek(2).uint32('type').uint64('start').uint64('end'),
      5: le().uint16('id').uint8('enabled').seek(21),
      13: le().uint32('vcpuid').uint8('vector').uint8('type').uint8('insn_len').seek(1).uint32('error_code').seek(4).uint64('cr2'),
      14: le().uint32('data').seek(4).uint64('addr').seek(8),
    },
  });

const NAMES = Object.fromEntries(Object.entries(DMOP_OPS).map(([k, v]) => [v, k]));

/** A parser of `n` records of `Rec` back to back. */
const bulk = (Rec) => (values, { n }) => new Parser().array('recs', { type: Rec, length: n });

function decodeAll(size) {
  return ({ input, buf, ring, n }) => {
    const recs = input.parse(buf.subarray(0, n * size)).recs;
    for (let i = Math.max(0, n - ring.length); i < n; i++) ring[i & (ring.length - 1)] = recs[i];
  };
}

export default {
  name: 'binary-parser',
  label: 'binary-parser',
  records: {
    range: [
      { workload: 'decode', prepare: bulk(Range), run: decodeAll(24), normalise: (o) => ({ ...o }) },
      {
        workload: 'view',
        variant: 'full decode: no lazy access',
        prepare: bulk(Range),
        run({ input, buf, n }) {
          const recs = input.parse(buf.subarray(0, n * 24)).recs;
          let s = 0;
          let t = 0;
          for (let i = 0; i < n; i++) {
            const o = recs[i];
            s = (s + o.type) | 0;
            if (o.start >= 0x8000000000000000n) t++;
          }
          return [s, t];
        },
      },
    ],
    argo: [
      { workload: 'decode', prepare: bulk(Argo), run: decodeAll(16), normalise: (o) => ({ len: o.len, source: { ...o.source }, message_type: o.message_type }) },
      {
        workload: 'view',
        variant: 'full decode: no lazy access',
        prepare: bulk(Argo),
        run({ input, buf, n }) {
          const recs = input.parse(buf.subarray(0, n * 16)).recs;
          let s = 0;
          let t = 0;
          for (let i = 0; i < n; i++) {
            const o = recs[i];
            s = (s + o.len) | 0;
            t = (t + o.source.domain_id) | 0;
          }
          return [s, t];
        },
      },
    ],
    dmop: [
      { workload: 'decode', prepare: bulk(DmOp), run: decodeAll(32), normalise: ({ op, ...rest }) => ({ op: NAMES[op], ...rest }) },
      {
        workload: 'view',
        variant: 'full decode: no lazy access',
        prepare: bulk(DmOp),
        run({ input, buf, n }) {
          const recs = input.parse(buf.subarray(0, n * 32)).recs;
          let s = 0;
          let t = 0;
          for (let i = 0; i < n; i++) {
            const o = recs[i];
            s = (s + o.op) | 0;
            switch (o.op) {
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
    ],
  },
};
