/**
 * Compiles the checks of one architecture against the headers and, when they fail, finds
 * the headers' numbers with the probe. Used by the test; kept apart so the test reads as a
 * list of claims.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runJob, type Job } from '../lib/compile.js';
import { CLANG, TARGETS } from '../lib/toolchain.js';
import { assertionFile, mismatches, parseProbeAssembly, probeFile, rejectedEntries, type CheckSet, type Mismatch } from './header-checks.js';

export interface ArchOutcome {
  set: CheckSet;
  ok: boolean;
  mismatches: Mismatch[];
  /** Compiler output when the failure was not explained by any mismatch. */
  unexplained: string;
}

/** Which compiler builds the files: clang with `--target`, or the architecture's GCC. */
export type Compiler = 'clang' | 'gcc';

function compileJob(set: CheckSet, file: string, extra: string[], compiler: Compiler = 'clang'): Job {
  const target = compiler === 'clang' ? { command: CLANG.command, args: [`--target=${TARGETS[set.arch].triple}`] } : { command: TARGETS[set.arch].gcc.command, args: [] };
  return {
    label: `${compiler} ${set.arch}: ${file}`,
    command: target.command,
    args: [...target.args, '-std=gnu11', ...set.flags, ...extra, file],
  };
}

/** Compiles the assertions; on failure, probes the headers' numbers (always with clang, which reads every target's assembly alike). */
export async function checkArch(set: CheckSet, release: string, buildDir: string, compiler: Compiler = 'clang'): Promise<ArchOutcome> {
  const dir = join(buildDir, `${set.arch}-${compiler}`);
  mkdirSync(dir, { recursive: true });
  const assertions = join(dir, 'assertions.c');
  writeFileSync(assertions, assertionFile(set, release));
  const compiled = await runJob(compileJob(set, assertions, ['-c', '-o', '/dev/null'], compiler));
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
    const result = await runJob(compileJob(set, file, ['-S', '-o', '-']));
    if (result.code === 0) return { values: parseProbeAssembly(result.stdout, set.arch), absent, error: '' };
    const rejected = rejectedEntries(result.stderr, file, firstLine, set.checks.length).filter((i) => !absent.has(i));
    if (rejected.length === 0) return { absent, error: result.stderr };
    for (const i of rejected) absent.add(i);
  }
  return { absent, error: 'the probe still did not compile after 8 rounds' };
}
