// Benchmark: the outputs of every release the registry knows (4.6 … 4.22), two ways, run
// one after the other round by round so machine noise hits both alike:
//   - one `xenabi generate --xen-version V --out DIR --typecheck` process per release, as a
//     distribution would script it: each process loads the TypeScript compiler and
//     type-checks a whole TypeScript package;
//   - one process that calls `generateReleases` for all of them with `typecheck`, as the
//     every-release test (compat-tests/releases) does: the ABI loads once, and the check
//     covers only what changed since the previous release (emit/ts/typecheck.ts).
// Both type-check, as the test does; without `--typecheck` neither loads the compiler.
// Reports wall time and CPU time (user + system, from /usr/bin/time) per round, and medians.
//
// Run: npm run build && node bench/generate-releases.mjs [rounds]      (3 rounds ≈ 5–10 min)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './lib/timing.mjs';

const root = new URL('..', import.meta.url).pathname;
const xenabi = join(root, 'generators/bin/xenabi.js');
const { XEN_RELEASES } = await import(pathToFileURL(join(root, 'generators/dist/model/releases.js')).href);

if (process.argv[2] === '--one-process') {
  const { generateReleases } = await import(pathToFileURL(join(root, 'generators/dist/generate/release.js')).href);
  await generateReleases(root, XEN_RELEASES, (release) => join(process.argv[3], release), { typecheck: true });
  process.exit(0);
}

const rounds = Number(process.argv[2] ?? 3);

/** Runs one command under /usr/bin/time; returns wall and CPU seconds. */
function timed(command, args) {
  const r = spawnSync('/usr/bin/time', ['-f', 'xenabi-bench %e %U %S', command, ...args], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const [, wall, user, sys] = /xenabi-bench (\S+) (\S+) (\S+)/.exec(r.stderr).map(Number);
  return { wall, cpu: user + sys };
}

const contenders = [
  {
    name: `one CLI process per release (${XEN_RELEASES.length} processes)`,
    run(dir) {
      const sum = { wall: 0, cpu: 0 };
      for (const release of XEN_RELEASES) {
        const t = timed(process.execPath, [xenabi, 'generate', '--xen-version', release, '--out', join(dir, release), '--typecheck', '--root', root]);
        sum.wall += t.wall;
        sum.cpu += t.cpu;
      }
      return sum;
    },
  },
  {
    name: 'one process, generateReleases over every release',
    run: (dir) => timed(process.execPath, [new URL(import.meta.url).pathname, '--one-process', dir]),
  },
];

const samples = contenders.map(() => []);
for (let round = 0; round < rounds; round++) {
  contenders.forEach((c, i) => {
    const dir = mkdtempSync(join(tmpdir(), 'xenabi-releases-'));
    samples[i].push(c.run(dir));
    rmSync(dir, { recursive: true, force: true });
  });
}
console.log(`Every release (${XEN_RELEASES[0]} … ${XEN_RELEASES.at(-1)}), ${rounds} rounds:\n`);
console.log('| contender | wall (median) | CPU (median) | CPU per round |\n| --- | ---: | ---: | --- |');
contenders.forEach((c, i) => {
  const s = samples[i];
  console.log(`| ${c.name} | ${median(s.map((x) => x.wall)).toFixed(1)} s | ${median(s.map((x) => x.cpu)).toFixed(1)} s | ${s.map((x) => x.cpu.toFixed(1)).join(', ')} |`);
});
const cpu = samples.map((s) => median(s.map((x) => x.cpu)));
console.log(`\nratio CPU, per-release processes / one process: ${(cpu[0] / cpu[1]).toFixed(2)}x`);
