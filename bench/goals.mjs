// Benchmark: the speed goals of issue 15, every contender a cold process, interleaved round
// by round in this one process tree so that machine noise hits each alike. Every ratio is
// taken per round (xenabi's time over its peer's in the same round) and reported as
// min / median / max over the rounds:
//   - `xenabi generate` (what a developer runs: caches warm) over bindgen generating Rust
//     for one architecture (x86_64) from Xen's own headers for the same modules (goal ≤ 0.5);
//   - `xenabi generate --force` (no cache at all) over the same bindgen run (goal ≤ 1);
//   - `xenabi check --against REF` of the whole registry over abidiff's one-architecture
//     pipeline on the same Xen headers: gcc twice (base and head) and abidiff (goal ≤ 0.5),
//     once with xenabi's caches warm and once with what it caches for a check emptied first
//     (the ABI bundles, models and sides in node_modules/.cache/xenabi; generate's outputs and
//     export's documents stay);
//   - `xenabi export` minus `node -e 0` (goal ≤ 100 ms);
//   - the peak resident set of `generate --force` (goal ≤ 300 MiB), from GNU time.
//
// With `--baseline DIR` (another checkout, built), its `generate --force`, `check --against`
// (warm and emptied) and `export` run too, in the same rounds, for a before/after comparison
// side by side.
//
// With `--skip-generate`, only the check and export goals run (no generate, no bindgen); a
// baseline then times its check (warm and emptied) and export beside these. With
// `--generate-only`, only the generate goals run (generate, its --force, bindgen); a baseline
// then times its generate and --force beside these.
//
// Run: npm run build && node bench/goals.mjs [--rounds N] [--against REF] [--baseline DIR] [--skip-generate | --generate-only]      (9 rounds ≈ 1–2 min)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, timeProcessesWithMemory } from './lib/timing.mjs';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const xenabi = join(root, 'generators/bin/xenabi.js');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const rounds = Number(option('--rounds', 9));
const against = option('--against', 'HEAD');
const baseline = option('--baseline', undefined);
// Only the check and export goals (no generate, no bindgen): a few minutes less per run.
const skipGenerate = args.includes('--skip-generate');
// Only the generate goals (no check, abidiff or export).
const generateOnly = args.includes('--generate-only');
if (skipGenerate && generateOnly) throw new Error('--skip-generate and --generate-only exclude each other');
const work = mkdtempSync(join(tmpdir(), 'xenabi-goals-'));
const cacheDir = join(root, 'node_modules/.cache/xenabi');

/** Xen's public headers for every module the registry declares (abi/stable, abi/unstable, abi/linux). */
const HEADERS = [
  'xen/xen.h', 'xen/hvm/dm_op.h', 'xen/event_channel.h', 'xen/argo.h', 'xen/grant_table.h', 'xen/arch-x86/hvm/start_info.h',
  'xen/hvm/ioreq.h', 'xen/io/xenbus.h', 'xen/io/xs_wire.h', 'xen/domctl.h',
  'xen/evtchn.h', 'xen/gntalloc.h', 'xen/gntdev.h', 'xen/privcmd.h',
];
const includes = ['#include <stddef.h>', '#include <stdint.h>', '#include <sys/ioctl.h>', ...HEADERS.map((h) => `#include <${h}>`)];
const header = join(work, 'xen-covered.h');
writeFileSync(header, `${includes.join('\n')}\n`);
// Linux's privcmd.h includes the kernel's own <xen/interface/xen.h>: Xen's public headers stand
// in for it (xenbus_dev.h is not in Debian's linux-libc-dev, so that module has no peer here).
mkdirSync(join(work, 'shim/xen/interface'), { recursive: true });
writeFileSync(join(work, 'shim/xen/interface/xen.h'), '#include <stddef.h>\n#include <xen/xen.h>\n#include <xen/grant_table.h>\n');
const cflags = `-D__XEN_TOOLS__ -isystem ${join(work, 'shim')}`;

