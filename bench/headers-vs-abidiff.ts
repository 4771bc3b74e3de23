// Benchmark: `xenabi check` on Xen's C headers (header mode) beside libabigail's abidiff.
//
// 1. What each catches: the header mutations of compat-tests/header-mutations (the stable
//    headers the registry declares, as Debian's libxen-dev 4.17 ships them, mutated line by
//    line), judged for xenabi as the test judges them, and for abidiff from GCC builds
//    (x86_64, -g) of a translation unit that includes the tree and exports one function per
//    record tag, compared with `abidiff --no-added-syms`.
// 2. Time: one header-mode check of *every* public header on four architectures (a base tree
//    and a head tree with one #define changed) beside abidiff's one-architecture pipeline on
//    the same headers: two compiles, two abidw, one abidiff. Cold (no cache) and warm (both
//    trees in the header-facts cache) and as a CI job runs it (the base tree cached, the head
//    tree compiled), as processes interleaved round by round: wall time (min, median, max) and
//    the CPU time of each process and its children (median).
//
// Run: npm run build && npx tsx bench/headers-vs-abidiff.ts [--all | --per-kind N] [--timing-only | --mutations-only] [--rounds R] [--before DIR]
// (--before DIR: another checkout of xenabi, built, whose header-mode check is timed in the same rounds.)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { headerMutations, sample, type HeaderMutation } from '../compat-tests/header-mutations/lib/mutations.js';
import { runHeaderMutations, visibility, visibleStable } from '../compat-tests/header-mutations/lib/run.js';
import { registryTree, writeTree, type HeaderText } from '../compat-tests/header-mutations/lib/tree.js';
import { readHeaders, rootHeaders } from '../generators/src/headers/roots.js';
import { treeFacts } from '../generators/src/headers/tree-facts.js';
import { locateHeaderTree } from '../generators/src/headers/tree.js';
import { loadAbi } from '../generators/src/load/index.js';
import { timeProcesses } from './lib/timing.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const perKind = option('--per-kind', 12);
const rounds = option('--rounds', 11);
const XEN = '/usr/include/xen';
const work = mkdtempSync(join(tmpdir(), 'xenabi-headers-abidiff-'));
const GCC = ['-std=gnu11', '-w', '-D__XEN_TOOLS__', '-g', '-O0', '-fno-eliminate-unused-debug-types', '-shared', '-fPIC'];

/** A C file including `roots` of a tree under `include` and exporting one function per record tag. */
function abiUnit(roots: readonly string[], tags: readonly string[]): string {
  return [
    '#include <stdint.h>',
    '#include <stddef.h>',
    ...roots.map((r) => `#include <xen/${r}>`),
    ...tags.map((t, i) => `void xenabi_use_${i}(${t} *p) { (void)p; }`),
    '',
  ].join('\n');
}

/** A folder with a `xen` link to `tree`, for `-isystem`. */
function includeDir(tree: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('ln', ['-sfn', tree, join(dir, 'xen')]);
  } catch {
    // already there
  }
  return dir;
}

function gccBuild(tree: string, unit: string, out: string): boolean {
  const inc = includeDir(tree, `${out}.inc`);
  writeFileSync(`${out}.c`, unit);
  return spawnSync('gcc', [...GCC, '-isystem', inc, '-o', out, `${out}.c`], { stdio: 'ignore' }).status === 0;
}

// ---- 1. What each catches ------------------------------------------------------------------

const { model } = await loadAbi(join(root, 'abi'), root);
if (!args.includes('--timing-only')) await catches();

