// Benchmark of @xenabi/ts-bindings' codecs and views over 1,000,000 records laid back to back
// (x86_64 layout), beside hand-written DataView code, Kaitai Struct, @solana/buffer-layout,
// binary-parser, restructure and Uint8Array.set, all in one run.
//
//   node bench/ts-codecs/run.mjs [--quick] [--rounds R] [--only REGEX] [--keep-data DIR]
//
// --only keeps the pairs whose `contender:kind` matches; --keep-data writes the bytes to DIR and
// leaves them there, so one child can be rerun (or profiled with --cpu-prof) by hand:
//   XENABI_BENCH_OPTS='{"n":1000000,"slowN":50000,"passes":7,"warmupPasses":3,"warmupMs":200,"dataDir":"DIR"}' \
//     node --expose-gc bench/ts-codecs/child.mjs range xenabi,dataview
//
// Compiles the Kaitai specs, writes each record kind's bytes once (encoded by xenabi, checked
// against the generated values), then per round runs one process per record kind (and one for
// the round trip through new bytes), in a shuffled order, which checks every contender's
// results and then times their passes interleaved (child.mjs). Prints a Markdown table of
// pooled medians with ratios and the goals, and writes them and the raw passes to results/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { isDeepStrictEqual } from 'node:util';
import { RECORDS, makeValues, canonical, viewChecksum, rng } from './data.mjs';
import { runInfo } from '../lib/timing.mjs';

