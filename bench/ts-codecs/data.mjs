// The three records of the benchmark, their x86_64 sizes, and deterministic values for them
// in the shape @xenabi/ts-bindings uses (u64 as bigint; xen_dm_op as a DmOp variant).
// Every process regenerates the same values from the same seed, so every contender sees
// the same inputs and, once xenabi has encoded them, the same bytes.

/** Record kinds: x86_64 size, and the name used in tables. */
export const RECORDS = {
  range: { size: 24, title: 'xen_dm_op_ioreq_server_range (24 B)' },
  argo: { size: 16, title: 'xen_argo_ring_message_header (16 B, nested source)' },
  dmop: { size: 32, title: 'xen_dm_op (32 B, union)' },
};

/** The ops of xen_dm_op the data mixes, with their numbers on the wire. */
export const DMOP_OPS = { map_io_range_to_ioreq_server: 3, set_ioreq_server_state: 5, inject_event: 13, inject_msi: 14 };

/** 2^63: the view workload of xen_dm_op_ioreq_server_range counts `start` at or above it. */
export const HIGH_BIT = 0x8000000000000000n;

/** A small fast seeded generator (mulberry32) of unsigned 32-bit integers. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function u64(next) {
  return (BigInt(next()) << 32n) | BigInt(next());
}

const MAKERS = {
  range: (next) => ({ id: next() & 0xffff, type: next() % 3, start: u64(next), end: u64(next) }),
  argo: (next) => ({ len: next() & 0xfffff, source: { aport: next(), domain_id: next() & 0x7fef }, message_type: next(), data: [] }),
  dmop: (next) => {
    switch (next() & 3) {
      case 0:
        return { op: 'map_io_range_to_ioreq_server', id: next() & 0xffff, type: next() % 3, start: u64(next), end: u64(next) };
      case 1:
        return { op: 'set_ioreq_server_state', id: next() & 0xffff, enabled: next() & 1 };
      case 2:
        return { op: 'inject_event', vcpuid: next() & 0xff, vector: next() & 0xff, type: next() & 7, insn_len: next() & 15, error_code: next(), cr2: u64(next) };
      default:
        return { op: 'inject_msi', data: next(), addr: u64(next) };
    }
  },
};

/** The first `n` values of record kind `kind`: a prefix of the same sequence whatever `n` is. */
export function makeValues(kind, n, seed = 0x58656e) {
  const next = rng(seed + kind.length);
  const make = MAKERS[kind];
  const values = new Array(n);
  for (let i = 0; i < n; i++) values[i] = make(next);
  return values;
}

/**
 * Two fields per record, as the view workload reads them, computed from plain values:
 * range: sum of `type`, count of `start >= 2^63`; argo: sums of `len` and `source.domain_id`;
 * dmop: sum of `op` numbers and of one member field (range `type`, `enabled`, `vcpuid`, msi `data`).
 */
export function viewChecksum(kind, values) {
  let s = 0;
  let t = 0;
  for (const v of values) {
    if (kind === 'range') {
      s = (s + v.type) | 0;
      if (v.start >= HIGH_BIT) t++;
    } else if (kind === 'argo') {
      s = (s + v.len) | 0;
      t = (t + v.source.domain_id) | 0;
    } else {
      s = (s + DMOP_OPS[v.op]) | 0;
      t = (t + dmopMemberField(v)) | 0;
    }
  }
  return [s, t];
}

function dmopMemberField(v) {
  switch (v.op) {
    case 'map_io_range_to_ioreq_server':
      return v.type;
    case 'set_ioreq_server_state':
      return v.enabled;
    case 'inject_event':
      return v.vcpuid;
    default:
      return v.data;
  }
}

/** `value` with every bigint turned into the nearest Number: what a lossy decoder must return. */
export function lossy(value) {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(lossy);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lossy(v)]));
  return value;
}

/** A value as the checks compare it: the argo header without its (empty) flexible `data`. */
export function canonical(kind, value) {
  if (kind !== 'argo') return value;
  const { len, source, message_type } = value;
  return { len, source: { aport: source.aport, domain_id: source.domain_id }, message_type };
}
