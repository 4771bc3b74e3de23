// Where an `encodeInto` of xen_dm_op_ioreq_server_range spends its time beside the hand-written
// DataView encoder, in one process, passes interleaved: the whole `encodeInto`, the same with
// `{ loose: true }` (no unknown-field walk), the unknown-field walk alone (the runtime's
// checkFields), the `typeof` and range checks of the two u64 `bigint` fields alone, and the
// baseline. Each part loops over the same 200,000 values as the codec bench's range record.
//
//   npm run build && node bench/ts-codecs/encode-parts.mjs [--passes 31]
//
// Prints ns per record, the median and fastest pass, and each part's median pass over the
// baseline's in the same pass (min / median / max).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeValues } from './data.mjs';
import { runInfo } from '../lib/timing.mjs';

const root = new URL('../..', import.meta.url).pathname;
const dist = (m) => import(pathToFileURL(join(root, 'packages/ts-bindings/dist', m)).href);
const { xen_dm_op_ioreq_server_range: RANGE } = await dist('stable/dm_op.js');
const { checkFields } = await dist('runtime-checks.js');
const args = process.argv.slice(2);
const passes = Number(args.includes('--passes') ? args[args.indexOf('--passes') + 1] : 31);
const N = 200_000;
const values = makeValues('range', N);
const bytes = new Uint8Array(N * 24);
const view = new DataView(bytes.buffer);
const FIELDS = ['id', 'type', 'start', 'end'];
const MAX = 0xffffffffffffffffn;

const parts = {
  'encodeInto': () => {
    const o = { arch: 'x86_64', offset: 0 };
    for (let i = 0; i < N; i++) (o.offset = i * 24), RANGE.encodeInto(values[i], bytes, o);
  },
  'encodeInto, loose': () => {
    const o = { arch: 'x86_64', offset: 0, loose: true };
    for (let i = 0; i < N; i++) (o.offset = i * 24), RANGE.encodeInto(values[i], bytes, o);
  },
  'unknown-field walk (checkFields)': () => {
    for (let i = 0; i < N; i++) checkFields(values[i], FIELDS, 'range', undefined);
  },
  'u64 checks (typeof, < 0n, > 2^64 - 1)': () => {
    let bad = 0;
    for (let i = 0; i < N; i++) {
      const v = values[i];
      const a = v.start;
      const b = v.end;
      if (typeof a !== 'bigint' || a < 0n || a > MAX) bad++;
      if (typeof b !== 'bigint' || b < 0n || b > MAX) bad++;
    }
    if (bad) throw new Error('a value out of range');
  },
  'hand-written DataView (baseline)': () => {
    for (let i = 0; i < N; i++) {
      const v = values[i];
      const b = i * 24;
      view.setUint16(b, v.id, true);
      view.setUint16(b + 2, 0, true);
      view.setUint32(b + 4, v.type, true);
      view.setBigUint64(b + 8, v.start, true);
      view.setBigUint64(b + 16, v.end, true);
    }
  },
};

const names = Object.keys(parts);
const ns = Object.fromEntries(names.map((n) => [n, []]));
for (let warm = 0; warm < 5; warm++) for (const n of names) parts[n]();
for (let pass = 0; pass < passes; pass++) {
  for (const n of pass % 2 ? [...names].reverse() : names) {
    const t = process.hrtime.bigint();
    parts[n]();
    ns[n].push(Number(process.hrtime.bigint() - t) / N);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const base = ns['hand-written DataView (baseline)'];
const info = runInfo(root);
console.log(`${info.date}, HEAD ${info.commit}, load average at the end ${info.load}; ${passes} passes of ${N.toLocaleString('en')} records\n`);
console.log('| part | ns/record, median pass | fastest pass | ÷ baseline, per pass: min / median / max |\n| --- | ---: | ---: | ---: |');
for (const n of names) {
  const r = ns[n].map((x, i) => x / base[i]);
  console.log(`| ${n} | ${median(ns[n]).toFixed(1)} | ${Math.min(...ns[n]).toFixed(1)} | ${[Math.min(...r), median(r), Math.max(...r)].map((x) => x.toFixed(2)).join(' / ')} |`);
}
