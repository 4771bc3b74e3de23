// Every contender on one record kind, in one process: load the bytes xenabi wrote, warm every
// (contender, workload) entry up, check its results against xenabi's on a sample, then time
// passes over all records with the entries interleaved in a fresh shuffled order per pass
// round, so the load of a shared machine falls on every contender alike. Each entry has its
// own functions, inputs and output buffer; contenders share no code. Prints one JSON line per
// entry. Run by run.mjs as:
//   node --expose-gc child.mjs <range|argo|dmop> [contender,…] [workload regex]   (options in XENABI_BENCH_OPTS)
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { RECORDS, makeValues, canonical, lossy, rng } from './data.mjs';

const [kind, names = 'xenabi,dataview,kaitai,buffer-layout,binary-parser,restructure,memcpy', workloads = ''] = process.argv.slice(2);
const workloadFilter = new RegExp(workloads);
const opts = JSON.parse(process.env.XENABI_BENCH_OPTS);
const size = RECORDS[kind].size;

const file = readFileSync(join(opts.dataDir, `${kind}.bin`));
const ref = deserialize(readFileSync(join(opts.dataDir, `${kind}.ref`)));
const allValues = makeValues(kind, opts.n);

const show = (v) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x));
const now = () => Number(process.hrtime.bigint()) / 1e6;

const buffers = new Map();
/** The first `n` records' bytes in a fresh, 8-aligned ArrayBuffer (not a pooled Buffer), one per `n`. */
function bytesOf(n) {
  if (!buffers.has(n)) buffers.set(n, new Uint8Array(n * size)).get(n).set(file.subarray(0, n * size));
  return buffers.get(n);
}

const WRITES = new Set(['encode', 'rt', 'copy']);

/**
 * Decoded objects go into a ring (its length a power of two, indexed `i & (length - 1)`), so
 * they must be made but die young. The timed ring is small: with a ring as long as the number
 * of objects a function makes before V8 optimises it, every one of those survives the first
 * scavenge, V8 then pretenures the allocation site (old-space allocation, 5–8× slower decodes),
 * and which contender that hits changes from run to run. The check uses a longer ring, after
 * the warm-up, when the sites are decided.
 */
const RING = 64;
const CHECKED = 1024;

/**
 * The entries of one contender: each workload with its own context (inputs, ring, output).
 * Slow contenders, and workloads marked slow, run over the first `slowN` records.
 */
async function entriesOf(name) {
  const contender = (await import(`./contenders/${name}.mjs`)).default;
  return (contender.records[kind] ?? []).filter((w) => workloadFilter.test(w.workload)).map((w) => {
    const n = contender.slow || w.slow ? opts.slowN : opts.n;
    const values = n === opts.n ? allValues : allValues.slice(0, n);
    const out = new Uint8Array(WRITES.has(w.workload) ? n * size : 0);
    const ctx = { buf: bytesOf(n), n, size, values, ring: new Array(RING).fill(null), out, input: undefined };
    ctx.input = w.prepare ? w.prepare(values, ctx) : values;
    return { name, contender, w, ctx, ms: [] };
  });
}

/** Runs an entry once more, with the long ring, and checks its results against xenabi's. */
function check({ name, contender, w, ctx }) {
  const { n, buf, out } = ctx;
  const ring = new Array(CHECKED).fill(null);
  const fail = (message) => {
    throw new Error(`${name} ${kind} ${w.workload}${w.variant ? ` (${w.variant})` : ''}: ${message}`);
  };
  const checkRing = () => {
    const normalise = w.normalise ?? ((o) => o);
    const first = Math.max(0, n - CHECKED);
    for (let i = first; i < n; i++) {
      const got = canonical(kind, normalise(ring[i & (CHECKED - 1)]));
      const want = contender.lossy ? lossy(ref.last[n][i - first]) : ref.last[n][i - first];
      if (!isDeepStrictEqual(got, want)) fail(`record ${i}: got ${show(got)}, want ${show(want)}`);
    }
  };
  const checkBytes = () => {
    for (let i = 0; i < n * size; i++) {
      if (out[i] !== buf[i]) fail(`byte ${i} (record ${Math.floor(i / size)}, offset ${i % size}): got ${out[i]}, want ${buf[i]}`);
    }
  };
  out.fill(0xa5); // encoders must write every byte, padding included
  const result = w.run({ ...ctx, ring });
  switch (w.workload) {
    case 'decode':
    case 'rt-fresh':
      return checkRing();
    case 'encode':
    case 'copy':
      return checkBytes();
    case 'view':
      if (!isDeepStrictEqual(result, ref.checksum[n])) fail(`got ${show(result)}, want ${show(ref.checksum[n])}`);
      return;
    case 'rt':
      checkRing();
      return checkBytes();
    default:
      fail('unknown workload');
  }
}

const entries = [];
for (const name of names.split(',')) entries.push(...(await entriesOf(name)));
for (const e of entries) {
  const start = now();
  for (let warm = 0; warm < opts.warmupPasses || now() - start < opts.warmupMs; warm++) e.w.run(e.ctx);
}
for (const e of entries) check(e); // before any timed pass
globalThis.gc();
const next = rng(opts.seed ?? 1);
for (let pass = 0; pass < opts.passes; pass++) {
  const order = entries.map((e) => ({ e, key: next() })).sort((a, b) => a.key - b.key);
  for (const { e } of order) {
    const t = now();
    e.w.run(e.ctx);
    e.ms.push(now() - t);
  }
}
for (const { name, contender, w, ctx, ms } of entries) {
  process.stdout.write(`${JSON.stringify({ contender: name, label: contender.label, lossy: !!contender.lossy, kind, workload: w.workload, variant: w.variant ?? '', n: ctx.n, ms })}\n`);
}
