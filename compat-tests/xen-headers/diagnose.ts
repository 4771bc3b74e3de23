/**
 * Compiles the checks of one architecture against Xen's headers and, when they fail, finds
 * Xen's numbers with the probe. Used by the test; kept apart so the test reads as a list of
 * claims.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runJob, type Job } from '../lib/compile.js';
import { CLANG, TARGETS } from '../lib/toolchain.js';
import { assertionFile, mismatches, parseProbeAssembly, probeFile, rejectedEntries, type CheckSet, type Mismatch } from './xen-checks.js';

export interface ArchOutcome {
  set: CheckSet;
  ok: boolean;
  mismatches: Mismatch[];
  /** Compiler output when the failure was not explained by any mismatch. */
  unexplained: string;
}

function clangJob(set: CheckSet, file: string, extra: string[]): Job {
  return {
    label: `clang ${set.arch}: ${file}`,
    command: CLANG.command,
    args: [`--target=${TARGETS[set.arch].triple}`, '-std=gnu11', '-D__XEN_TOOLS__', '-include', 'stdint.h', ...extra, file],
  };
}

/** Compiles the assertions; on failure, probes Xen's numbers. */
export async function checkArch(set: CheckSet, release: string, buildDir: string): Promise<ArchOutcome> {
  const dir = join(buildDir, set.arch);
  mkdirSync(dir, { recursive: true });
  const assertions = join(dir, 'assertions.c');
  writeFileSync(assertions, assertionFile(set, release));
  const compiled = await runJob(clangJob(set, assertions, ['-c', '-o', '/dev/null']));
  if (compiled.code === 0) return { set, ok: true, mismatches: [], unexplained: '' };
  const probed = await probe(set, release, dir);
  const rows = probed.values ? mismatches(set, probed.values, probed.absent) : [];
  return { set, ok: false, mismatches: rows, unexplained: rows.length ? '' : probed.error || compiled.stderr };
}

/** Xen's value of every check; entries the compiler rejects (an absent member) are marked absent. */
export async function probe(set: CheckSet, release: string, dir: string): Promise<{ values?: bigint[]; absent: Set<number>; error: string }> {
  const absent = new Set<number>();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'probe.c');
  for (let round = 0; round < 8; round++) {
    const { text, firstLine } = probeFile(set, release, absent);
    writeFileSync(file, text);
    const result = await runJob(clangJob(set, file, ['-S', '-o', '-']));
    if (result.code === 0) return { values: parseProbeAssembly(result.stdout, set.arch), absent, error: '' };
    const rejected = rejectedEntries(result.stderr, file, firstLine, set.checks.length).filter((i) => !absent.has(i));
    if (rejected.length === 0) return { absent, error: result.stderr };
    for (const i of rejected) absent.add(i);
  }
  return { absent, error: 'the probe still did not compile after 8 rounds' };
}