async function catches(): Promise<void> {
  const files = registryTree(XEN, model);
  const stableHeaders = new Set(model.modules.filter((m) => m.namespace === 'stable').map((m) => m.xenHeader));
  const everything = headerMutations(files, stableHeaders);
  const chosen = args.includes('--all') ? everything : sample(everything, perKind);
  const started = performance.now();
  const run = await runHeaderMutations(files, chosen, model, { dir: join(work, 'xenabi'), repoRoot: root, cache: join(work, 'cache') });
  const xenabiSeconds = (performance.now() - started) / 1000;

  writeTree(join(work, 'abidiff/base'), files);
  const baseFacts = (await treeFacts(locateHeaderTree(join(work, 'abidiff/base')), { cache: join(work, 'cache'), arches: ['x86_64'] })).facts;
  const tags = [...new Set((baseFacts.arches[0]?.records ?? []).filter((r) => r.tag && !r.parent).map((r) => `${r.kind} ${r.tag}`))].sort();
  const roots = rootHeaders(files, 'x86_64');
  const baseObject = join(work, 'abidiff/base.so');
  if (!gccBuild(join(work, 'abidiff/base'), abiUnit(roots, tags), baseObject)) throw new Error('GCC cannot build the unmutated tree');
  const abidiffStarted = performance.now();
  const abidiff = new Map<string, 'flagged' | 'not flagged' | 'build failed'>();
  for (const v of run.verdicts) {
    const m = v.mutation;
    const tree = join(work, 'abidiff/head');
    writeTree(tree, files, { path: m.file, text: m.text });
    const object = join(work, 'abidiff/head.so');
    if (!gccBuild(tree, abiUnit(roots, tags), object)) {
      abidiff.set(m.id, 'build failed');
      continue;
    }
    const status = spawnSync('abidiff', ['--no-added-syms', baseObject, object], { stdio: 'ignore' }).status ?? 1;
    abidiff.set(m.id, status & 12 ? 'flagged' : 'not flagged');
}
const abidiffSeconds = (performance.now() - abidiffStarted) / 1000;

const kinds = [...new Set(run.verdicts.map((v) => v.mutation.kind))].sort();
console.log(`\n${run.verdicts.length} mutations judged (${everything.length} generated, ${everything.filter((m) => visibleStable(m, run.base)).length} on stable items the base shows); xenabi ${xenabiSeconds.toFixed(0)} s, abidiff ${abidiffSeconds.toFixed(0)} s\n`);
const untaken = everything.filter((m) => visibility(m, run.base) === 'untaken line');
console.log(`left out, ${untaken.length} edits of lines the compile does not take: ${untaken.map((m) => `${m.id} (${m.description})`).join(', ')}\n`);
console.log('| kind | verdict | mutations | xenabi check: as expected | abidiff (x86_64): flagged | abidiff: build failed |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const k of kinds) {
  const vs = run.verdicts.filter((v) => v.mutation.kind === k);
  const flagged = vs.filter((v) => abidiff.get(v.mutation.id) === 'flagged').length;
  const failed = vs.filter((v) => abidiff.get(v.mutation.id) === 'build failed').length;
  console.log(`| \`${k}\` | ${vs[0]?.mutation.verdict} | ${vs.length} | ${vs.filter((v) => v.ok).length} | ${flagged} | ${failed} |`);
}
const breaking = run.verdicts.filter((v) => v.mutation.verdict === 'breaking');
const controls = run.verdicts.filter((v) => v.mutation.verdict === 'compatible');
console.log(`\nbreaking: xenabi ${breaking.filter((v) => v.ok).length}/${breaking.length}, abidiff ${breaking.filter((v) => abidiff.get(v.mutation.id) === 'flagged').length}/${breaking.length}; controls: xenabi false alarms ${controls.filter((v) => !v.ok).length}/${controls.length}, abidiff ${controls.filter((v) => abidiff.get(v.mutation.id) === 'flagged').length}/${controls.length}`);
for (const v of run.verdicts.filter((x) => !x.ok)) console.log(`  xenabi wrong: ${v.mutation.id} ${v.mutation.description}: ${v.evidence.join('; ')}`);
}

// ---- 2. Time -------------------------------------------------------------------------------