// abidiff sees the types reachable from exported functions: one per record of the registry
// that Xen's headers declare under the same tag on x86_64.
const exported = JSON.parse(execFileSync(process.execPath, [xenabi, 'export', '--root', root], { encoding: 'utf8', maxBuffer: 1 << 28 }));
const preprocessed = execFileSync('gcc', ['-E', ...cflags.split(' '), '-x', 'c', header], { encoding: 'utf8', maxBuffer: 1 << 28 });
const tags = Object.keys(exported.records).filter((name) => new RegExp(`\\bstruct\\s+${name}\\s*\\{`).test(preprocessed));
const unit = join(work, 'tu.c');
writeFileSync(unit, [...includes, ...tags.map((t, i) => `void xenabi_bench_${i}(struct ${t} *p) { (void)p; }`), ''].join('\n'));
const gcc = (object) => `gcc -shared -fPIC -g -O0 -fno-eliminate-unused-debug-types -std=gnu11 -w ${cflags} -o ${object} ${unit}`;
const abidiffPipeline = `${gcc(join(work, 'base.so'))} && ${gcc(join(work, 'head.so'))} && abidiff --no-added-syms ${join(work, 'base.so')} ${join(work, 'head.so')}`;

const node = (name, argv, extra = {}) => ({ name, command: process.execPath, args: argv, cwd: root, ...extra });
const bindgenVersion = skipGenerate ? undefined : execFileSync('bindgen', ['--version'], { encoding: 'utf8' }).trim();
/** `check --against` of the tree at `dir` with its caches for a check emptied first (a fresh CI clone), and warm. */
const checks = (dir, label) => {
  const bin = join(dir, 'generators/bin/xenabi.js');
  const cache = join(dir, 'node_modules/.cache/xenabi');
  return [
    // What a check caches: the bundles, the models and the sides; not export's documents, which a check neither reads nor writes.
    ['checkEmpty', { name: `xenabi check --against REF, caches emptied first${label}`, command: 'sh', args: ['-c', `find '${cache}' -maxdepth 1 \\( -name 'abi-bundle-*' -o -name 'abi-model-*' \\) ! -name 'abi-model-strict-export-*' -delete && exec '${process.execPath}' '${bin}' check --against '${against}' --root '${dir}' --format json`], cwd: dir, okStatus: [0, 1] }],
    ['check', node(`xenabi check --against REF${label}`, [bin, 'check', '--against', against, '--root', dir, '--format', 'json'], { cwd: dir, okStatus: [0, 1] })],
  ];
};
// Keyed contenders; a baseline's (another checkout, built) run in the same rounds under `before.KEY`.
const contenders = [
  ...(generateOnly ? [] : checks(root, '')),
  ...(skipGenerate ? [] : [
    ['generate', node('xenabi generate', [xenabi, 'generate', '--root', root])],
    ['force', node('xenabi generate --force', [xenabi, 'generate', '--force', '--root', root])],
    ['bindgen', { name: `${bindgenVersion}, Rust for x86_64`, command: 'bindgen', args: [header, '-o', join(work, 'out.rs'), '--', ...cflags.split(' '), '--target=x86_64-linux-gnu'], cwd: work }],
  ]),
  ...(generateOnly ? [] : [
    ['abidiff', { name: 'abidiff pipeline, x86_64: gcc ×2 + abidiff', command: 'sh', args: ['-c', abidiffPipeline], cwd: work }],
    ['export', node('xenabi export', [xenabi, 'export', '--root', root])],
    ['node', node('node -e 0', ['-e', '0'])],
  ]),
  ...(baseline
    ? [
        ...(generateOnly ? [] : [
          ...checks(baseline, ` at ${baseline}`).map(([k, c]) => [`before.${k}`, c]),
          ['before.export', node(`xenabi export at ${baseline}`, [join(baseline, 'generators/bin/xenabi.js'), 'export', '--root', baseline], { cwd: baseline })],
        ]),
        ...(skipGenerate ? [] : [
          ...(generateOnly ? [['before.generate', node(`xenabi generate at ${baseline}`, [join(baseline, 'generators/bin/xenabi.js'), 'generate', '--root', baseline], { cwd: baseline })]] : []),
          ['before.force', node(`xenabi generate --force at ${baseline}`, [join(baseline, 'generators/bin/xenabi.js'), 'generate', '--force', '--root', baseline], { cwd: baseline })],
        ]),
      ]
    : []),
];
const results = timeProcessesWithMemory(contenders.map(([, c]) => c), { rounds, rssFile: join(work, 'rss') });
const by = Object.fromEntries(results.map((r, i) => [contenders[i][0], r]));

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== '';
const load = execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
console.log(`${new Date().toISOString().slice(0, 16)}Z, HEAD ${commit}${dirty ? ' (with uncommitted changes)' : ''}, ${rounds} rounds after 2 warm-up rounds, load average at the end ${load}`);
console.log(`--against ${against}; abidiff's translation unit exports ${tags.length} records of the registry found in Xen's headers\n`);
const f = (ms) => `${ms.toFixed(0)}`;
console.log('| contender | min ms | median ms | max ms | CPU, median ms | peak RSS, median (max) |\n| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) console.log(`| ${r.name} | ${f(r.minMs)} | ${f(r.medianMs)} | ${f(r.maxMs)} | ${f(r.medianCpuMs)} | ${r.medianRssMiB.toFixed(0)} MiB (${r.maxRssMiB.toFixed(0)}) |`);

/** min / median / max over the rounds of a per-round figure. */
const spread = (values, digits) => [Math.min(...values), median(values), Math.max(...values)].map((v) => v.toFixed(digits)).join(' / ');
const perRound = (a, b, op) => a.samples.map((x, i) => op(x, b.samples[i]));
const ratio = (a, b) => perRound(a, b, (x, y) => x / y);
/** The same per round, on CPU time (user + system): what a loaded machine inflates far less than wall time. */
const cpuPerRound = (a, b, op) => a.cpuSamples.map((x, i) => op(x, b.cpuSamples[i]));
const goals = [
  ...(skipGenerate ? [] : [
    ['cached `generate` ÷ bindgen', ratio(by.generate, by.bindgen), 2, (m) => m <= 0.5, '≤ 0.5'],
    ['`generate --force` ÷ bindgen', ratio(by.force, by.bindgen), 2, (m) => m <= 1, '≤ 1'],
    ['CPU: cached `generate` ÷ bindgen', cpuPerRound(by.generate, by.bindgen, (x, y) => x / Math.max(y, 10)), 2, (m) => m <= 0.5, '≤ 0.5'],
    ['CPU: `generate --force` ÷ bindgen', cpuPerRound(by.force, by.bindgen, (x, y) => x / Math.max(y, 10)), 2, (m) => m <= 1, '≤ 1'],
  ]),
  ...(generateOnly ? [] : checkGoals()),
  ...(baseline ? baselineGoals() : []),
];
/** The check and export goals. */
function checkGoals() {
  return [
  ['`check --against` ÷ abidiff pipeline (caches warm)', ratio(by.check, by.abidiff), 2, (m) => m <= 0.5, '≤ 0.5'],
  ['`check --against` ÷ abidiff pipeline (caches emptied)', ratio(by.checkEmpty, by.abidiff), 2, (m) => m <= 0.5, '≤ 0.5'],
  ['`export` − `node -e 0` (ms)', perRound(by.export, by.node, (x, y) => x - y), 0, (m) => m <= 100, '≤ 100'],
  ['CPU: `check --against` ÷ abidiff pipeline (caches warm)', cpuPerRound(by.check, by.abidiff, (x, y) => x / Math.max(y, 10)), 2, (m) => m <= 0.5, '≤ 0.5'],
  ['CPU: `check --against` ÷ abidiff pipeline (caches emptied)', cpuPerRound(by.checkEmpty, by.abidiff, (x, y) => x / Math.max(y, 10)), 2, (m) => m <= 0.5, '≤ 0.5'],
  ['CPU: `export` − `node -e 0` (ms)', cpuPerRound(by.export, by.node, (x, y) => x - y), 0, (m) => m <= 100, '≤ 100'],
  ];
}
/** The baseline's goals, and this tree's figures over the baseline's. */
function baselineGoals() {
  if (generateOnly) {
    return [
      [`baseline: cached \`generate\` at ${baseline} ÷ bindgen`, ratio(by['before.generate'], by.bindgen), 2, (m) => m <= 0.5, '≤ 0.5'],
      [`CPU: baseline's cached \`generate\` at ${baseline} ÷ bindgen`, cpuPerRound(by['before.generate'], by.bindgen, (x, y) => x / Math.max(y, 10)), 2, (m) => m <= 0.5, '≤ 0.5'],
      [`baseline: \`generate --force\` at ${baseline} ÷ bindgen`, ratio(by['before.force'], by.bindgen), 2, (m) => m <= 1, '≤ 1'],
      ['cached `generate` ÷ the baseline\'s', ratio(by.generate, by['before.generate']), 2, () => true, '—'],
      ['`generate --force` ÷ the baseline\'s', ratio(by.force, by['before.force']), 2, () => true, '—'],
    ];
  }
  return [
        [`baseline: \`check --against\` at ${baseline} ÷ abidiff (caches warm)`, ratio(by['before.check'], by.abidiff), 2, (m) => m <= 0.5, '≤ 0.5'],
        [`baseline: \`check --against\` at ${baseline} ÷ abidiff (caches emptied)`, ratio(by['before.checkEmpty'], by.abidiff), 2, (m) => m <= 0.5, '≤ 0.5'],
        [`baseline: \`export\` at ${baseline} − \`node -e 0\` (ms)`, perRound(by['before.export'], by.node, (x, y) => x - y), 0, (m) => m <= 100, '≤ 100'],
        [`\`check --against\` ÷ the baseline's (caches warm)`, ratio(by.check, by['before.check']), 2, () => true, '—'],
        [`\`check --against\` ÷ the baseline's (caches emptied)`, ratio(by.checkEmpty, by['before.checkEmpty']), 2, () => true, '—'],
        [`\`export\` ÷ the baseline's`, ratio(by.export, by['before.export']), 2, () => true, '—'],
        [`CPU: \`check --against\` at ${baseline} ÷ abidiff (caches warm)`, cpuPerRound(by['before.check'], by.abidiff, (x, y) => x / Math.max(y, 10)), 2, (m) => m <= 0.5, '≤ 0.5'],
        [`CPU: \`check --against\` at ${baseline} ÷ abidiff (caches emptied)`, cpuPerRound(by['before.checkEmpty'], by.abidiff, (x, y) => x / Math.max(y, 10)), 2, (m) => m <= 0.5, '≤ 0.5'],
        [`CPU: \`export\` at ${baseline} − \`node -e 0\` (ms)`, cpuPerRound(by['before.export'], by.node, (x, y) => x - y), 0, (m) => m <= 100, '≤ 100'],
        ...(skipGenerate ? [] : [[`baseline: \`generate --force\` at ${baseline} ÷ bindgen`, ratio(by['before.force'], by.bindgen), 2, (m) => m <= 1, '≤ 1']]),
  ];
}
console.log('\nPer-round figures, min / median / max (a goal is judged on the median):\n');
console.log('| goal | min / median / max | target | |\n| --- | ---: | ---: | --- |');
for (const [name, values, digits, met, target] of goals) console.log(`| ${name} | ${spread(values, digits)} | ${target} | ${target === '—' ? '' : met(median(values)) ? 'met' : 'missed'} |`);
if (by['before.force']) console.log(`| baseline: peak RSS of its \`generate --force\` (MiB) | ${by['before.force'].medianRssMiB.toFixed(0)} median, ${by['before.force'].maxRssMiB.toFixed(0)} max | ≤ 300 | ${by['before.force'].maxRssMiB <= 300 ? 'met' : 'missed'} |`);
if (by.force) {
  const rss = by.force.maxRssMiB;
  console.log(`| peak RSS of \`generate --force\` (MiB, max over rounds) | ${by.force.samples.length} runs: ${by.force.medianRssMiB.toFixed(0)} median, ${rss.toFixed(0)} max | ≤ 300 | ${rss <= 300 ? 'met' : 'missed'} |`);
}
console.log(`\nCommands (cwd ${root}, then ${work}):`);
for (const [, c] of contenders) console.log(`  ${[c.command, ...c.args].join(' ')}`);
rmSync(work, { recursive: true, force: true });
