// Benchmark: what evaluating abi/ in a realm of its own, with a time limit, costs the runs a
// developer makes most: a cold `xenabi export` and a cached `xenabi generate --check`, this
// checkout against a base revision built beside it (the loader as it was: the bundle
// imported as an ES module in xenabi's own realm), interleaved round by round. CPU time
// (user + system, GNU time) is the figure to read on a shared machine; wall time is shown.
//
// Each contender runs on its own copy of the repository as its revision has it (so the two
// never share the ABI bundle cache in node_modules/.cache, whose entries differ), both warmed.
//
// Run: node bench/load-isolation.mjs [BASE_REF] [rounds]   (needs `npm run build`; default
//      base: the first parent of HEAD; 21 rounds ≈ 1–2 min)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseXenabi } from './lib/base-build.mjs';
import { median } from './lib/timing.mjs';

const repo = new URL('..', import.meta.url).pathname;
const baseRef = process.argv[2] ?? 'HEAD^';
const rounds = Number(process.argv[3] ?? 21);
const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();

/**
 * A copy of the repository's files — as revision `ref` has them, or the working tree's
 * tracked files — with an empty node_modules of its own for the bundle cache.
 */
function repoCopy(ref) {
  const dir = mkdtempSync(join(tmpdir(), 'xenabi-bench-load-'));
  const copy = ref ? `git archive ${ref} | tar -x -C '${dir}'` : `git ls-files -z | cpio -0 -pdm --quiet '${dir}'`;
  execFileSync('sh', ['-c', copy], { cwd: repo });
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(join(repo, 'node_modules/.bin'), join(dir, 'node_modules/.bin'));
  return dir;
}

const base = git('rev-parse', '--short', baseRef);
const head = git('rev-parse', '--short', 'HEAD');
const contenders = [
  ['base', baseXenabi(repo, baseRef), repoCopy(baseRef)],
  ['this', join(repo, 'generators/bin/xenabi.js'), repoCopy()],
];
const runs = contenders.flatMap(([who, bin, root]) => [
  { name: `xenabi export, ${who}`, args: [bin, 'export', '--root', root] },
  { name: `xenabi generate --check, ${who}`, args: [bin, 'generate', '--check', '--root', root] },
]);
runs.push({ name: 'node -e 0', args: ['-e', '0'] });

/** CPU (user + system) and wall milliseconds of one run, from GNU time. */
function once(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, ...args], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const [wall, user, system] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { cpu: (user + system) * 1000, wall: wall * 1000 };
}

const samples = new Map(runs.map((r) => [r.name, []]));
for (let round = -2; round < rounds; round++) for (const r of runs) if (round >= 0) samples.get(r.name).push(once(r.args)); else once(r.args);
const stat = (name, key) => {
  const values = samples.get(name).map((s) => s[key]);
  return { median: median(values), min: Math.min(...values) };
};
console.log(`Cold processes, ${rounds} rounds interleaved after 2 warm-up rounds; base ${base}, this ${head} (plus any uncommitted work)\n`);
console.log('| contender | CPU median | CPU min | wall median |\n| --- | ---: | ---: | ---: |');
for (const r of runs) console.log(`| ${r.name} | ${stat(r.name, 'cpu').median.toFixed(0)} ms | ${stat(r.name, 'cpu').min.toFixed(0)} ms | ${stat(r.name, 'wall').median.toFixed(0)} ms |`);
for (const command of ['xenabi export', 'xenabi generate --check']) {
  const b = stat(`${command}, base`, 'cpu');
  const t = stat(`${command}, this`, 'cpu');
  console.log(`\n${command}: this − base = ${(t.median - b.median).toFixed(0)} ms CPU median (${(t.median / b.median).toFixed(2)}x), ${(t.min - b.min).toFixed(0)} ms CPU min`);
}
