// Benchmark: `xenabi check` on export documents far larger than any real ABI's, this checkout
// beside a base revision, for time (CPU: user + system; wall) and peak memory (maximum
// resident set), from GNU time. CPU time is the figure to read on a shared machine: wall
// time grows with whatever else runs. The documents are made from this repository's own export (about 300 KB) by copying
// its records, typedefs and constants under new names up to a size:
//   - same: base and head the same document (nothing to report);
//   - removed: the document as base, this repository's abi/ as head (almost everything is
//     reported removed: tens of thousands of findings);
//   - hostile shapes, each at about 4 MiB: one record of 60,000 fields all renamed, and one
//     flag set of 60,000 flags each moved to another bit (both were quadratic);
//   - and a document past the input bound (xenabi check refuses it at once, exit 2).
//
// Run: node bench/check-large-export.mjs [BASE_REF] [MIB...]   (needs `npm run build` and
//      GNU time; default base 6d523c4, sizes 4 16 32; several minutes, the base is slow)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseXenabi } from './lib/base-build.mjs';

const repo = new URL('..', import.meta.url).pathname;
const baseRef = process.argv[2] ?? '6d523c4';
const sizes = process.argv.slice(3).map(Number);
const work = mkdtempSync(join(tmpdir(), 'xenabi-bench-check-'));
const xenabi = { this: join(repo, 'generators/bin/xenabi.js'), base: baseXenabi(repo, baseRef) };
/** Past this, a run is stopped and reported as such (the base's quadratic paths). */
const LIMIT_S = 300;

const real = JSON.parse(execFileSync(process.execPath, [xenabi.this, 'export', '--root', repo], { encoding: 'utf8', maxBuffer: 1 << 26 }));

/** The repository's export, its items copied under new names until the text (as `xenabi export` indents it) is about `mib` MiB. */
function grown(mib) {
  const doc = { ...real, records: {}, constants: {}, aliases: {}, sets: {} };
  const unit = JSON.stringify({ r: real.records, c: real.constants, a: real.aliases }, null, 2).length;
  for (let i = 0; i < Math.ceil((mib * 1024 * 1024) / unit); i++) {
    for (const [k, v] of Object.entries(real.records)) doc.records[`${k}_${i}`] = v;
    for (const [k, v] of Object.entries(real.constants)) doc.constants[`${k}_${i}`] = v;
    for (const [k, v] of Object.entries(real.aliases)) doc.aliases[`${k}_${i}`] = v;
  }
  return doc;
}

const ITEM = { namespace: 'stable', module: 'bench', since: '4.22' };
const shell = (extra) => ({ format: 'xenabi-abi/1', xenVersion: '4.22', namespace: 'stable', includes: ['sets'], records: {}, constants: {}, sets: {}, ...extra });

/** One struct of `n` four-byte fields, named with `prefix`: base and head differ in every name. */
function wideRecord(n, prefix) {
  const fields = Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i}`, offset: 4 * i, size: 4, type: 'uint32_t' }));
  return shell({ records: { wide: { kind: 'struct', ...ITEM, layouts: { x86_64: { size: 4 * n, align: 4, fields } } } } });
}

/** One flag set of `n` flags on bits 0–63, shifted by `shift` bits in the head. */
function manyFlags(n, shift) {
  const constants = {};
  const flags = [];
  for (let i = 0; i < n; i++) {
    constants[`F${i}`] = { value: '1', ...ITEM };
    flags.push({ mask: `F${i}`, bit: (i + shift) % 64 });
  }
  return shell({ constants, sets: { MANY: { kind: 'flags', ...ITEM, flags } } });
}

function write(name, doc) {
  const path = join(work, name);
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

/** CPU and wall seconds and peak resident MiB of `xenabi check` with `args`, or the time limit. */
function measure(who, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', 'timeout', String(LIMIT_S), process.execPath, xenabi[who], 'check', '--format', 'json', '--root', repo, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const [wall, user, system, kb] = (r.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  if (r.status === 124) return { text: `stopped at ${LIMIT_S} s wall`, status: r.status };
  return { text: `${(user + system).toFixed(1)} s CPU (${wall.toFixed(1)} s wall), ${Math.round(kb / 1024)} MiB`, status: r.status };
}

const rows = [];
const row = (what, bytes, args) => {
  const mib = (bytes / 1024 / 1024).toFixed(1);
  const [base, mine] = [measure('base', args), measure('this', args)];
  rows.push(`| ${what} | ${mib} MiB | ${base.text} (exit ${base.status}) | ${mine.text} (exit ${mine.status}) |`);
  console.error(rows.at(-1));
};

for (const mib of sizes.length ? sizes : [4, 16, 32]) {
  const file = write(`grown-${mib}.json`, grown(mib * 0.95));
  row('same document as base and head', statSync(file).size, ['--base', file, '--head', file]);
  row('base: the document; head: abi/ (most items removed)', statSync(file).size, ['--base', file]);
}
const wideBase = write('wide-base.json', wideRecord(60_000, 'a'));
row('one record of 60,000 fields, all renamed', statSync(wideBase).size, ['--base', wideBase, '--head', write('wide-head.json', wideRecord(60_000, 'b'))]);
const flagsBase = write('flags-base.json', manyFlags(60_000, 0));
row('one flag set of 60,000 flags, all moved', statSync(flagsBase).size, ['--base', flagsBase, '--head', write('flags-head.json', manyFlags(60_000, 1))]);
const past = write('past-the-bound.json', grown(34));
row('past the 32 MiB input bound', statSync(past).size, ['--base', past]);

const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
console.log(`\nxenabi check --format json, wall time and peak RSS; base ${baseRef}, this ${head} (plus any uncommitted work)\n`);
console.log('| input | size | base | this |\n| --- | ---: | ---: | ---: |');
for (const r of rows) console.log(r);
