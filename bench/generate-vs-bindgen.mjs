// Benchmark: `xenabi generate` of every output for four architectures, as a cold process,
// beside Debian's bindgen generating Rust for one architecture (x86_64) from Xen's real
// headers for the same modules. The contenders, interleaved round by round:
//   - `xenabi generate`: what a developer runs; the TypeScript emitter is reused from its
//     committed manifest while nothing it depends on changed (generate/cache.ts), and the ABI
//     bundle from node_modules/.cache while abi/ and the DSL are unchanged (load/bundle-cache.ts);
//   - `xenabi generate --force`: no cache at all: esbuild bundles abi/, and every emitter
//     runs, the TypeScript one included (it prints the package; the type-check is the tests'
//     job, or `--typecheck`'s);
//   - bindgen, and `node -e 0` for Node's own start-up.
// Then the time of each phase of a cold `generate` (and of `generate --force`), measured in
// fresh processes that run the phases one after another: the CLI loads the emitters while
// the ABI loads, so the phases add up to a little more than the run.
//
// Run: node bench/generate-vs-bindgen.mjs [rounds]        (needs `npm run build`; 15 rounds ≈ 3 min)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { median, timeProcesses } from './lib/timing.mjs';

const root = new URL('..', import.meta.url).pathname;
const xenabi = join(root, 'generators/bin/xenabi.js');

if (process.argv.includes('--phases')) {
  process.stdout.write(`${JSON.stringify(await phases(process.argv.includes('--force')))}\n`);
  process.exit(0);
}

const rounds = Number(process.argv[2] ?? 15);
const work = mkdtempSync(join(tmpdir(), 'xenabi-bench-'));
const header = join(work, 'xen-covered.h');
writeFileSync(
  header,
  ['#include <stdint.h>', '#include <xen/xen.h>', '#include <xen/hvm/dm_op.h>', '#include <xen/event_channel.h>', '#include <xen/argo.h>',
    '#include <xen/arch-x86/hvm/start_info.h>', '#include <xen/hvm/ioreq.h>', '#include <xen/domctl.h>', ''].join('\n'),
);
const bindgenVersion = execFileSync('bindgen', ['--version'], { encoding: 'utf8' }).trim();
const results = timeProcesses(
  [
    { name: 'xenabi generate (all outputs, 4 arches; TS output and ABI bundle cached)', command: process.execPath, args: [xenabi, 'generate', '--root', root], cwd: root },
    { name: 'xenabi generate --force (no cache: esbuild, every emitter, TS type-check)', command: process.execPath, args: [xenabi, 'generate', '--force', '--root', root], cwd: root },
    { name: `${bindgenVersion} (Rust, x86_64 only)`, command: 'bindgen', args: [header, '-o', join(work, 'out.rs'), '--', '-D__XEN_TOOLS__', '--target=x86_64-linux-gnu'], cwd: work },
    { name: 'node -e 0 (Node start-up alone)', command: process.execPath, args: ['-e', '0'], cwd: work },
  ],
  { rounds },
);
const [cached, forced, peer] = results;
console.log(`Cold processes, ${rounds} rounds interleaved (after 2 warm-up rounds):\n`);
console.log('| contender | median | min |\n| --- | ---: | ---: |');
for (const r of results) console.log(`| ${r.name} | ${r.medianMs.toFixed(0)} ms | ${r.minMs.toFixed(0)} ms |`);
console.log(`\nratio bindgen / xenabi generate: ${(peer.medianMs / cached.medianMs).toFixed(2)}x`);
console.log(`ratio bindgen / xenabi generate --force: ${(peer.medianMs / forced.medianMs).toFixed(2)}x`);

// The phase breakdown: cheap for `generate`, so as many rounds; a few for `generate --force`.
const phaseRuns = (force, n) =>
  Array.from({ length: n }, () => JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--phases', ...(force ? ['--force'] : [])], { cwd: root, encoding: 'utf8' })));
const quick = phaseRuns(false, rounds);
const full = phaseRuns(true, Math.min(rounds, 5));
const names = mergeOrders(Object.keys(quick[0]), Object.keys(full[0]));
const cell = (runs, name) => (name in runs[0] ? `${median(runs.map((r) => r[name])).toFixed(0)} ms` : '–');
console.log(`\nPhases of a cold run, one after another (medians of ${quick.length} and ${full.length} fresh processes):\n`);
console.log('| phase | generate | generate --force |\n| --- | ---: | ---: |');
for (const name of names) console.log(`| ${name} | ${cell(quick, name)} | ${cell(full, name)} |`);

/** The names of both lists, each list's order kept: a name only one list has follows its predecessor there. */
function mergeOrders(a, b) {
  const out = [...b];
  a.forEach((name, i) => {
    if (!out.includes(name)) out.splice(i === 0 ? 0 : out.indexOf(a[i - 1]) + 1, 0, name);
  });
  return out;
}

/**
 * One cold run of `generate` (`--force`: of every emitter), phase by phase, in this process:
 * the same library calls as the CLI, timed one after another. Milliseconds by phase.
 */
async function phases(force) {
  const times = { 'Node start-up (to the first line of this script)': performance.now() };
  let last = performance.now();
  const lap = (name) => {
    const now = performance.now();
    times[name] = (times[name] ?? 0) + now - last;
    last = now;
  };
  const dist = (path) => import(pathToFileURL(join(root, 'generators/dist', path)).href);
  await dist('cli/main.js');
  lap('import the CLI (loading, validation, every command)');
  const { evaluateAbi } = await dist('load/bundle.js');
  const { lowerModules } = await dist('load/lower.js');
  const { checkModelSchema } = await dist('validate/schema.js');
  const { validateModel } = await dist('validate/index.js');
  const { atRelease } = await dist('select/release.js');
  const { render, staleFiles } = await dist('output/pipeline.js');
  const { cachedOutputs, fingerprint, manifestFile } = await dist('generate/cache.js');
  const evaluated = await evaluateAbi(join(root, 'abi'), root, { cache: !force });
  lap(force ? 'load: bundle abi/ (esbuild) and evaluate it' : 'load: bundle abi/ (cached bundle) and evaluate it');
  const { model } = lowerModules(evaluated.modules, root);
  lap('load: lower');
  checkModelSchema(model);
  validateModel(model);
  lap('load: schema and validation passes');
  const { EMITTERS } = await dist('generate/emitters.js');
  lap('import the emitters');
  const { NEWEST_RELEASE } = await dist('model/releases.js');
  const view = atRelease(model, NEWEST_RELEASE);
  const inputs = JSON.stringify({ view, history: model });
  lap('release view and cache key');
  const files = [];
  for (const emitter of EMITTERS) {
    const key = emitter.cache ? fingerprint(emitter, inputs) : undefined;
    const cached = emitter.cache && !force ? cachedOutputs(root, emitter, key) : undefined;
    const out = cached ?? (await emitter.emit(view, { history: model })).map((f) => render(f));
    files.push(...out, ...(emitter.cache ? [manifestFile(emitter, key, out)] : []));
    lap(`emit ${emitter.id}${cached ? ' (from its manifest)' : ''}`);
    if (emitter.id === 'ts' && !cached) {
      const { tsEmitterTimings: t } = await dist('emit/ts/index.js');
      if (t) Object.assign(times, { 'emit ts, of which: build the view-model': t.viewModel, 'emit ts, of which: print it': t.print });
      last = performance.now();
    }
  }
  staleFiles(root, files);
  lap('compare with the files on disk');
  times['total (sum of the phases)'] = performance.now();
  return times;
}
