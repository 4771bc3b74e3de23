/**
 * The whole-history verification: `xenabi verify` of the registry against Xen's own public
 * headers at every release tag, RELEASE-4.6.0 … RELEASE-4.22.0, on x86_32, x86_64, arm32 and
 * arm64, in tools and plain mode. Xen's headers are read from a Xen repository given on the
 * command line (a checkout or a bare clone, only read; nothing of Xen is written into this
 * repository) and copied out per tag into a temporary directory.
 *
 *   npx tsx scripts/verify-history.ts /path/to/xen [--releases 4.15,4.16] [--arch x86_64]… [--format text|json|github|markdown|sarif]
 *
 * Prints one line per release (what was compared, how many disagreements), the findings of
 * every release that disagrees in the format asked, and exits 1 if any release disagrees,
 * 2 on bad input. docs/verify.md records the last run.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatResult, FORMATS, type OutputFormat } from '../generators/src/check/index.js';
import { clangProblem } from '../generators/src/headers/clang.js';
import { headersAtRef } from '../generators/src/headers/git-tree.js';
import { HeaderTreeError } from '../generators/src/headers/tree.js';
import { loadAbi } from '../generators/src/load/index.js';
import { ARCHES, isArch } from '../generators/src/model/arch.js';
import { XEN_RELEASES } from '../generators/src/model/releases.js';
import { verifyHeaders, type VerifyResult } from '../generators/src/verify/index.js';

const ROOT = resolve(import.meta.dirname, '..');

function usage(message: string): never {
  process.stderr.write(`verify-history: ${message}\nUsage: npx tsx scripts/verify-history.ts XEN_REPO [--releases 4.6,4.7] [--arch A]… [--format F]\n`);
  process.exit(2);
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { releases: { type: 'string' }, arch: { type: 'string', multiple: true }, format: { type: 'string' } } });
const repo = positionals[0];
if (!repo || positionals.length > 1) usage('give the path of one Xen repository');
const releases = values.releases ? values.releases.split(',') : [...XEN_RELEASES];
for (const r of releases) if (!(XEN_RELEASES as readonly string[]).includes(r)) usage(`unknown release ${r}`);
const arches = values.arch?.length ? values.arch : [...ARCHES];
for (const a of arches) if (!isArch(a)) usage(`unknown architecture ${a}`);
const format = (values.format ?? 'text') as OutputFormat;
if (!FORMATS.includes(format)) usage(`--format ${format}: choose one of ${FORMATS.join(', ')}`);
const problem = clangProblem();
if (problem) usage(problem);

const { model } = await loadAbi(join(ROOT, 'abi'), ROOT);
const rows: string[][] = [];
const failed: { release: string; result: VerifyResult }[] = [];
const started = performance.now();
for (const release of releases) {
  let refTree;
  try {
    refTree = headersAtRef(resolve(repo), `RELEASE-${release}.0`);
  } catch (error) {
    if (error instanceof HeaderTreeError) usage(error.message);
    throw error;
  }
  const t0 = performance.now();
  try {
    const result = await verifyHeaders(model, { tree: refTree.tree, release, arches: arches.filter(isArch), registryLabel: 'abi/' });
    rows.push(row(release, result, performance.now() - t0));
    if (result.summary.result === 'fail') failed.push({ release, result });
  } finally {
    refTree.dispose();
  }
}

const header = ['release', 'arches', 'checks tools / plain', 'records', 'members', 'typedefs', 'constants', 'disagreements', 'time', 'result'];
const table = [header, header.map((h) => '-'.repeat(h.length)), ...rows];
const widths = header.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
process.stdout.write(`${table.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n')}\n`);
for (const f of failed) process.stdout.write(`\n== Xen ${f.release}\n${formatResult(f.result, format, { command: 'xenabi verify' })}`);
process.stdout.write(`\n${releases.length - failed.length} of ${releases.length} releases agree with the registry on ${arches.join(', ')} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
process.exitCode = failed.length ? 1 : 0;

/** One table row: counts from the x86_64 run (or the first architecture) of each mode. */
function row(release: string, result: VerifyResult, ms: number): string[] {
  const tools = result.runs.filter((r) => r.mode === 'tools');
  const plain = result.runs.filter((r) => r.mode === 'plain');
  const sum = (runs: typeof tools) => runs.reduce((n, r) => n + r.set.checks.length, 0);
  const first = tools.find((r) => r.arch === 'x86_64') ?? tools[0];
  const c = first?.set.counts ?? { records: 0, members: 0, typedefs: 0, constants: 0 };
  return [release, String(tools.length), `${sum(tools)} / ${sum(plain)}`, String(c.records), String(c.members), String(c.typedefs), String(c.constants), String(result.summary.errors), `${(ms / 1000).toFixed(1)} s`, result.summary.result === 'fail' ? 'FAIL' : 'ok'];
}