if (args.includes('--mutations-only')) {
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

const full = join(work, 'time');
cpSync(XEN, join(full, 'base'), { recursive: true });
cpSync(XEN, join(full, 'head'), { recursive: true });
const dmOp = join(full, 'head/hvm/dm_op.h');
writeFileSync(dmOp, readFileSync(dmOp, 'utf8').replace(/(#define XEN_DMOP_nr_vcpus\s+)20/, '$121'));
const allFiles = readHeaders(join(full, 'base'));
const allRoots = rootHeaders(allFiles, 'x86_64').filter((r) => !/^dom0_ops\.h$/.test(r));
const allFacts = (await treeFacts(locateHeaderTree(join(full, 'base')), { cache: false, arches: ['x86_64'] })).facts;
const allTags = [...new Set((allFacts.arches[0]?.records ?? []).filter((r) => r.tag && !r.parent).map((r) => `${r.kind} ${r.tag}`))].sort();
for (const side of ['base', 'head']) {
  includeDir(join(full, side), join(full, `${side}.inc`));
  writeFileSync(join(full, `${side}.c`), abiUnit(allRoots, allTags));
}
const gcc = (side: string) => `gcc ${GCC.join(' ')} -isystem ${full}/${side}.inc -o ${full}/${side}.so ${full}/${side}.c`;
const pipeline = `${gcc('base')} && ${gcc('head')} && abidw ${full}/base.so > ${full}/base.abi && abidw ${full}/head.so > ${full}/head.abi && { abidiff --no-added-syms ${full}/base.abi ${full}/head.abi; test $? -lt 16; }`;
const cli = join(root, 'generators/bin/xenabi.js');
/** A checkout built before a change (`--before DIR`, its `npm run build` done): timed beside this one, in the same rounds. */
const before = args.includes('--before') ? args[args.indexOf('--before') + 1] : undefined;
const checkArgs = (bin: string) => [bin, 'check', '--base-headers', join(full, 'base'), '--head-headers', join(full, 'head'), '--xen-version', '4.17', '--format', 'json', '--registry', join(root, 'abi')];

/** The three ways of running one xenabi's header-mode check, its caches filled first. */
function checkContenders(bin: string, label: string, tag: string) {
  const warmCache = join(full, `${tag}-cache`);
  const baseOnlyCache = join(full, `${tag}-base-cache`);
  const ciCache = join(full, `${tag}-ci-cache`);
  spawnSync('node', checkArgs(bin), { env: { ...process.env, XENABI_CACHE_DIR: warmCache }, stdio: 'ignore' });
  // The base tree's facts alone, as a CI cache holds them after the target branch's first run.
  const baseOnlyArgs = [...checkArgs(bin).slice(0, 3), join(full, 'base'), '--head-headers', join(full, 'base'), ...checkArgs(bin).slice(6)];
  spawnSync('node', baseOnlyArgs, { env: { ...process.env, XENABI_CACHE_DIR: baseOnlyCache }, stdio: 'ignore' });
  const ciRun = `rm -rf ${ciCache} && cp -r ${baseOnlyCache} ${ciCache} && XENABI_CACHE_DIR=${ciCache} node ${checkArgs(bin).join(' ')}`;
  return [
    { name: `${label}, cold (no cache)`, command: 'node', args: checkArgs(bin), env: { XENABI_CACHE_DIR: '' }, okStatus: [1] },
    { name: `${label}, as in CI (base cached, head compiled)`, command: 'sh', args: ['-c', ciRun], okStatus: [1] },
    { name: `${label}, warm (both trees cached)`, command: 'node', args: checkArgs(bin), env: { XENABI_CACHE_DIR: warmCache }, okStatus: [1] },
  ];
}

const ours = checkContenders(cli, 'xenabi check, header mode, 4 architectures', 'now');
const theirs = before ? checkContenders(join(resolve(before), 'generators/bin/xenabi.js'), `before (${before}): xenabi check, header mode, 4 architectures`, 'before') : [];
const timings = timeProcesses([...ours, ...theirs, { name: 'abidiff pipeline, x86_64: gcc ×2, abidw ×2, abidiff', command: 'sh', args: ['-c', pipeline] }], { rounds });
console.log(`\n${allRoots.length} root headers, ${allTags.length} record tags; ${rounds} rounds, interleaved; ${environment()}\n`);
console.log('| contender | min | median | max | CPU, median |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const t of timings) console.log(`| ${t.name} | ${t.minMs.toFixed(0)} ms | ${t.medianMs.toFixed(0)} ms | ${t.maxMs.toFixed(0)} ms | ${t.cpuMedianMs?.toFixed(0) ?? '?'} ms |`);
const pipe = timings.at(-1);
for (const [label, three] of [['now', timings.slice(0, 3)], ['before', timings.slice(3, theirs.length ? 6 : 3)]] as const) {
  const [cold, ci, warm] = three;
  if (!cold || !ci || !warm || !pipe || cold === pipe) continue;
  const ratio = (key: 'medianMs' | 'minMs' | 'cpuMedianMs') => [cold, ci, warm].map((t) => ((pipe[key] ?? NaN) / (t[key] ?? NaN)).toFixed(2)).join(' / ');
  console.log(`\n${label}: abidiff pipeline / xenabi check, cold / as in CI / warm (above 1: xenabi check is faster): wall medians ${ratio('medianMs')}; wall minima ${ratio('minMs')}; CPU medians ${ratio('cpuMedianMs')}`);
}
console.log(`\nThe exact pipeline:\n  ${pipeline}`);
rmSync(work, { recursive: true, force: true });

/** The commit, the date and the tools' versions, for the record in docs/performance.md. */
function environment(): string {
  const first = (cmd: string, a: string[]) => (spawnSync(cmd, a, { cwd: root, encoding: 'utf8' }).stdout ?? '').split('\n')[0]?.trim() ?? '?';
  const dirty = first('git', ['status', '--porcelain', '--untracked-files=no']) ? ' with uncommitted changes' : '';
  const date = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return [`commit ${first('git', ['rev-parse', '--short=10', 'HEAD'])}${dirty}`, date, first('clang', ['--version']), first('gcc', ['--version']), first('abidiff', ['--version']), `load average ${first('cat', ['/proc/loadavg'])}`].join('; ');
}
