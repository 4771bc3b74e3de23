/**
 * Builds and runs a consumer program (a small C program that does what a real Xen consumer
 * does with the ABI and prints every buffer it fills) in several variants on x86_64, x86_32,
 * arm64 and arm32, and reads back what it printed. A consumer's test then compares the
 * variants: xenabi's headers against the twin built on Xen's own headers.
 *
 * Output protocol of every consumer: one line per buffer, `label<TAB>bytes<TAB>hex`; lines
 * starting with `#` are comments.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARCHES } from '../../../generators/src/model/arch.js';
import { releaseHex } from '../../../generators/src/model/releases.js';
import type { Arch } from '../../../generators/src/model/types.js';
import { REPO_ROOT } from '../../lib/c-headers.js';
import { failureReport, runJobs, type Job, type JobResult } from '../../lib/compile.js';
import { gate, missingPrerequisites, missingSysroots, RUNNERS, runCommand, TARGETS, xenSystemDir } from '../../lib/toolchain.js';

export const CONSUMERS_DIR = join(REPO_ROOT, 'compat-tests/consumers');
const INCLUDE = join(REPO_ROOT, 'packages/c-headers/include');
const WARNINGS = ['-Wall', '-Wextra', '-Wpedantic', '-Werror'];

/** Cross compilers, qemu-user, cross libcs and Xen's headers: what every consumer test needs. */
export const consumerPrerequisites = () =>
  gate([
    ...missingPrerequisites([...ARCHES.map((a) => TARGETS[a].gcc), ...ARCHES.filter((a) => !RUNNERS[a].native).map((a) => RUNNERS[a].qemu)], true),
    ...missingSysroots(ARCHES),
  ]);

/** One way to build a consumer: which headers, which dialect. */
export interface Variant {
  id: string;
  label: string;
  /** Compiler flags; `xenSystem` is a directory whose `xen` entry is Xen's headers. */
  flags: (xenSystem: string) => string[];
}

/** xenabi's headers alone, strict C11; for an oldest supported release when one is given. */
export function xenabiVariant(id: string, minRelease?: string): Variant {
  const min = minRelease ? [`-DXENABI_XEN_MIN_VERSION=${releaseHex(minRelease)}`] : [];
  return { id, label: minRelease ? `xenabi, oldest Xen ${minRelease}` : 'xenabi', flags: () => ['-std=c11', '-I', INCLUDE, ...min] };
}

/** Xen's own headers, as system headers, in GNU C11 (Xen's handle accessors use typeof); `define` switches the program's source. */
export function xenTwinVariant(id: string, label: string, define: string, extra: string[] = []): Variant {
  return { id, label, flags: (xen) => ['-std=gnu11', `-D${define}`, ...extra, '-isystem', xen] };
}

/** What a consumer printed: label → size and bytes. */
export type Buffers = Map<string, { size: number; hex: string }>;

export function parseBuffers(stdout: string): Buffers {
  const out: Buffers = new Map();
  for (const line of stdout.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [label = '', size = '', hex = ''] = line.split('\t');
    out.set(label, { size: Number(size), hex });
  }
  return out;
}

/** Labels on which `a` and `b` differ, or which only one of them has, among `labels`. */
export function differingLabels(a: Buffers, b: Buffers, labels: Iterable<string>): string[] {
  return [...labels].filter((l) => a.get(l)?.hex !== b.get(l)?.hex || a.get(l)?.size !== b.get(l)?.size);
}

/** Bytes of the buffers `labels` name. */
export function bufferBytes(buffers: Buffers, labels: Iterable<string>): number {
  return [...labels].reduce((n, l) => n + (buffers.get(l)?.size ?? 0), 0);
}

export interface ConsumerRuns {
  /** Failed builds and runs, as a readable report; empty when all went well. */
  failures: string;
  /** What each variant printed on each architecture. */
  output: (arch: Arch, variant: string) => Buffers;
  emulated: (arch: Arch) => boolean;
  summary: string;
}

/** Builds `sources` (relative to the consumer's folder) in every variant on every architecture, and runs each program. */
export async function buildAndRun(consumer: string, sources: readonly string[], variants: readonly Variant[]): Promise<ConsumerRuns> {
  const started = Date.now();
  const build = join(CONSUMERS_DIR, consumer, 'build');
  mkdirSync(build, { recursive: true });
  const xenSystem = xenSystemDir(build);
  const cases = ARCHES.flatMap((arch) => variants.map((variant) => ({ arch, variant, binary: join(build, `${consumer}-${variant.id}-${arch}`) })));
  const builds = await runJobs(
    cases.map(({ arch, variant, binary }) => ({
      label: `${TARGETS[arch].gcc.command}: ${consumer}, ${variant.label}`,
      command: TARGETS[arch].gcc.command,
      args: [...variant.flags(xenSystem), ...WARNINGS, '-O1', '-o', binary, ...sources.map((s) => join(CONSUMERS_DIR, consumer, s))],
    })),
  );
  const badBuilds = builds.filter((r) => r.code !== 0);
  if (badBuilds.length) return failed(failureReport(badBuilds));
  const built = Date.now();
  const runs = await Promise.all(cases.map((c) => runOne(c.arch, c.binary, `run ${consumer}, ${c.variant.label}, on ${c.arch}`)));
  const badRuns = runs.filter((r) => r.result.code !== 0).map((r) => r.result);
  if (badRuns.length) return failed(failureReport(badRuns));
  const outputs = new Map(cases.map((c, i) => [`${c.arch} ${c.variant.id}`, parseBuffers(runs[i]?.result.stdout ?? '')]));
  return {
    failures: '',
    output: (arch, variant) => outputs.get(`${arch} ${variant}`) ?? new Map(),
    emulated: (arch) => runs.some((r, i) => cases[i]?.arch === arch && r.emulated),
    summary: `${consumer}: ${builds.length} builds in ${((built - started) / 1000).toFixed(1)} s, ${runs.length} runs in ${((Date.now() - built) / 1000).toFixed(1)} s`,
  };
}

function failed(report: string): ConsumerRuns {
  return { failures: report, output: () => new Map(), emulated: () => false, summary: '' };
}

/** Runs one program; an x86_32 binary the kernel cannot execute runs again under qemu-i386. */
async function runOne(arch: Arch, binary: string, label: string): Promise<{ result: JobResult; emulated: boolean }> {
  const job = (emulate: boolean): Job => ({ label, ...runCommand(arch, binary, emulate) });
  const [first] = await runJobs([job(false)]);
  const result = first as JobResult;
  const cannotExec = result.code === 127 && /ENOEXEC|EACCES|ENOENT/.test(result.stderr);
  if (!cannotExec || !RUNNERS[arch].native) return { result, emulated: !RUNNERS[arch].native };
  const [again] = await runJobs([job(true)]);
  return { result: again as JobResult, emulated: true };
}
