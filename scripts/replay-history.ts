/**
 * Xen's history replayed in header mode. For every consecutive pair of release tags
 * RELEASE-4.6.0 → RELEASE-4.7.0 … RELEASE-4.21.0 → RELEASE-4.22.0 of a Xen repository given on
 * the command line (a checkout or a bare clone, only read), `xenabi check` runs twice with
 * the committed waivers: on Xen's real headers (header mode, every public header, four
 * architectures), and on the registry's views of the two releases (registry mode). The claim:
 * on every item the registry declares, both give the same findings. Everything header mode
 * finds beyond the registry is listed: stable-tier findings on headers the registry does not
 * declare yet, and the unstable tier's interface-version changes.
 *
 *   npx tsx scripts/replay-history.ts /path/to/xen [--pairs 4.9-4.10,4.15-4.16] [--details]
 *
 * Exit 0 when header and registry mode agree on every pair, 1 otherwise, 2 on bad input.
 * docs/headers.md records the last run.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkAbi, DEFAULT_WAIVERS_PATH, parseWaivers, sideFromLoadedModel, type CheckResult, type Finding } from '../generators/src/check/index.js';
import { loadHeaderSide } from '../generators/src/check/side/headers.js';
import { clangProblem } from '../generators/src/headers/clang.js';
import { HeaderTreeError } from '../generators/src/headers/tree.js';
import { loadAbi } from '../generators/src/load/index.js';
import { XEN_RELEASES } from '../generators/src/model/releases.js';
import type { AbiModel } from '../generators/src/model/types.js';

const ROOT = resolve(import.meta.dirname, '..');

function usage(message: string): never {
  process.stderr.write(`replay-history: ${message}\nUsage: npx tsx scripts/replay-history.ts XEN_REPO [--pairs 4.9-4.10,…] [--details]\n`);
  process.exit(2);
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { pairs: { type: 'string' }, details: { type: 'boolean' } } });
const repo = positionals[0];
if (!repo || positionals.length > 1) usage('give the path of one Xen repository');
const all = XEN_RELEASES.slice(1).map((to, i) => [XEN_RELEASES[i] as string, to as string] as const);
const pairs = values.pairs ? values.pairs.split(',').map((p) => p.split('-') as [string, string]) : all;
for (const [a, b] of pairs) if (!all.some(([x, y]) => x === a && y === b)) usage(`${a}-${b} is not a pair of consecutive releases`);
const problem = clangProblem();
if (problem) usage(problem);

const { model } = await loadAbi(join(ROOT, 'abi'), ROOT);
const waivers = parseWaivers(readFileSync(join(ROOT, DEFAULT_WAIVERS_PATH), 'utf8'), DEFAULT_WAIVERS_PATH);
const known = registryNames(model);

/** Names the registry declares: items, sets, modules; a member path counts by its record. */
function registryNames(m: AbiModel): (item: string) => boolean {
  const names = new Set([...m.records, ...m.aliases, ...m.constants, ...m.sets].map((i) => i.name));
  for (const mod of m.modules) names.add(mod.name);
  return (item) => names.has(item) || names.has(item.split('.')[0] ?? item) || [...names].some((n) => item.startsWith(`${n}.`));
}

const headerSide = async (release: string) => {
  try {
    return await loadHeaderSide({ kind: 'xen-git', repo: resolve(repo), ref: `RELEASE-${release}.0` }, { cwd: ROOT, release, registry: model });
  } catch (error) {
    if (error instanceof HeaderTreeError) usage(error.message);
    throw error;
  }
};

const key = (f: Finding) => `${f.severity}${f.waived ? ' (waived)' : ''} ${f.rule} ${f.item}`;
const shown = (f: Finding) => `${key(f)}${f.base !== null || f.head !== null ? ` [${f.base} → ${f.head}]` : ''}${f.archs.length && f.archs.length < 4 ? ` on ${f.archs.join(',')}` : ''}`;
/** What the claim compares: every finding but notes, on items the registry declares. */
const compared = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'note' && known(f.item)).map(key).sort();

const rows: string[][] = [];
const details: string[] = [];
let disagreements = 0;
const started = performance.now();
let base = await headerSide(pairs[0]?.[0] ?? '4.6');
for (const [from, to] of pairs) {
  if (base.release !== from) base = await headerSide(from);
  const head = await headerSide(to);
  const headers = checkAbi(base, head, { waivers });
  const registry = checkAbi(sideFromLoadedModel(model, { release: from }), sideFromLoadedModel(model, { release: to }), { waivers });
  const h = compared(headers);
  const r = compared(registry);
  const onlyHeaders = h.filter((k) => !r.includes(k));
  const onlyRegistry = r.filter((k) => !h.includes(k));
  const agree = !onlyHeaders.length && !onlyRegistry.length;
  if (!agree) disagreements += 1;
  const beyond = headers.findings.filter((f) => !known(f.item) && f.severity !== 'note');
  const stableBeyond = beyond.filter((f) => f.namespace === 'stable');
  const versions = headers.findings.filter((f) => f.rule === 'UNSTABLE_VERSION_NOT_BUMPED' || (/INTERFACE_VERSION$/.test(f.item) && f.rule === 'CONSTANT_VALUE_CHANGED'));
  rows.push([
    `${from}→${to}`,
    agree ? 'same' : 'DIFFER',
    String(r.length),
    r.filter((k) => k.includes('(waived)')).length.toString(),
    String(stableBeyond.length),
    versions.map((f) => (f.rule === 'UNSTABLE_VERSION_NOT_BUMPED' ? `${f.item} not bumped` : `${f.item.replace(/^XEN_|_INTERFACE_VERSION$/g, '').toLowerCase()} ${hex(f.base)}→${hex(f.head)}`)).join('; ') || '-',
  ]);
  if (!agree || values.details || stableBeyond.length) {
    details.push(`== ${from} → ${to}`);
    for (const k of onlyHeaders) details.push(`  only in header mode: ${k}`);
    for (const k of onlyRegistry) details.push(`  only in registry mode: ${k}`);
    for (const f of stableBeyond) details.push(`  stable, beyond the registry: ${shown(f)}  (${f.loc.file}:${f.loc.line})`);
    if (values.details) for (const k of r) details.push(`  both: ${k}`);
  }
  base = head;
}

function hex(v: string | null): string {
  return v && /^\d+$/.test(v) ? `0x${BigInt(v).toString(16)}` : String(v);
}

const header = ['pair', 'registry items', 'findings', 'waived', 'stable beyond registry', 'unstable interface versions (header mode)'];
const table = [header, header.map((h) => '-'.repeat(h.length)), ...rows];
const widths = header.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
process.stdout.write(`${table.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n')}\n`);
if (details.length) process.stdout.write(`\n${details.join('\n')}\n`);
process.stdout.write(`\nheader mode and registry mode ${disagreements ? `differ on ${disagreements}` : 'agree on all'} of ${pairs.length} pairs (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
process.exitCode = disagreements ? 1 : 0;
