/**
 * Programs that print the buffers they would hand to Xen, one line each:
 * `label<TAB>bytes<TAB>hex`. The device-model client and the consumer programs print this
 * way; these helpers read their output, compare two builds' buffers, and run the builds
 * of every architecture (Arm under qemu-user, x86_32 natively or under qemu-i386).
 */
import type { Arch } from '../../generators/src/model/types.js';
import { runJobs, type Job, type JobResult } from './compile.js';
import { RUNNERS, runCommand } from './toolchain.js';

/** A program's buffers by label. */
export type Buffers = Map<string, { size: number; hex: string }>;

/** Reads `label<TAB>bytes<TAB>hex` lines; blank lines and `#` comments are skipped. */
export function parseBuffers(stdout: string): Buffers {
  const out: Buffers = new Map();
  for (const line of stdout.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [label = '', size = '', hex = ''] = line.split('\t');
    out.set(label, { size: Number(size), hex });
  }
  return out;
}

/** Labels on which `a` and `b` differ, or which only one has (among `labels`). */
export function differingLabels(a: Buffers, b: Buffers, labels: Iterable<string>): string[] {
  return [...labels].filter((l) => a.get(l)?.hex !== b.get(l)?.hex || a.get(l)?.size !== b.get(l)?.size);
}

/** The bytes of the buffers `labels` name. */
export function bufferBytes(buffers: Buffers, labels: Iterable<string>): number {
  return [...labels].reduce((n, l) => n + (buffers.get(l)?.size ?? 0), 0);
}

export interface ProgramRun<C> {
  case: C;
  result: JobResult;
  /** Whether it ran under qemu-user. */
  emulated: boolean;
}

/**
 * Runs each case's binary on its architecture; an x86_32 binary the kernel cannot execute
 * (no i386 loader on the host) is run again under qemu-i386.
 */
export async function runPrograms<C extends { arch: Arch }>(cases: readonly C[], binary: (c: C) => string, label: (c: C) => string): Promise<ProgramRun<C>[]> {
  const job = (c: C, emulate: boolean): Job => ({ label: `run ${label(c)} on ${c.arch}`, ...runCommand(c.arch, binary(c), emulate) });
  const first = await runJobs(cases.map((c) => job(c, false)));
  return Promise.all(
    cases.map(async (c, i) => {
      const result = first[i] as JobResult;
      const cannotExec = result.code === 127 && /ENOEXEC|EACCES/.test(result.stderr);
      if (!cannotExec || RUNNERS[c.arch].native === false) return { case: c, result, emulated: !RUNNERS[c.arch].native };
      const [again] = await runJobs([job(c, true)]);
      return { case: c, result: again as JobResult, emulated: true };
    }),
  );
}
