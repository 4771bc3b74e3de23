/**
 * Runs the checks of `verify` through the probe: one compile per architecture and mode, all
 * of them side by side, and reads Xen's number for every check back.
 */
import type { HeaderMode } from '../headers/clang.js';
import { inParallel } from '../headers/clang.js';
import { runProbe, type ProbeInput } from '../headers/probe.js';
import type { Arch } from '../model/types.js';
import { bitsValue, textNumber, type ArchChecks, type VerifyCheck } from './checks.js';

/** Xen's answer to one check: its number, or why the compiler rejected the check. */
export interface Observation {
  check: VerifyCheck;
  xen?: bigint;
  /** The compiler's error, when the check did not compile (the item or member is absent). */
  absent?: string;
}

export interface ProbeRun {
  arch: Arch;
  mode: HeaderMode;
  set: ArchChecks;
  observations: Observation[];
  /** Xen headers that did not compile in this mode, with the compiler's first error. */
  rejectedIncludes: { header: string; error: string }[];
  /** The compiler's output when the probe could not be compiled at all. */
  failure?: string;
  rounds: number;
}

/** The probe of a set of checks: values first, then one object per bit-field. */
export function probeInputOf(set: ArchChecks): { input: ProbeInput; slot: ({ kind: 'value' | 'object'; index: number })[] } {
  const values: string[] = [];
  const objects: ProbeInput['objects'][number][] = [];
  const slot = set.checks.map((c) => {
    if (c.probe.kind === 'value') return { kind: 'value' as const, index: values.push(c.probe.expr) - 1 };
    if (c.probe.kind === 'text') return { kind: 'object' as const, index: objects.push({ type: 'char', array: true, init: c.probe.expr }) - 1 };
    return { kind: 'object' as const, index: objects.push({ type: c.probe.type, init: `{ .${c.probe.path} = -1 }` }) - 1 };
  });
  return { input: { includes: set.includes, values, objects }, slot };
}

/** First set bit (little-endian bit order, as all four targets allocate bit-fields) and the number of set bits. */
export function bitsOf(bytes: Uint8Array): bigint {
  let first = -1;
  let count = 0;
  bytes.forEach((byte, i) => {
    for (let b = 0; b < 8; b++) {
      if (!((byte >> b) & 1)) continue;
      if (first < 0) first = i * 8 + b;
      count += 1;
    }
  });
  return bitsValue(Math.max(first, 0), count);
}

export async function runChecks(set: ArchChecks, mode: HeaderMode, includeRoot: string): Promise<ProbeRun> {
  const { input, slot } = probeInputOf(set);
  const out = await runProbe(input, set.arch, mode, includeRoot);
  const rejectedIncludes = [...out.rejectedIncludes].map(([header, r]) => ({ header, error: r.error }));
  const base = { arch: set.arch, mode, set, rejectedIncludes, rounds: out.rounds };
  if (out.failure !== undefined) return { ...base, observations: [], failure: out.failure };
  const observations = set.checks.map((check, i): Observation => {
    const s = slot[i] as { kind: 'value' | 'object'; index: number };
    if (s.kind === 'value') {
      const xen = out.values[s.index];
      return xen === undefined ? { check, absent: out.rejectedValues.get(s.index)?.error ?? 'rejected' } : { check, xen };
    }
    const bytes = out.objects[s.index];
    if (bytes === undefined) return { check, absent: out.rejectedObjects.get(s.index)?.error ?? 'rejected' };
    return { check, xen: check.probe.kind === 'text' ? textNumber(bytes) : bitsOf(bytes) };
  });
  return { ...base, observations };
}

/** Every set in every mode, at most one compile per core at a time. */
export function runAll(jobs: readonly { set: ArchChecks; mode: HeaderMode }[], includeRoot: string): Promise<ProbeRun[]> {
  return inParallel(jobs.map((j) => () => runChecks(j.set, j.mode, includeRoot)));
}
