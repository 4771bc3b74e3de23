/**
 * `xenabi verify` as a library: the registry as one Xen release has it, against a tree of
 * Xen's own headers, compiled for every architecture in tools mode (every item) and plain
 * mode (the stable items). The result has the checker's shape, so every output format of
 * `check` prints it.
 *
 * ```ts
 * const result = await verifyHeaders(model, { tree: locateHeaderTree('/usr/include/xen'), release: '4.17' });
 * if (result.summary.result === 'fail') console.log(formatResult(result, 'text', { command: 'xenabi verify' }));
 * ```
 */
import { sortFindings, summaryOf, type CheckResult } from '../check/engine.js';
import { clangVersion, type HeaderMode } from '../headers/clang.js';
import { HeaderTreeError, includeRoot, type HeaderTree } from '../headers/tree.js';
import { ARCHES } from '../model/arch.js';
import type { AbiModel, Arch, Namespace } from '../model/types.js';
import { atRelease } from '../select/release.js';
import { verifyChecks, type ArchChecks } from './checks.js';
import { verifyFindings } from './findings.js';
import { plainLayoutModel, shownWithoutTools } from './modes.js';
import { runAll, type ProbeRun } from './run.js';

export { verifyChecks, type ArchChecks, type VerifyCheck, type CheckCounts } from './checks.js';
export type { ProbeRun, Observation } from './run.js';

export interface VerifyOptions {
  tree: HeaderTree;
  /** The release the tree is; the registry is compared as it has that release. */
  release: string;
  arches?: readonly Arch[];
  /** What the registry is called in the report. @example "abi/" */
  registryLabel?: string;
}

export interface VerifyResult extends CheckResult {
  /** Every compile: architecture, mode, checks and Xen's answers. */
  runs: ProbeRun[];
}

export async function verifyHeaders(model: AbiModel, options: VerifyOptions): Promise<VerifyResult> {
  const arches = options.arches ?? ARCHES;
  const view = atRelease(model, options.release);
  const plain = plainLayoutModel(view);
  const jobs: { set: ArchChecks; mode: HeaderMode }[] = arches.flatMap((arch) => [
    { set: verifyChecks(view, arch), mode: 'tools' as const },
    { set: verifyChecks(plain, arch, shownWithoutTools(options.release)), mode: 'plain' as const },
  ]);
  const root = includeRoot(options.tree);
  let runs: ProbeRun[];
  try {
    runs = await runAll(jobs, root.dir);
  } finally {
    root.dispose();
  }
  const broken = runs.find((r) => r.failure !== undefined && r.mode === 'tools');
  if (broken) throw new HeaderTreeError(`the headers in ${options.tree.label} do not compile for ${broken.arch} with __XEN_TOOLS__:\n${broken.failure?.split('\n').slice(0, 20).join('\n')}`);
  const findings = sortFindings(verifyFindings(runs));
  const namespaces = [...new Set(view.modules.map((m) => m.namespace))].sort() as Namespace[];
  const side = (label: string, origin: 'abi' | 'headers') => ({ label, origin, release: options.release, namespaces });
  return {
    base: side(options.registryLabel ?? 'abi/', 'abi'),
    head: side(options.tree.label, 'headers'),
    findings,
    skipped: [],
    notes: runNotes(runs),
    summary: summaryOf(findings, 'source'),
    runs,
  };
}

/** What was compared, per architecture and mode, and what could not be compiled. */
function runNotes(runs: readonly ProbeRun[]): string[] {
  const notes = runs.map((r) => {
    const c = r.set.counts;
    return `${r.arch} ${r.mode === 'tools' ? 'with' : 'without'} __XEN_TOOLS__: ${r.set.checks.length} checks of ${c.records} records, ${c.members} members, ${c.typedefs} typedefs and ${c.constants} constants`;
  });
  for (const r of runs) {
    for (const i of r.rejectedIncludes) notes.push(`${r.arch} ${r.mode}: <${i.header}> does not compile: ${i.error}`);
    if (r.failure) notes.push(`${r.arch} ${r.mode}: the probe did not compile:\n${r.failure.split('\n').slice(0, 20).join('\n')}`);
  }
  notes.push(`compiler: ${clangVersion()}`);
  return notes;
}
