// Benchmark: `xenabi check` beside libabigail's abidiff on the mutation suite of the stable
// ABI (compat-tests/mutations). Each mutant is rendered as C headers by the real C emitter,
// compiled for x86_64 with GCC into a shared object whose exported functions take a pointer
// to every stable record and typedef, and compared with the unmutated object by abidiff.
// Then the two pipelines are timed side by side as cold processes.
//
// Run: npx tsx bench/mutations-vs-abidiff.ts [--all | --per-kind N] [--rounds R] [--jobs J]
//   --all         every mutation (default: a deterministic stratified sample, N per kind)
//   --per-kind N  the sample's size per mutation kind (default 12), evenly spaced in the kind's list
//   --rounds R    timing rounds (default 11); --jobs J parallel builds (default: the cores)
//   --timing-only only the timing (the probe mutation is chosen from the sample as usual)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { View } from '../compat-tests/mutations/lib/edit.js';
import { generateMutations } from '../compat-tests/mutations/lib/generate.js';
import { runMutation, sideOfView } from '../compat-tests/mutations/lib/judge.js';
import { checkAbi } from '../generators/src/check/index.js';
import type { Mutation } from '../compat-tests/mutations/lib/types.js';
import { exportAbi } from '../generators/src/export/abi-json.js';
import { loadAbi } from '../generators/src/load/index.js';
import { NEWEST_RELEASE } from '../generators/src/model/releases.js';
import { atRelease } from '../generators/src/select/release.js';
import { archSource, gccArgs, prepare, run, type Build } from './lib/c-abi-object.js';
import { formatSpread, roundRatios, runInfo, timeProcesses, type Timing } from './lib/timing.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const everything = args.includes('--all');
const timingOnly = args.includes('--timing-only');
const perKind = option('--per-kind', 12);
const rounds = option('--rounds', 11);
const jobs = option('--jobs', availableParallelism());
const work = mkdtempSync(join(tmpdir(), 'xenabi-abidiff-'));

/** Added functions (a new record's) are not a break: abidiff would otherwise flag every addition. */
const ABIDIFF = ['--no-added-syms'];
/** The other architectures' compilers, for timing abidiff's pipeline on all four like ours. */
const CROSS = { 'i686-linux-gnu-gcc': 'x86_32', 'aarch64-linux-gnu-gcc': 'arm64', 'arm-linux-gnueabihf-gcc': 'arm32' } as const;

// ---- abidiff over the mutants ---------------------------------------------------------------

/** What abidiff said, or why it could not run: the C emitter refused the mutant, GCC failed, abidiff failed. */
type AbidiffOutcome = 'change' | 'incompatible' | 'none' | 'not-rendered' | 'build-failed' | 'error';

async function abidiffMutant(base: Build, view: View, m: Mutation, index: number): Promise<AbidiffOutcome> {
  const dir = join(work, `m${index}`);
  mkdirSync(dir, { recursive: true });
  try {
    let b: Build;
    try {
      b = await prepare(m.apply(view), dir);
    } catch {
      // A mutant whose items are used before the release they now claim has no headers for
      // the older releases the C emitter also declares; validation would reject it too.
      return 'not-rendered';
    }
    const built = await run('gcc', gccArgs(b));
    if (built.code !== 0) return 'build-failed';
    const { code } = await run('abidiff', [...ABIDIFF, base.object, b.object]);
    if (code & 3) return 'error';
    return code & 8 ? 'incompatible' : code & 4 ? 'change' : 'none';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pool<T, R>(items: readonly T[], width: number, each: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await each(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, worker));
  return out;
}

/** Every mutation, or `n` per kind evenly spaced through the kind's list (always its first). */
function sample(all: Mutation[], n: number): Mutation[] {
  const kinds = [...new Set(all.map((m) => m.kind))];
  return kinds.flatMap((kind) => {
    const list = all.filter((m) => m.kind === kind);
    if (list.length <= n) return list;
    return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)] as Mutation);
  });
}

// ---- Main -----------------------------------------------------------------------------------

const { model } = await loadAbi(join(root, 'abi'), root);
const view = atRelease(model, NEWEST_RELEASE);
const all = generateMutations(view);
const chosen = everything ? all : sample(all, perKind);
const abidiffVersion = execFileSync('abidiff', ['--version'], { encoding: 'utf8' }).trim();
const gccVersion = execFileSync('gcc', ['-dumpfullversion'], { encoding: 'utf8' }).trim();
console.log(`${chosen.length} of ${all.length} mutations (${everything ? 'all' : `stratified sample, up to ${perKind} per kind`}); ${abidiffVersion}, gcc ${gccVersion}, ${jobs} jobs, ${cpus().length} cores`);

const base = await prepare(view, join(work, 'base'));
const baseBuilt = await run('gcc', gccArgs(base));
if (baseBuilt.code !== 0) throw new Error(`the unmutated headers do not build:\n${baseBuilt.out}`);
const baseSide = sideOfView(view, 'abi/');
if (!timingOnly) await verdicts();

