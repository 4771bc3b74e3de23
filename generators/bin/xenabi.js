#!/usr/bin/env node
// The xenabi command. The TypeScript sources are compiled to dist/ by `npm ci` (prepare), then
// bundled into dist/bundle/ (scripts/bundle-cli.mjs), which starts faster: the bundle runs
// while it is at least as new as the last compile (dist/.tsbuildinfo, absent from the
// published package), the compiled modules otherwise (after a plain `tsc -b`).
import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// `generate` in full builds and drops a great deal of text and structure per emitter over a live
// set of some 25–45 MB; V8 lets the old generation grow to about four times the live set
// between full collections when they cost it little, which made a forced run peak at 270–345
// MiB of resident memory. Growing it by a fifth at most keeps the peak at 215–235 MiB, for some
// more CPU (GNU time, docs/performance.md, session 7); the flag only tunes when V8 collects, so
// nothing else changes, and only this process (not a library caller of `main`) is tuned.
if (process.argv[2] === 'generate') setFlagsFromString('--heap-growing-percent=20');

const mtime = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
const bundled = mtime('../dist/bundle/main.js');
const compiled = mtime('../dist/.tsbuildinfo');
const { main } = bundled !== undefined && (compiled === undefined || bundled >= compiled) ? await import('../dist/bundle/main.js') : await import('../dist/cli/main.js');

/** Exit code for xenabi's own failures (EX_SOFTWARE): never 0, never a finding's 1 or bad input's 2. */
const EXIT_INTERNAL = 70;

// When nothing is left for Node to run while the command still waits (a promise nothing will
// ever settle), Node exits with the exit code as it stands: 0. A command that did not finish
// its work must not look like one that found nothing, so that exit is an internal error.
let finished = false;
process.on('exit', () => {
  if (finished) return;
  process.stderr.write('xenabi: internal error: the command stopped before it finished its work (it was left waiting on something that never happened); nothing it printed can be trusted\n');
  process.exitCode = EXIT_INTERNAL;
});

// A reader that goes away (`xenabi export | head`) is no error of ours: stop writing, finish
// the command, and exit as it decides, as other Unix tools do.
let readerGone = false;
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  readerGone = true;
});

const io = {
  out: (text) => {
    if (!readerGone) process.stdout.write(text);
  },
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  isTty: Boolean(process.stdout.isTTY),
};
main(process.argv.slice(2), io).then(
  (code) => {
    finished = true;
    process.exitCode = code;
  },
  (error) => {
    finished = true;
    process.stderr.write(`xenabi: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = EXIT_INTERNAL;
  },
);
