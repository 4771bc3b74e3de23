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
// Then the time of each phase of a cold `generate --force`, measured in fresh processes that
// run the phases one after another: the CLI loads the emitters while the ABI loads, so the
// phases add up to a little more than the run.
//
// Every ratio is taken per round (the two contenders' times in the same round) and reported as
// min / median / max over the rounds.
//
// Run: node bench/generate-vs-bindgen.mjs [rounds]        (needs `npm run build`; 15 rounds ≈ 3 min)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { formatSpread, median, roundRatios, runInfo, timeProcesses } from './lib/timing.mjs';

const root = new URL('..', import.meta.url).pathname;
const xenabi = join(root, 'generators/bin/xenabi.js');

if (process.argv.includes('--phases')) {
  process.stdout.write(`${JSON.stringify(await phases())}\n`);
  process.exit(0);
}

const rounds = Number(process.argv[2] ?? 15);
const work = mkdtempSync(join(tmpdir(), 'xenabi-bench-'));
// Xen's public headers for every module the registry declares, as in bench/goals.mjs.
const HEADERS = [
  'xen/xen.h', 'xen/hvm/dm_op.h', 'xen/event_channel.h', 'xen/argo.h', 'xen/grant_table.h', 'xen/arch-x86/hvm/start_info.h',
  'xen/hvm/ioreq.h', 'xen/io/xenbus.h', 'xen/io/xs_wire.h', 'xen/domctl.h',
  'xen/evtchn.h', 'xen/gntalloc.h', 'xen/gntdev.h', 'xen/privcmd.h',
];
const header = join(work, 'xen-covered.h');
writeFileSync(header, ['#include <stddef.h>', '#include <stdint.h>', '#include <sys/ioctl.h>', ...HEADERS.map((h) => `#include <${h}>`), ''].join('\n'));
// Linux's privcmd.h includes the kernel's own <xen/interface/xen.h>: Xen's public headers stand
// in for it (xenbus_dev.h is not in Debian's linux-libc-dev, so that module has no peer here).
mkdirSync(join(work, 'shim/xen/interface'), { recursive: true });
writeFileSync(join(work, 'shim/xen/interface/xen.h'), '#include <stddef.h>\n#include <xen/xen.h>\n#include <xen/grant_table.h>\n');
const bindgenVersion = execFileSync('bindgen', ['--version'], { encoding: 'utf8' }).trim();
const results = timeProcesses(
  [
    { name: 'xenabi generate (all outputs, 4 arches; TS output and ABI bundle cached)', command: process.execPath, args: [xenabi, 'generate', '--root', root], cwd: root },
    { name: 'xenabi generate --force (no cache: esbuild, every emitter, TS type-check)', command: process.execPath, args: [xenabi, 'generate', '--force', '--root', root], cwd: root },
    { name: `${bindgenVersion} (Rust, x86_64 only)`, command: 'bindgen', args: [header, '-o', join(work, 'out.rs'), '--', '-D__XEN_TOOLS__', '-isystem', join(work, 'shim'), '--target=x86_64-linux-gnu'], cwd: work },
    { name: 'node -e 0 (Node start-up alone)', command: process.execPath, args: ['-e', '0'], cwd: work },
  ],
  { rounds },
);
const [cached, forced, peer, bare] = results;
const info = runInfo(root);
console.log(`${info.date}, HEAD ${info.commit}, load average at the end ${info.load}`);
console.log(`Cold processes, ${rounds} rounds interleaved (after 2 warm-up rounds):\n`);
console.log('| contender | min | median | max |\n| --- | ---: | ---: | ---: |');
for (const r of results) console.log(`| ${r.name} | ${r.minMs.toFixed(0)} ms | ${r.medianMs.toFixed(0)} ms | ${r.maxMs.toFixed(0)} ms |`);
console.log('\nPer round, min / median / max (below 1: xenabi is faster):\n');
console.log('| ratio | min / median / max |\n| --- | ---: |');
console.log(`| xenabi generate ÷ bindgen | ${formatSpread(roundRatios(cached, peer))} |`);
console.log(`| xenabi generate --force ÷ bindgen | ${formatSpread(roundRatios(forced, peer))} |`);
console.log(`| node -e 0 ÷ bindgen | ${formatSpread(roundRatios(bare, peer))} |`);
rmSync(work, { recursive: true, force: true });

// The phases of a forced run only: a cached run's caches are keyed by the bundled CLI's build id
// (generate/output-cache.ts, load/model-cache.ts), which the compiled modules the phases import
// do not have, so they would measure a run that nothing makes.
const phaseRounds = Math.min(rounds, 7);
const full = Array.from({ length: phaseRounds }, () =>
  JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--phases'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 })),
);
console.log(`\nPhases of a cold \`generate --force\`, one after another (min / median / max of ${full.length} fresh processes):\n`);
console.log('| phase | min | median | max |\n| --- | ---: | ---: | ---: |');
for (const name of Object.keys(full[0])) {
  const values = full.map((r) => r[name] ?? 0);
  console.log(`| ${name} | ${Math.min(...values).toFixed(0)} ms | ${median(values).toFixed(0)} ms | ${Math.max(...values).toFixed(0)} ms |`);
}

/**
 * One cold run of `generate --force`, phase by phase, in this process: the library calls of
 * `renderRelease` (generate/index.ts) with `force`, from the compiled modules, timed one after
 * another (the CLI loads the emitters while the ABI loads). Milliseconds by phase.
 */
async function phases() {
  const times = { 'Node start-up (to the first line of this script)': performance.now() };
  let last = performance.now();
  const lap = (name) => {
    const now = performance.now();
    times[name] = (times[name] ?? 0) + now - last;
    last = now;
  };
  const dist = (path) => import(pathToFileURL(join(root, 'generators/dist', path)).href);
  const { loadAbi } = await dist('load/index.js');
  const { atRelease, withoutEmptyModules } = await dist('select/release.js');
  const { render, staleFiles, bannerSignature } = await dist('output/pipeline.js');
  const { fingerprint, manifestFile } = await dist('generate/cache.js');
  const { readPackageVersions } = await dist('release/versions.js');
  const { NEWEST_RELEASE } = await dist('model/releases.js');
  lap('import the loader and the output pipeline');
  const { model } = await loadAbi(join(root, 'abi'), root, { cache: false });
  lap('load abi/: esbuild, evaluate, lower, validate');
  const { EMITTERS } = await dist('generate/emitters.js');
  lap('import the emitters');
  const view = withoutEmptyModules(atRelease(model, NEWEST_RELEASE));
  const versions = readPackageVersions(root);
  const inputs = JSON.stringify({ view, history: model, versions });
  lap('release view and cache key');
  const files = [];
  for (const emitter of EMITTERS) {
    const out = (await emitter.emit(view, { history: model, versions })).map((f) => render(f));
    files.push(...out, ...(emitter.cache ? [manifestFile(emitter, fingerprint(emitter, inputs + bannerSignature()), out)] : []));
    lap(`emit ${emitter.id}`);
    if (emitter.id === 'ts') {
      // The TypeScript emitter's own split (emit/ts/index.ts).
      const { tsEmitterTimings: t } = await dist('emit/ts/index.js');
      if (t) Object.assign(times, { 'emit ts, of which: build the view-model': t.viewModel, 'emit ts, of which: print it': t.print });
      last = performance.now();
    }
  }
  const stale = staleFiles(root, files);
  lap('compare with the files on disk');
  if (stale.length) throw new Error(`the forced run differs from the files on disk: ${stale.join(', ')}`);
  times['total (sum of the phases)'] = performance.now();
  return times;
}
