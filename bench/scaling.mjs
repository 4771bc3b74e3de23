// Benchmark: time and memory of xenabi's commands against the size of the registry. The
// registry is this repository's abi/ (factor 1), then 2× and 4× synthetic copies of it: each
// copy of a module is its text with every item name, module name and header guard given a
// suffix (`xen_dm_op` → `xen_dm_op_c2`), so copies are distinct modules that validate like
// the original. Each size lives in a repository of its own (abi/ and an empty node_modules
// for the caches); its outputs are generated once, then every command is timed as a cold
// process under GNU time, sizes interleaved round by round:
//   generate (caches warm), generate with the emitters' outputs uncached (the model is, and
//   so is the TypeScript output, by its manifest), generate --force (no cache), export (caches warm), export with
//   the ABI bundle and model caches emptied first (esbuild bundles abi/, every validation
//   pass runs), check (committed baseline → abi/).
// Reports median wall time and peak RSS per size, and each figure over factor 1's.
//
// Run: npm run build && node bench/scaling.mjs [--rounds N] [--factors 1,2,4] [--no-force]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { median } from './lib/timing.mjs';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const xenabi = join(root, 'generators/bin/xenabi.js');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const rounds = Number(option('--rounds', 5));
const factors = option('--factors', '1,2,4').split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'xenabi-scaling-'));

/** Every item and module name of the registry, from its exports of every release (all namespaces). */
function registryNames() {
  const [first, last] = execFileSync(process.execPath, [xenabi, 'export', '--help'], { encoding: 'utf8' }).match(/4\.(\d+) … 4\.(\d+)/).slice(1).map(Number);
  const names = [];
  for (let minor = first; minor <= last; minor++) names.push(...releaseNames(`4.${minor}`));
  return [...new Set(names)];
}

function releaseNames(release) {
  const doc = JSON.parse(execFileSync(process.execPath, [xenabi, 'export', '--root', root, '--xen-version', release], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const typedefs = Object.values(doc.records).flatMap((r) => (r.typedef ? [r.typedef] : []));
  return [...new Set([...Object.keys(doc.records), ...typedefs, ...Object.keys(doc.constants), ...Object.keys(doc.aliases ?? {}), ...Object.keys(doc.sets ?? {}), ...Object.keys(doc.modules ?? {})])];
}

/** A repository whose abi/ holds `factor` copies of this one's modules. */
function makeRepository(factor, names) {
  const dir = join(work, `x${factor}`);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  cpSync(join(root, 'abi'), join(dir, 'abi'), { recursive: true, filter: (src) => !src.includes('/baseline') });
  const pattern = new RegExp(`\\b(${[...names].sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');
  for (const ns of ['stable', 'unstable', 'linux']) {
    const folder = join(root, 'abi', ns);
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(folder, file), 'utf8');
      for (let copy = 2; copy <= factor; copy++) {
        const suffix = `_c${copy}`;
        const renamed = text.replace(pattern, `$1${suffix}`).replace(/_H__(['"])/g, `${suffix.toUpperCase()}_H__$1`);
        writeFileSync(join(dir, 'abi', ns, `${basename(file, '.ts')}${suffix}.ts`), renamed);
      }
    }
  }
  execFileSync(process.execPath, [xenabi, 'generate', '--root', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  return dir;
}

const names = registryNames();
const repos = factors.map((f) => ({ factor: f, dir: makeRepository(f, names) }));
const counts = repos.map(({ dir }) => {
  const doc = JSON.parse(execFileSync(process.execPath, [xenabi, 'export', '--root', dir], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  return Object.keys(doc.records).length + Object.keys(doc.constants).length + Object.keys(doc.aliases ?? {}).length + Object.keys(doc.sets ?? {}).length;
});

const commands = (dir) => [
  ['generate', ['generate', '--root', dir], [0]],
  ['generate, emitter outputs not cached', ['generate', '--root', dir], [0], `rm -f '${join(dir, 'node_modules/.cache/xenabi')}'/outputs-*`],
  ...(args.includes('--no-force') ? [] : [['generate --force', ['generate', '--force', '--root', dir], [0]]]),
  ['export', ['export', '--root', dir], [0]],
  // Only what loading caches: generate's outputs stay cached for the next round's generate.
  ['export, caches emptied', ['export', '--root', dir], [0], `rm -f '${join(dir, 'node_modules/.cache/xenabi')}'/abi-bundle-* '${join(dir, 'node_modules/.cache/xenabi')}'/abi-model-*`],
  ['check (baseline → abi/)', ['check', '--root', dir, '--format', 'json'], [0]],
];
const rss = join(work, 'rss');
const samples = new Map();
for (let round = -1; round < rounds; round++) {
  for (const { factor, dir } of repos) {
    for (const [name, argv, ok, before] of commands(dir)) {
      if (before) execFileSync('sh', ['-c', before]);
      const start = process.hrtime.bigint();
      const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rss, process.execPath, xenabi, ...argv], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (!ok.includes(r.status)) throw new Error(`${name} at ${factor}× failed (${r.status}): ${r.stderr}`);
      if (round < 0) continue;
      const key = `${name}\0${factor}`;
      if (!samples.has(key)) samples.set(key, { ms: [], mib: [] });
      samples.get(key).ms.push(ms);
      samples.get(key).mib.push(Number(readFileSync(rss, 'utf8').trim().split('\n').at(-1)) / 1024);
    }
  }
}

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`${new Date().toISOString().slice(0, 16)}Z, HEAD ${commit}, ${rounds} rounds after 1 warm-up, load average at the end ${load}`);
console.log(`items (records + constants + typedefs + sets, newest release): ${repos.map((r, i) => `${r.factor}×: ${counts[i]}`).join(', ')}\n`);
console.log(`| command | ${repos.map((r) => `${r.factor}× time (median, min–max)`).join(' | ')} | ${repos.map((r) => `${r.factor}× peak RSS`).join(' | ')} |`);
console.log(`| --- | ${repos.map(() => '---:').join(' | ')} | ${repos.map(() => '---:').join(' | ')} |`);
for (const [name] of commands(work)) {
  const cells = repos.map(({ factor }) => samples.get(`${name}\0${factor}`));
  const base = cells[0];
  const times = cells.map((c, i) => `${median(c.ms).toFixed(0)} ms (${Math.min(...c.ms).toFixed(0)}–${Math.max(...c.ms).toFixed(0)})${i ? `, ${(median(c.ms) / median(base.ms)).toFixed(2)}×` : ''}`);
  const mems = cells.map((c, i) => `${median(c.mib).toFixed(0)} MiB${i ? `, ${(median(c.mib) / median(base.mib)).toFixed(2)}×` : ''}`);
  console.log(`| ${name} | ${times.join(' | ')} | ${mems.join(' | ')} |`);
}
console.log(`\nCommands: node ${xenabi} <command> --root <repository of each size> (see the table)`);
rmSync(work, { recursive: true, force: true });
