// A/B of two builds of @xenabi/ts-bindings in one process: the encodeInto, decode and view loops
// of bench/ts-codecs over the same records, passes of A and B interleaved, so that a change to
// the emitter is measured against the build before it on the same machine at the same moment.
//
//   cp -r packages/ts-bindings/dist /tmp/before      # on the commit before the change
//   npm run build                                     # on the change
//   node bench/ts-codecs/ab.mjs /tmp/before packages/ts-bindings/dist [--passes 31] [--only REGEX]
//
// Prints, per workload, the median ns per record of A and B and the ratio B ÷ A (below 1: B is
// faster), and the same for the fastest pass. Not a substitute for run.mjs: one process holds
// both builds and every workload, as a program using one of them would not.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const [a, b] = args.filter((x, i) => !x.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!a || !b) {
  console.error('usage: node bench/ts-codecs/ab.mjs DIST_A DIST_B [--passes N] [--only REGEX]');
  process.exit(2);
}
const passes = Number(flag('--passes') ?? 31);
const only = flag('--only') ? new RegExp(flag('--only')) : undefined;

async function load(dist) {
  const at = (m) => pathToFileURL(resolve(dist, m)).href;
  return { dm: await import(at('stable/dm_op.js')), argo: await import(at('stable/argo.js')) };
}

const N = 200_000;
const ARCH = { arch: 'x86_64' };
const range = Array.from({ length: N }, (_, i) => ({ id: i & 0xffff, type: i & 1, start: BigInt(i) * 4097n, end: BigInt(i) * 4099n }));
const header = Array.from({ length: N }, (_, i) => ({ len: i, source: { aport: i, domain_id: i & 0x7fff }, message_type: i & 7, data: [] }));
const dmop = Array.from({ length: N }, (_, i) => ({ op: 15, pad: 0, u: { inject_msi: { addr: BigInt(i) * 64n, data: i, pad: 0 } } }));

/** The loops, over one build; each returns something so the work is kept. */
function loops(lib) {
  const out = new Uint8Array(N * 32);
  const into = (codec, values, size) => () => {
    const o = { arch: 'x86_64', offset: 0 };
    for (let i = 0; i < N; i++) {
      o.offset = i * size;
      codec.encodeInto(values[i], out, o);
    }
  };
  const decode = (codec, size) => () => {
    const o = { arch: 'x86_64', offset: 0 };
    let s = 0;
    for (let i = 0; i < N; i++) {
      o.offset = i * size;
      s += codec.decode(out, o) === undefined ? 1 : 0;
    }
    return s;
  };
  const RANGE = lib.dm.xen_dm_op_ioreq_server_range;
  const HEADER = lib.argo.xen_argo_ring_message_header;
  const DMOP = lib.dm.xen_dm_op;
  return {
    'range encodeInto': into(RANGE, range, 24),
    'range decode': decode(RANGE, 24),
    'range view': () => {
      const v = RANGE.view(out, ARCH);
      let s = 0;
      for (let i = 0; i < N; i++) {
        v.$offset = i * 24;
        s = (s + v.type + Number(v.start & 1n)) | 0;
      }
      return s;
    },
    'argo encodeInto': into(HEADER, header, 16),
    'argo decode': decode(HEADER, 16),
    'argo view': () => {
      const v = HEADER.view(out, ARCH);
      let s = 0;
      for (let i = 0; i < N; i++) {
        v.$offset = i * 16;
        s = (s + v.len + v.source.domain_id) | 0;
      }
      return s;
    },
    'xen_dm_op encodeInto': into(DMOP, dmop, 32),
    'xen_dm_op view': () => {
      const v = DMOP.view(out, ARCH);
      let s = 0;
      for (let i = 0; i < N; i++) {
        v.$offset = i * 32;
        s = (s + v.op + v.u.inject_msi.data) | 0;
      }
      return s;
    },
  };
}

const A = loops(await load(a));
const B = loops(await load(b));
const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
console.log(`| workload | A median ns | B median ns | B ÷ A | A fastest | B fastest | B ÷ A |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const name of Object.keys(A).filter((k) => !only || only.test(k))) {
  const times = { a: [], b: [] };
  for (let p = 0; p < passes; p++) {
    for (const [side, f] of p % 2 ? [['a', A[name]], ['b', B[name]]] : [['b', B[name]], ['a', A[name]]]) {
      const t = process.hrtime.bigint();
      f();
      if (p >= 3) times[side].push(Number(process.hrtime.bigint() - t) / N);
    }
  }
  const [ma, mb, fa, fb] = [median(times.a), median(times.b), Math.min(...times.a), Math.min(...times.b)];
  console.log(`| ${name} | ${ma.toFixed(1)} | ${mb.toFixed(1)} | ${(mb / ma).toFixed(2)} | ${fa.toFixed(1)} | ${fb.toFixed(1)} | ${(fb / fa).toFixed(2)} |`);
}
