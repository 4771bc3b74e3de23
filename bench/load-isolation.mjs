// Benchmark: what evaluating abi/ in a realm of its own, with a time limit, costs the runs a
// developer makes most: a cold `xenabi export` and a cached `xenabi generate --check`, this
// checkout against a base revision built beside it (the loader as it was: the bundle
// imported as an ES module in xenabi's own realm), interleaved round by round.
//
// Each contender runs on its own copy of the repository's tracked files (so the two never
// share the ABI bundle cache in node_modules/.cache, whose entries differ), both warmed.
//
// Run: node bench/load-isolation.mjs [BASE_REF] [rounds]   (needs `npm run build`; default
//      base: the first parent of HEAD; 21 rounds ≈ 1–2 min)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseXenabi } from './lib/base-build.mjs';
import { timeProcesses } from './lib/timing.mjs';

const repo = new URL('..', import.meta.url).pathname;
const baseRef = process.argv[2] ?? 'HEAD^';
const rounds = Number(process.argv[3] ?? 21);
const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();

/** A copy of the tracked files, with an empty node_modules of its own for the bundle cache. */
function repoCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'xenabi-bench-load-'));
  execFileSync('sh', ['-c', `git ls-files -z | cpio -0 -pdm --quiet '${dir}'`], { cwd: repo });
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(join(repo, 'node_modules/.bin'), join(dir, 'node_modules/.bin'));
  return dir;
}

const base = git('rev-parse', '--short', baseRef);
const head = git('rev-parse', '--short', 'HEAD');
const contenders = [
  ['base', baseXenabi(repo, baseRef), repoCopy()],
  ['this', join(repo, 'generators/bin/xenabi.js'), repoCopy()],
];
const runs = contenders.flatMap(([who, bin, root]) => [
  { name: `xenabi export, ${who}`, command: process.execPath, args: [bin, 'export', '--root', root], cwd: root },
  { name: `xenabi generate --check, ${who}`, command: process.execPath, args: [bin, 'generate', '--check', '--root', root], cwd: root },
]);
const results = timeProcesses([...runs, { name: 'node -e 0', command: process.execPath, args: ['-e', '0'], cwd: repo }], { rounds });
const byName = new Map(results.map((r) => [r.name, r]));
console.log(`Cold processes, ${rounds} rounds interleaved after 2 warm-up rounds; base ${base}, this ${head} (plus any uncommitted work)\n`);
console.log('| contender | median | min |\n| --- | ---: | ---: |');
for (const r of results) console.log(`| ${r.name} | ${r.medianMs.toFixed(0)} ms | ${r.minMs.toFixed(0)} ms |`);
for (const command of ['xenabi export', 'xenabi generate --check']) {
  const b = byName.get(`${command}, base`);
  const t = byName.get(`${command}, this`);
  console.log(`\n${command}: this − base = ${(t.medianMs - b.medianMs).toFixed(0)} ms median (${(t.medianMs / b.medianMs).toFixed(2)}x)`);
}
