/**
 * Real Xen commits that touched the public ABI, each checked in header mode exactly as a
 * Xen-style CI job would check it (`xenabi check --xen-tree . --against COMMIT^` with the
 * commit checked out; no waivers, which only record breaks xenabi already knows of) and
 * judged against the verdict we expect. The commits are read from a Xen repository given on
 * the command line (a checkout or a bare clone, only read; nothing of Xen is written here).
 *
 *   npx tsx scripts/xen-commits.ts /path/to/xen [--only 918b8842a8,…] [--details]
 *
 * Prints one line per commit (expected and actual verdict, the findings that decided it) and
 * exits 0 when every commit gets its expected verdict, 1 otherwise, 2 on bad input.
 * docs/headers.md records the last run.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkAbi, type CheckResult, type Finding } from '../generators/src/check/index.js';
import { loadHeaderSide } from '../generators/src/check/side/headers.js';
import type { AbiSide } from '../generators/src/check/side/types.js';
import { clangProblem } from '../generators/src/headers/clang.js';
import { resolveCommit } from '../generators/src/headers/git-tree.js';
import { HeaderTreeError } from '../generators/src/headers/tree.js';
import { loadAbi } from '../generators/src/load/index.js';

/** A finding we expect: its severity, rule and item. */
interface Expected {
  severity: Finding['severity'];
  rule: string;
  item: string;
  /** When the change is on some architectures only. */
  archs?: string[];
  /** The header the finding must point at. */
  file?: string;
}

interface XenCommit {
  commit: string;
  /** What the commit did to the ABI, in our words. */
  change: string;
  /** `breaking`: at least one unwaived error; `compatible`: no error and no warning. */
  verdict: 'breaking' | 'compatible';
  /** Findings that must be there. */
  expect: Expected[];
}

const COMMITS: XenCommit[] = [
  {
    commit: '5dd3907a2a',
    change: '#define value changed: GNTTAB_CACHE_SOURCE_GREF (1<<31) → (1u<<31), its siblings made unsigned (4.10 cycle)',
    verdict: 'breaking',
    expect: [
      { severity: 'error', rule: 'CONSTANT_VALUE_CHANGED', item: 'GNTTAB_CACHE_SOURCE_GREF' },
      { severity: 'warning', rule: 'CONSTANT_TYPE_CHANGED', item: 'GNTTAB_CACHE_CLEAN' },
    ],
  },
  {
    commit: 'd07b7ed8b5',
    change: 'stable flag removed: GNTMAP_can_fail and its bit number leave grant_table.h (4.16 cycle)',
    verdict: 'breaking',
    expect: [
      { severity: 'error', rule: 'CONSTANT_REMOVED', item: 'GNTMAP_can_fail' },
      { severity: 'error', rule: 'CONSTANT_REMOVED', item: '_GNTMAP_can_fail' },
    ],
  },
  {
    commit: '1ddc0d43c2',
    change: 'stable op renamed: hypercall 39 __HYPERVISOR_xc_reserved_op becomes __HYPERVISOR_argo_op (4.12 cycle)',
    verdict: 'breaking',
    expect: [{ severity: 'error', rule: 'CONSTANT_REMOVED', item: '__HYPERVISOR_xc_reserved_op' }],
  },
  {
    commit: '918b8842a8',
    change: 'field changed on Arm only: cpsr of vcpu_guest_core_regs (tools-only since 4.13) widened to 64 bits, growing the stable vcpu_guest_context on Arm; domctl bumps its interface version, vm_event does not (4.16 cycle)',
    verdict: 'breaking',
    expect: [
      { severity: 'error', rule: 'RECORD_SIZE_CHANGED', item: 'vcpu_guest_context', archs: ['arm32', 'arm64'], file: 'xen/include/public/arch-arm.h' },
      { severity: 'error', rule: 'FIELD_WIDTH_CHANGED', item: 'vcpu_guest_context.user_regs', archs: ['arm32', 'arm64'], file: 'xen/include/public/arch-arm.h' },
      { severity: 'note', rule: 'FIELD_WIDTH_CHANGED', item: 'vcpu_guest_core_regs.cpsr', archs: ['arm32', 'arm64'] },
      { severity: 'error', rule: 'UNSTABLE_VERSION_NOT_BUMPED', item: 'vm_event' },
      { severity: 'note', rule: 'CONSTANT_VALUE_CHANGED', item: 'XEN_DOMCTL_INTERFACE_VERSION' },
    ],
  },
  {
    commit: '73c932d0ea',
    change: 'unstable change without an interface-version bump: xen_domctl_irq_permission.pirq widened after 4.16 had bumped domctl once (4.16 cycle)',
    verdict: 'breaking',
    expect: [{ severity: 'error', rule: 'UNSTABLE_VERSION_NOT_BUMPED', item: 'domctl' }],
  },
  {
    commit: '33e5c32559',
    change: 'unstable flags removed and renumbered (XEN_DOMCTL_CDF_pvh_guest gone, xs_domain 5 → 4) with the domctl interface version bumped (4.9 cycle)',
    verdict: 'compatible',
    expect: [
      { severity: 'note', rule: 'CONSTANT_VALUE_CHANGED', item: 'XEN_DOMCTL_INTERFACE_VERSION' },
      { severity: 'note', rule: 'FLAG_BIT_MOVED', item: 'XEN_DOMCTL_CDF_xs_domain' },
    ],
  },
  {
    commit: 'c4441ab1f1',
    change: 'append-only addition: XEN_DMOP_nr_vcpus (20) and its record (4.15 cycle)',
    verdict: 'compatible',
    expect: [
      { severity: 'note', rule: 'OP_ADDED', item: 'XEN_DMOP_nr_vcpus' },
      { severity: 'note', rule: 'RECORD_ADDED', item: 'xen_dm_op_nr_vcpus' },
    ],
  },
];

