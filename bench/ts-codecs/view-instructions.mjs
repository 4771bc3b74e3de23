// Machine instructions per record of the view loops: xenabi's and the hand-written DataView
// baseline's, counted by valgrind's cachegrind, so the figure does not move with the load of a
// shared machine as wall time does (the per-pass ratios of run.mjs spread up to 100× at load 15).
// The loops are the `view` workloads of contenders/xenabi.mjs and contenders/dataview.mjs, run
// over bytes xenabi encoded from data.mjs's values.
//
//   node bench/ts-codecs/view-instructions.mjs [--kinds range,argo,dmop] [--dist DIR] [--passes 40]
//
// Each (contender, kind) runs twice under `valgrind --tool=cachegrind --cache-sim=no` with V8 on
// one thread (`--single-threaded`: no concurrent compilation, so the optimised code is the same
// from run to run): once after the warm-up only, once with `--passes` more passes of 100,000
// records (at least 20 passes: the fixed cost of a run moves by millions of instructions); the
// difference over the records is the figure. Repeats agreed within 1 instruction
// per record (with V8's compiler threads on, the same build gave 80 and 128). An instruction
// count is not a time (the baseline's loop has fewer dependent loads, so it also runs more
// instructions per cycle), but it says what a change to the emitter removed. `--dist` points the
// xenabi loops at another build (e.g. a copy of packages/ts-bindings/dist from before a change).
// Without valgrind the script exits 2.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const N = 100_000;
const WARMUP = 30;
const here = new URL('.', import.meta.url).pathname;
const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

if (args[0] === '--child') {
  const [, kind, contender, passes, dist] = args;
  await child(kind, contender, Number(passes), dist);
} else {
  parent();
}

/** Runs one contender's view loop `WARMUP + passes` times over N records of `kind`. */
async function child(kind, contender, passes, dist) {
  const { RECORDS, makeValues } = await import('./data.mjs');
  const lib = (m) => (dist ? import(pathToFileURL(resolve(dist, m)).href) : import(`@xenabi/ts-bindings/${m.replace(/\.js$/, '')}`));
  const dm = await lib('stable/dm_op.js');
  const argo = await lib('stable/argo.js');
  const { size } = RECORDS[kind];
  const buf = new Uint8Array(N * size);
  const values = makeValues(kind, N);
  for (let i = 0; i < N; i++) {
    const o = { arch: 'x86_64', offset: i * size };
    if (kind === 'range') dm.xen_dm_op_ioreq_server_range.encodeInto(values[i], buf, o);
    else if (kind === 'argo') argo.xen_argo_ring_message_header.encodeInto(values[i], buf, o);
    else buf.set(dm.encodeDmOp(values[i], o), o.offset);
  }
  // The xenabi contender imports the package by name; with --dist, run the same loop text over that build.
  const run = contender === 'xenabi' && dist ? (await import('./contenders/xenabi.mjs')).viewLoops({ RANGE: dm.xen_dm_op_ioreq_server_range, ARGO: argo.xen_argo_ring_message_header, DMOP: dm.xen_dm_op })[kind] : (await import(`./contenders/${contender}.mjs`)).default.records[kind].find((w) => w.workload === 'view').run;
  for (let i = 0; i < WARMUP + passes; i++) run({ buf, n: N });
}


/** Total instructions of one child run under cachegrind. */
function instructions(kind, contender, passes, dist) {
  const r = spawnSync(
    'valgrind',
    ['--tool=cachegrind', '--cache-sim=no', '--smc-check=all-non-file', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', new URL(import.meta.url).pathname, '--child', kind, contender, String(passes), ...(dist ? [dist] : [])],
    { cwd: here, encoding: 'utf8', maxBuffer: 16 << 20 },
  );
  const m = /I\s+refs:\s+([\d,]+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) throw new Error(`${contender} ${kind}: valgrind failed (${r.status}):\n${r.stderr?.slice(-2000)}`);
  return Number(m[1].replaceAll(',', ''));
}

function parent() {
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.error('view-instructions: valgrind is not installed; it counts the instructions (apt-get install valgrind)');
    process.exit(2);
  }
  const kinds = (flag('--kinds') ?? 'range,argo,dmop').split(',');
  const passes = Number(flag('--passes') ?? 40);
  if (!(passes >= 20)) {
    // The fixed cost of a run (start-up, warm-up, compilation, collections) moves by millions of
    // instructions between runs: with 5 passes an Argo figure came out negative.
    console.error(`view-instructions: --passes ${flag('--passes')}: use 20 or more (2 million records), or the runs' fixed cost swamps the loop`);
    process.exit(2);
  }
  const dist = flag('--dist') && resolve(flag('--dist'));
  const rows = [];
  for (const kind of kinds) {
    const per = {};
    for (const contender of ['xenabi', 'dataview']) {
      const base = instructions(kind, contender, 0, dist);
      const more = instructions(kind, contender, passes, dist);
      per[contender] = (more - base) / (passes * N);
    }
    rows.push(`| ${kind} | ${per.xenabi.toFixed(0)} | ${per.dataview.toFixed(0)} | ${(per.xenabi / per.dataview).toFixed(2)} |`);
    process.stderr.write(`${kind} done\n`);
  }
  console.log(['| record | xenabi view, instructions/record | DataView baseline | ratio |', '| --- | ---: | ---: | ---: |', ...rows].join('\n'));
}