/** What each tool says of every chosen mutation, and the time each took. */
async function verdicts(): Promise<void> {
  let started = performance.now();
  const ours = chosen.map((m) => runMutation(baseSide, view, m));
  const oursSeconds = (performance.now() - started) / 1000;

  const self = await run('abidiff', [...ABIDIFF, base.object, base.object]);
  if (self.code !== 0) throw new Error(`abidiff finds changes between the base and itself (${self.code})`);
  started = performance.now();
  const theirs = await pool(chosen, jobs, (m, i) => abidiffMutant(base, view, m, i));
  const theirsSeconds = (performance.now() - started) / 1000;

  // ---- Counts ---------------------------------------------------------------------------------

  interface Tally {
    kind: string;
    breaking: number;
    oursCaught: number;
    abidiffCaught: number;
    compatible: number;
    oursFlagged: number;
    abidiffFlagged: number;
    buildFailed: number;
    notRendered: number;
  }

  const tallies = new Map<string, Tally>();
  const abidiffOnly: string[] = [];
  chosen.forEach((m, i) => {
    const t = tallies.get(m.kind) ?? { kind: m.kind, breaking: 0, oursCaught: 0, abidiffCaught: 0, compatible: 0, oursFlagged: 0, abidiffFlagged: 0, buildFailed: 0, notRendered: 0 };
    const flagged = theirs[i] === 'change' || theirs[i] === 'incompatible';
    const ok = ours[i]?.ok === true;
    if (theirs[i] === 'build-failed' || theirs[i] === 'error') t.buildFailed++;
    if (theirs[i] === 'not-rendered') t.notRendered++;
    if (m.verdict === 'breaking') {
      t.breaking++;
      if (ok) t.oursCaught++;
      if (flagged) t.abidiffCaught++;
      if (flagged && !ok) abidiffOnly.push(m.id);
    } else {
      t.compatible++;
      if (!ok) t.oursFlagged++;
      if (flagged) t.abidiffFlagged++;
    }
    tallies.set(m.kind, t);
  });
  const rows = [...tallies.values()];
  const total = rows.reduce(
    (s, r) => ({ ...s, breaking: s.breaking + r.breaking, oursCaught: s.oursCaught + r.oursCaught, abidiffCaught: s.abidiffCaught + r.abidiffCaught, compatible: s.compatible + r.compatible, oursFlagged: s.oursFlagged + r.oursFlagged, abidiffFlagged: s.abidiffFlagged + r.abidiffFlagged, buildFailed: s.buildFailed + r.buildFailed, notRendered: s.notRendered + r.notRendered }),
    { kind: '**all**', breaking: 0, oursCaught: 0, abidiffCaught: 0, compatible: 0, oursFlagged: 0, abidiffFlagged: 0, buildFailed: 0, notRendered: 0 },
  );
  console.log('\n| kind | breaking | xenabi check caught | abidiff caught | compatible | xenabi check flagged | abidiff flagged | no C headers | C build failed |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of [...rows, total]) console.log(`| ${r.kind} | ${r.breaking} | ${r.oursCaught} | ${r.abidiffCaught} | ${r.compatible} | ${r.oursFlagged} | ${r.abidiffFlagged} | ${r.notRendered} | ${r.buildFailed} |`);
  console.log(`\nabidiff caught a break xenabi check missed: ${abidiffOnly.length ? abidiffOnly.join(', ') : 'never'}`);
  const missed = chosen.filter((m, i) => m.verdict === 'breaking' && theirs[i] !== 'change' && theirs[i] !== 'incompatible');
  console.log(`breaking mutations abidiff did not flag: ${missed.length} (${[...new Set(missed.map((m) => m.kind))].join(', ')})`);
  const falseAlarms = chosen.filter((m, i) => m.verdict !== 'breaking' && (theirs[i] === 'change' || theirs[i] === 'incompatible'));
  console.log(`compatible mutations abidiff flagged: ${falseAlarms.map((m) => m.id).join(', ') || 'none'}`);
  // One full check in-process (warm): the mutant's side from its model on four architectures, then checkAbi.
  const probeView = (chosen.find((m) => m.id.startsWith('field.widen:')) ?? (chosen[0] as Mutation)).apply(view);
  const inProcess = Array.from({ length: 41 }, () => {
    const t = performance.now();
    checkAbi(baseSide, sideOfView(probeView, 'head'));
    return performance.now() - t;
  }).sort((a, b) => a - b)[20] as number;
  console.log(`one full check in-process (warm, side of the mutant on 4 arches + checkAbi): median ${inProcess.toFixed(1)} ms`);
  console.log(`verdict time: xenabi check in-process ${oursSeconds.toFixed(1)} s; abidiff (render, gcc, abidiff per mutant, ${jobs} jobs) ${theirsSeconds.toFixed(1)} s`);
}

// ---- Timing: one full check as a cold process, beside abidiff's pipeline for one arch -----

const probe = chosen.find((m) => m.id.startsWith('field.widen:')) ?? (chosen[0] as Mutation);
const head = await prepare(probe.apply(view), join(work, 'head'));
const baseJson = join(work, 'base.json');
const headJson = join(work, 'head.json');
writeFileSync(baseJson, JSON.stringify(exportAbi(view, 'all')));
writeFileSync(headJson, JSON.stringify(exportAbi(atRelease(probe.apply(view), NEWEST_RELEASE), 'all')));
const baseXml = join(work, 'base.abi');
writeFileSync(baseXml, execFileSync('abidw', [base.object], { encoding: 'utf8', maxBuffer: 1 << 28 }));
const xenabi = join(root, 'generators/bin/xenabi.js');
const sh = (script: string) => ({ command: 'sh', args: ['-c', script], cwd: work });
const abidiff = `abidiff ${ABIDIFF.join(' ')}`;
const pipeline = `gcc ${gccArgs(base).join(' ')} && gcc ${gccArgs(head).join(' ')} && { ${abidiff} ${base.object} ${head.object}; test $? -ge 4; }`;
const againstXml = `gcc ${gccArgs(head).join(' ')} && { ${abidiff} ${baseXml} ${head.object}; test $? -ge 4; }`;
// The same pipeline for x86_32, arm64 and arm32 too: x86_64's run, then each cross compiler's.
const crossObject = (b: Build, cc: string) => b.object.replace(/abi\.so$/, `${cc}.so`);
// Each architecture compiles its own translation unit: a cross compiler sees only its records.
const crossPipeline = ([cc, arch]: [string, (typeof CROSS)[keyof typeof CROSS]]) =>
  `${cc} ${gccArgs(base, crossObject(base, cc), archSource(view, base, arch)).join(' ')} && ${cc} ${gccArgs(head, crossObject(head, cc), archSource(probe.apply(view), head, arch)).join(' ')} && { ${abidiff} ${crossObject(base, cc)} ${crossObject(head, cc)}; test $? -ge 4; }`;
const fourArches = [pipeline, ...Object.entries(CROSS).map(crossPipeline)].join(' && ');
const timed = timeProcesses(
  [
    { name: 'xenabi check, export JSON → export JSON (4 arches)', command: process.execPath, args: [xenabi, 'check', '--base', baseJson, '--head', headJson, '--format', 'json'], cwd: work, okStatus: [1] },
    { name: 'xenabi check, baseline → abi/ (CI default, 4 arches)', command: process.execPath, args: [xenabi, 'check', '--root', root, '--format', 'json'], cwd: root, okStatus: [0, 1] },
    { name: 'abidiff pipeline: gcc ×2 + abidiff (x86_64)', ...sh(pipeline) },
    { name: 'abidiff vs stored abidw XML: gcc + abidiff (x86_64)', ...sh(againstXml) },
    { name: 'abidiff pipeline on all 4 arches (gcc + 3 cross gcc)', ...sh(fourArches) },
  ],
  { rounds },
);
const info = runInfo(root);
console.log(`\nTiming (probe mutation ${probe.id}; ${rounds} rounds interleaved after 2 warm-up rounds; ${info.date}, HEAD ${info.commit}, load average at the end ${info.load}):\n`);
console.log('| contender | min | median | max |\n| --- | ---: | ---: | ---: |');
for (const r of timed) console.log(`| ${r.name} | ${r.minMs.toFixed(0)} ms | ${r.medianMs.toFixed(0)} ms | ${r.maxMs.toFixed(0)} ms |`);
const [exportCheck, ciCheck, fullPipe, xmlPipe, fourPipe] = timed as [Timing, Timing, Timing, Timing, Timing];
console.log('\nPer round, xenabi check ÷ abidiff (below 1: xenabi check is faster), min / median / max:\n');
console.log('| xenabi check | ÷ abidiff pipeline (x86_64) | ÷ abidiff vs stored XML (x86_64) | ÷ abidiff pipeline, 4 arches |\n| --- | ---: | ---: | ---: |');
for (const [name, ours] of [['export JSON → export JSON', exportCheck], ['baseline → abi/ (CI default)', ciCheck]] as const) {
  console.log(`| ${name} | ${formatSpread(roundRatios(ours, fullPipe))} | ${formatSpread(roundRatios(ours, xmlPipe))} | ${formatSpread(roundRatios(ours, fourPipe))} |`);
}
console.log(`\nCommands:\n  ${process.execPath} ${xenabi} check --base base.json --head head.json --format json\n  ${process.execPath} ${xenabi} check --root ${root} --format json\n  ${pipeline}\n  ${againstXml}\n  ${fourArches}`);
rmSync(work, { recursive: true, force: true });