const here = new URL('.', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

const opts = quick
  ? { n: 200_000, slowN: 10_000, passes: 3, warmupPasses: 2, warmupMs: 50, rounds: 1 }
  : { n: 1_000_000, slowN: 50_000, passes: 7, warmupPasses: 3, warmupMs: 200, rounds: 2 };
if (flag('--rounds')) opts.rounds = Number(flag('--rounds'));
const only = flag('--only') ? new RegExp(flag('--only')) : undefined;

const KINDS = ['range', 'argo', 'dmop'];
const CONTENDERS = ['xenabi', 'dataview', 'kaitai', 'buffer-layout', 'binary-parser', 'restructure', 'memcpy'];
const WORKLOADS = ['decode', 'encode', 'view', 'rt', 'rt-fresh', 'copy'];
const PEERS = ['buffer-layout', 'binary-parser', 'restructure'];

/** Each kind's bytes, written by xenabi, and xenabi's decoding of the records the children check. */
async function writeData(dir) {
  const dm = await import('@xenabi/ts-bindings/stable/dm_op');
  const argo = await import('@xenabi/ts-bindings/stable/argo');
  const codecs = {
    range: { encode: (v, out, o) => dm.xen_dm_op_ioreq_server_range.encodeInto(v, out, o), decode: (b, o) => dm.xen_dm_op_ioreq_server_range.decode(b, o) },
    argo: { encode: (v, out, o) => argo.xen_argo_ring_message_header.encodeInto(v, out, o), decode: (b, o) => argo.xen_argo_ring_message_header.decode(b, o) },
    dmop: { encode: (v, out, o) => out.set(dm.encodeDmOp(v, o), o.offset), decode: (b, o) => dm.decodeDmOp(b, o) },
  };
  for (const kind of KINDS) {
    const { size } = RECORDS[kind];
    const values = makeValues(kind, opts.n);
    const buf = new Uint8Array(opts.n * size);
    for (let i = 0; i < opts.n; i++) codecs[kind].encode(values[i], buf, { arch: 'x86_64', offset: i * size });
    const decode = (i) => canonical(kind, codecs[kind].decode(buf, { arch: 'x86_64', offset: i * size }));
    for (let i = 0; i < opts.n; i += i < opts.n - 1024 ? 997 : 1) {
      if (!isDeepStrictEqual(decode(i), canonical(kind, values[i]))) throw new Error(`${kind}: xenabi does not decode record ${i} to the value it encoded`);
    }
    const ref = { last: {}, checksum: {} };
    for (const n of new Set([opts.n, opts.slowN])) {
      ref.last[n] = Array.from({ length: Math.min(n, 1024) }, (_, k) => decode(n - Math.min(n, 1024) + k));
      ref.checksum[n] = viewChecksum(kind, values.slice(0, n));
    }
    writeFileSync(join(dir, `${kind}.bin`), buf);
    writeFileSync(join(dir, `${kind}.ref`), serialize(ref));
  }
}

/**
 * The processes of a round: one per record kind, and the round trip through new bytes on its
 * own, since its garbage (an ArrayBuffer per record) would set off collections in the passes of
 * the others.
 */
const GROUPS = [
  { kind: 'range', workloads: '' },
  { kind: 'argo', workloads: '' },
  { kind: 'dmop', workloads: '^(?!rt-fresh$)' },
  { kind: 'dmop', workloads: '^rt-fresh$' },
];

/** Every group once per round, in an order shuffled per round. */
function runRounds(dir) {
  const samples = [];
  const next = rng(2026);
  for (let round = 0; round < opts.rounds; round++) {
    const groups = GROUPS.map((g) => ({ g, key: next() })).sort((a, b) => a.key - b.key).map((x) => x.g);
    for (const { kind, workloads } of groups) {
      const names = CONTENDERS.filter((c) => !only || only.test(`${c}:${kind}`));
      if (names.length === 0) continue;
      const child = spawnSync(process.execPath, ['--expose-gc', join(here, 'child.mjs'), kind, names.join(','), workloads], {
        cwd: here,
        env: { ...process.env, XENABI_BENCH_OPTS: JSON.stringify({ ...opts, dataDir: dir, seed: round + 1 }) },
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      if (child.status !== 0) throw new Error(`${kind} ${workloads} failed (${child.status}):\n${child.stderr}`);
      for (const line of child.stdout.trim().split('\n').filter(Boolean)) samples.push({ ...JSON.parse(line), round });
      process.stderr.write(`round ${round + 1}/${opts.rounds}: ${kind}${workloads ? ` ${workloads}` : ''} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  }
  return samples;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Pooled medians per row, with the ratios the table and the goals need. */
function summarise(samples) {
  const rows = new Map();
  for (const s of samples) {
    const key = [s.kind, s.workload, s.contender, s.variant].join('|');
    const row = rows.get(key) ?? { ...s, ms: [], rounds: new Map() };
    row.ms.push(...s.ms);
    row.rounds.set(s.round, [...(row.rounds.get(s.round) ?? []), ...s.ms]);
    rows.set(key, row);
  }
  const list = [...rows.values()].map((r) => {
    const perRound = [...r.rounds.values()].map(median);
    return { ...r, ns: (median(r.ms) * 1e6) / r.n, minNs: (Math.min(...r.ms) * 1e6) / r.n, spread: Math.max(...perRound) / Math.min(...perRound) };
  });
  const find = (kind, workload, contender) => list.find((r) => r.kind === kind && r.workload === workload && r.contender === contender && r.variant === '');
  for (const r of list) {
    r.xDataView = find(r.kind, r.workload, 'dataview') && r.ns / find(r.kind, r.workload, 'dataview').ns;
    r.xDataViewPasses = find(r.kind, r.workload, 'dataview') && perPass(r, find(r.kind, r.workload, 'dataview'));
    r.xKaitai = find(r.kind, r.workload, 'kaitai') && r.ns / find(r.kind, r.workload, 'kaitai').ns;
    r.xMemcpy = find(r.kind, 'copy', 'memcpy') && r.ns / find(r.kind, 'copy', 'memcpy').ns;
    const peers = PEERS.map((p) => list.find((x) => x.kind === r.kind && x.workload === r.workload && x.contender === p)).filter(Boolean);
    r.peerBest = peers.length ? Math.min(...peers.map((p) => p.ns)) : undefined;
  }
  const order = (r) => [KINDS.indexOf(r.kind), WORKLOADS.indexOf(r.workload), CONTENDERS.indexOf(r.contender), r.variant];
  list.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  });
  return list;
}

/**
 * The ratio of two rows pass by pass: the same pass of the same process (its entries run
 * interleaved, one after another), as ns per record; min, median and max over every pass.
 */
function perPass(a, b) {
  const ratios = [];
  for (const [round, ms] of a.rounds) {
    const other = b.rounds.get(round) ?? [];
    ms.forEach((x, i) => other[i] !== undefined && ratios.push(x / a.n / (other[i] / b.n)));
  }
  return ratios.length ? { min: Math.min(...ratios), median: median(ratios), max: Math.max(...ratios), count: ratios.length } : undefined;
}

function environment() {
  const version = (pkg) => JSON.parse(readFileSync(join(here, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  const info = runInfo(join(here, '../..'));
  return {
    date: new Date().toISOString().slice(0, 10),
    when: info.date,
    commit: info.commit,
    load: info.load,
    node: process.version,
    v8: process.versions.v8,
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    libraries: `kaitai-struct ${version('kaitai-struct')} + kaitai-struct-compiler ${kaitaiVersion}, @solana/buffer-layout ${version('@solana/buffer-layout')}, binary-parser ${version('binary-parser')}, restructure ${version('restructure')}`,
  };
}

const fmt = (x, digits = 1) => (x === undefined ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(digits));
const ratio = (x) => (x === undefined ? '—' : `${x < 10 ? x.toFixed(2) : x.toFixed(1)}×`);
const WORKLOAD_TITLES = {
  decode: 'decode → objects',
  encode: 'encode objects → bytes',
  view: 'view: read 2 fields',
  rt: 'round trip, in place',
  'rt-fresh': 'round trip, new bytes per record',
  copy: 'copy the bytes',
};
const KIND_TITLES = { range: 'ioreq_server_range', argo: 'argo header', dmop: 'xen_dm_op' };
/** Ratios closer than this to a goal are within what this machine's noise moves between runs. */
const NOISE = 1.15;

function render(list) {
  const env = environment();
  const lines = [
    `Run: ${env.when}, HEAD ${env.commit}, load average at the end ${env.load}; Node ${env.node} (V8 ${env.v8}), ${env.cpu}, ${env.memory}; ${env.libraries}.`,
    `Mode: ${quick ? '--quick' : 'full'}: N = ${opts.n.toLocaleString('en')} records (the first ${opts.slowN.toLocaleString('en')} of them for restructure, @solana/buffer-layout and the round trip through new bytes), ${opts.rounds} round(s) × ${opts.passes} timed passes per entry, interleaved, run time ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    '',
    '| record | workload | contender | N | ns/record (median) | min | × DataView | × Kaitai | × Uint8Array.set | round spread |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of list) {
    const who = r.variant ? `${r.label} (${r.variant})` : r.label;
    const name = r.contender === 'xenabi' ? `**${who}**` : r.lossy ? `${who}, u64 lossy` : who;
    lines.push(`| ${KIND_TITLES[r.kind]} | ${WORKLOAD_TITLES[r.workload]} | ${name} | ${r.n >= 1e6 ? `${r.n / 1e6}M` : `${r.n / 1e3}k`} | ${fmt(r.ns)} | ${fmt(r.minNs)} | ${ratio(r.xDataView)} | ${ratio(r.xKaitai)} | ${ratio(r.xMemcpy)} | ${r.spread.toFixed(2)} |`);
  }
  lines.push('', '| record | workload | xenabi | ns/record | vs DataView (goal ≤ 1.00×) | per pass: min / median / max | Kaitai ÷ xenabi (goal ≥ 2×) | best peer ÷ xenabi (goal ≥ 10×) |', '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of list.filter((x) => x.contender === 'xenabi')) {
    const kaitai = r.xKaitai === undefined ? 'n/a (decode only)' : goal(1 / r.xKaitai, 2);
    const peers = r.peerBest === undefined ? 'n/a' : goal(r.peerBest / r.ns, 10);
    const dv = r.xDataView === undefined ? 'n/a' : `${ratio(r.xDataView)} ${r.xDataView <= 1 ? 'met' : r.xDataView <= NOISE ? 'not met (within noise)' : '**not met**'}`;
    const p = r.xDataViewPasses;
    const passes = p ? `${[p.min, p.median, p.max].map((x) => x.toFixed(2)).join(' / ')} (${p.count})` : 'n/a';
    lines.push(`| ${KIND_TITLES[r.kind]} | ${WORKLOAD_TITLES[r.workload]} | ${r.variant || 'codec / view'} | ${fmt(r.ns)} | ${dv} | ${passes} | ${kaitai} | ${peers} |`);
  }
  return lines.join('\n');
}

function goal(speedup, target) {
  const verdict = speedup >= target ? 'met' : speedup * NOISE >= target ? 'not met (within noise)' : '**not met**';
  return `${speedup.toFixed(speedup < 10 ? 2 : 1)}× ${verdict}`;
}

const started = Date.now();
const kaitaiVersion = await require('./kaitai_compile.cjs').main();
const keep = flag('--keep-data');
const dataDir = keep ?? mkdtempSync(join(tmpdir(), 'xenabi-ts-codecs-'));
if (keep) mkdirSync(keep, { recursive: true });
try {
  await writeData(dataDir);
  const samples = runRounds(dataDir);
  const report = summarise(samples);
  const md = render(report);
  console.log(md);
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', quick ? 'quick.md' : 'latest.md'), `${md}\n`);
  writeFileSync(join(here, 'results', quick ? 'quick.json' : 'latest.json'), `${JSON.stringify({ env: environment(), opts, samples }, null, 1)}\n`);
} finally {
  if (!keep) rmSync(dataDir, { recursive: true, force: true });
}