const ROOT = resolve(import.meta.dirname, '..');

function usage(message: string): never {
  process.stderr.write(`xen-commits: ${message}\nUsage: npx tsx scripts/xen-commits.ts XEN_REPO [--only COMMIT,…] [--details]\n`);
  process.exit(2);
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { only: { type: 'string' }, details: { type: 'boolean' } } });
const repo = positionals[0] ? resolve(positionals[0]) : usage('give the path of one Xen repository');
if (positionals.length > 1) usage('give the path of one Xen repository');
const only = values.only?.split(',');
const chosen = only ? COMMITS.filter((c) => only.some((o) => c.commit.startsWith(o) || o.startsWith(c.commit))) : COMMITS;
if (only && chosen.length !== only.length) usage(`--only ${values.only}: not every commit is in the list (${COMMITS.map((c) => c.commit).join(', ')})`);
const problem = clangProblem();
if (problem) usage(problem);

const { model } = await loadAbi(join(ROOT, 'abi'), ROOT);

async function side(ref: string): Promise<AbiSide> {
  try {
    resolveCommit(repo, ref);
    return await loadHeaderSide({ kind: 'xen-git', repo, ref }, { cwd: repo, registry: model });
  } catch (error) {
    if (error instanceof HeaderTreeError) usage(error.message);
    throw error;
  }
}

const matches = (e: Expected, f: Finding) =>
  f.severity === e.severity && f.rule === e.rule && f.item === e.item && (!e.archs || (f.archs.length > 0 && f.archs.join() === e.archs.join())) && (!e.file || f.loc.file === e.file);
const shown = (f: Finding) => `${f.severity} ${f.rule} ${f.item}${f.archs.length && f.archs.length < 4 ? ` (${f.archs.join(',')})` : ''}`;

const rows: string[][] = [];
const details: string[] = [];
let wrong = 0;
const started = performance.now();
for (const c of chosen) {
  const result: CheckResult = checkAbi(await side(`${c.commit}^`), await side(c.commit));
  const live = result.findings.filter((f) => !f.waived);
  const errors = live.filter((f) => f.severity === 'error');
  const alarms = live.filter((f) => f.severity !== 'note');
  const got = errors.length ? 'breaking' : 'compatible';
  const missing = c.expect.filter((e) => !live.some((f) => matches(e, f)));
  const ok = got === c.verdict && (c.verdict === 'breaking' || alarms.length === 0) && missing.length === 0;
  if (!ok) wrong += 1;
  const decided = (errors.length ? errors : live).slice(0, 3).map(shown).join('; ');
  rows.push([c.commit, c.verdict, got, `${errors.length} / ${alarms.length - errors.length} / ${live.length - alarms.length}`, ok ? 'ok' : 'WRONG', decided]);
  if (!ok || values.details) {
    details.push(`== ${c.commit} ${c.change}`);
    for (const e of missing) details.push(`  missing: ${e.severity} ${e.rule} ${e.item}${e.archs ? ` (${e.archs.join(',')})` : ''}${e.file ? ` in ${e.file}` : ''}`);
    for (const f of values.details ? live : alarms) details.push(`  ${shown(f)}  ${f.loc.file}:${f.loc.line}`);
  }
}

const header = ['commit', 'expected', 'header mode', 'errors / warnings / notes', 'verdict', 'first findings'];
const table = [header, header.map((h) => '-'.repeat(h.length)), ...rows];
const widths = header.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
process.stdout.write(`${table.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n')}\n`);
if (details.length) process.stdout.write(`\n${details.join('\n')}\n`);
process.stdout.write(`\n${chosen.length - wrong} of ${chosen.length} commits get the expected verdict (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
process.exitCode = wrong ? 1 : 0;
