// Benchmark: the CPU time (user + system of this thread's process, so esbuild's own process is
// not counted) of each phase of a cold forced `generate`, from the compiled modules, for this
// checkout and, with `--baseline DIR` (another checkout, built), for that one in the same
// rounds, interleaved. CPU time suffers far less than wall time from a loaded machine; each
// figure is the median over the rounds of fresh processes.
//
// Run: npm run build && node bench/generate-phases-cpu.mjs [rounds] [--baseline DIR]     (9 rounds ≈ 5 min at load 30)
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, runInfo } from './lib/timing.mjs';

const args = process.argv.slice(2);
if (args[0] === '--one') {
  process.stdout.write(`${JSON.stringify(await phases(args[1]))}\n`);
  process.exit(0);
}
const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 9);
const baseline = args.includes('--baseline') ? args[args.indexOf('--baseline') + 1] : undefined;
const trees = [['this checkout', root], ...(baseline ? [[baseline, baseline]] : [])];
const results = new Map(trees.map(([name]) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, dir] of trees) {
    results.get(name).push(JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--one', dir], { encoding: 'utf8', maxBuffer: 1 << 26 })));
  }
}
const info = runInfo(root);
console.log(`${info.date}, HEAD ${info.commit}, load average at the end ${info.load}; CPU ms, median of ${rounds} fresh processes each\n`);
console.log(`| phase | ${trees.map(([name]) => name).join(' | ')} |\n| --- |${trees.map(() => ' ---: |').join('')}`);
const phasesOf = Object.keys(results.get(trees[0][0])[0]);
for (const phase of [...phasesOf, 'total']) {
  const cell = (name) => median(results.get(name).map((r) => (phase === 'total' ? Object.values(r).reduce((a, b) => a + b, 0) : (r[phase] ?? 0))));
  console.log(`| ${phase} | ${trees.map(([name]) => cell(name).toFixed(0)).join(' | ')} |`);
}

/** One cold forced run of `dir`'s compiled modules in this process, phase by phase: CPU ms by phase. */
async function phases(dir) {
  const dist = (path) => import(pathToFileURL(join(dir, 'generators/dist', path)).href);
  const out = {};
  let last = process.cpuUsage();
  const lap = (name) => {
    const now = process.cpuUsage();
    out[name] = (now.user - last.user + now.system - last.system) / 1000;
    last = now;
  };
  const { loadAbi } = await dist('load/index.js');
  const { atRelease, withoutEmptyModules } = await dist('select/release.js');
  const { readPackageVersions } = await dist('release/versions.js');
  const { NEWEST_RELEASE } = await dist('model/releases.js');
  const { render } = await dist('output/pipeline.js');
  const { EMITTERS } = await dist('generate/emitters.js');
  lap('import the modules');
  const { model } = await loadAbi(join(dir, 'abi'), dir, { cache: false });
  lap('load abi/ (without esbuild\'s own process)');
  const view = withoutEmptyModules(atRelease(model, NEWEST_RELEASE));
  const versions = readPackageVersions(dir);
  JSON.stringify({ view, history: model, versions });
  lap('release view and cache key');
  for (const emitter of EMITTERS) {
    (await emitter.emit(view, { history: model, versions })).map((f) => render(f));
    lap(`emit ${emitter.id}, with the output pipeline`);
  }
  return out;
}
