/**
 * The decoupling proof. `src/` is a small device-model client (ioreq-server life cycle through
 * dm_op, an inter-domain event channel, an Argo ring) that prints every buffer it would hand to
 * Linux's privcmd driver. The same source is built three times for each of x86_64, x86_32,
 * arm64 and arm32, and run (Arm under qemu-user):
 *
 * - against xenabi's stable headers for the newest release, and nothing else;
 * - against xenabi's stable headers for an older oldest-supported release (4.12), where the ops
 *   that release lacks are compiled out through XENABI_HAS_ macros;
 * - against Xen's own 4.17 headers with __XEN_TOOLS__ (the twin).
 *
 * Ours must equal the twin byte for byte, every buffer of every op; the 4.12 build must equal
 * the newest one on every op both have: a device model built for an old Xen works on the new.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHES } from '../../generators/src/model/arch.js';
import { NEWEST_RELEASE, releaseHex } from '../../generators/src/model/releases.js';
import type { Arch } from '../../generators/src/model/types.js';
import { bufferBytes as bytes, differingLabels as differences, parseBuffers as parse, type Buffers } from '../consumers/lib/consumer.js';
import { REPO_ROOT } from '../lib/c-headers.js';
import { failureReport, runJobs, type Job, type JobResult } from '../lib/compile.js';
import {
  gate,
  INSTALLED_XEN_RELEASE,
  missingPrerequisites,
  missingSysroots,
  RUNNERS,
  runCommand,
  TARGETS,
  xenSystemDir,
} from '../lib/toolchain.js';

const HERE = join(REPO_ROOT, 'compat-tests/device-model');
const BUILD = join(HERE, 'build');
const SOURCES = ['main.c', 'dm_client.c'].map((f) => join(HERE, 'src', f));
const INCLUDE = join(REPO_ROOT, 'packages/c-headers/include');
/** The older oldest-supported release the client is also built for. */
const OLD_TARGET = '4.12';
/** The ops the old target lacks, by their output label. */
const ABSENT_IN_OLD_TARGET = ['nr_vcpus'];

const WARNINGS = ['-Wall', '-Wextra', '-Wpedantic', '-Werror'];

interface Variant {
  id: 'newest' | 'old' | 'xen';
  label: string;
  /** Ours in strict C11; Xen's headers use typeof in their handle accessors, so the twin is GNU C11. */
  flags: (xenSystem: string) => string[];
}

const VARIANTS: Variant[] = [
  { id: 'newest', label: `xenabi ${NEWEST_RELEASE}`, flags: () => ['-std=c11', '-I', INCLUDE] },
  { id: 'old', label: `xenabi, oldest Xen ${OLD_TARGET}`, flags: () => ['-std=c11', '-I', INCLUDE, `-DXENABI_XEN_MIN_VERSION=${releaseHex(OLD_TARGET)}`] },
  { id: 'xen', label: `Xen ${INSTALLED_XEN_RELEASE} headers`, flags: (xen) => ['-std=gnu11', '-DDM_XEN_HEADERS', '-D__XEN_TOOLS__', '-isystem', xen] },
];

const prerequisites = gate([
  ...missingPrerequisites([...ARCHES.map((a) => TARGETS[a].gcc), ...ARCHES.filter((a) => !RUNNERS[a].native).map((a) => RUNNERS[a].qemu)], true),
  ...missingSysroots(ARCHES),
]);

const opOf = (label: string): string => label.split('.')[0] ?? label;

function buildJob(arch: Arch, v: Variant, xenSystem: string): Job {
  const gcc = TARGETS[arch].gcc.command;
  return { label: `${gcc}: ${v.label}`, command: gcc, args: [...v.flags(xenSystem), ...WARNINGS, '-O1', '-o', binary(arch, v), ...SOURCES] };
}

function binary(arch: Arch, v: Variant): string {
  return join(BUILD, `dm-${v.id}-${arch}`);
}

/** Runs every binary; an x86_32 binary the kernel cannot execute is run again under qemu-i386. */
async function runAll(arches: readonly Arch[]): Promise<{ arch: Arch; variant: Variant; result: JobResult; emulated: boolean }[]> {
  const cases = arches.flatMap((arch) => VARIANTS.map((variant) => ({ arch, variant })));
  const job = (arch: Arch, v: Variant, emulate: boolean): Job => ({ label: `run ${v.label} on ${arch}`, ...runCommand(arch, binary(arch, v), emulate) });
  const first = await runJobs(cases.map((c) => job(c.arch, c.variant, false)));
  return Promise.all(
    cases.map(async (c, i) => {
      const result = first[i] as JobResult;
      const cannotExec = result.code === 127 && /ENOEXEC|EACCES/.test(result.stderr);
      if (!cannotExec || RUNNERS[c.arch].native === false) return { ...c, result, emulated: !RUNNERS[c.arch].native };
      const [again] = await runJobs([job(c.arch, c.variant, true)]);
      return { ...c, result: again as JobResult, emulated: true };
    }),
  );
}

describe('a device-model client built on xenabi alone', () => {
  it('has its cross compilers, qemu-user, cross libcs and Xen headers', (ctx) => prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip)(
    `hands privcmd the same bytes as its twin built on Xen ${INSTALLED_XEN_RELEASE}'s headers, and, built for Xen ${OLD_TARGET}, the same bytes for every op both have`,
    async () => {
      const started = Date.now();
      mkdirSync(BUILD, { recursive: true });
      const xenSystem = xenSystemDir(BUILD);
      const builds = await runJobs(ARCHES.flatMap((arch) => VARIANTS.map((v) => buildJob(arch, v, xenSystem))));
      const badBuilds = builds.filter((r) => r.code !== 0);
      expect(badBuilds, failureReport(badBuilds)).toEqual([]);
      const built = Date.now();

      const runs = await runAll(ARCHES);
      const badRuns = runs.filter((r) => r.result.code !== 0).map((r) => r.result);
      expect(badRuns, failureReport(badRuns)).toEqual([]);
      const ran = Date.now();

      const rows: string[] = [];
      const problems: string[] = [];
      for (const arch of ARCHES) {
        const out = (id: Variant['id']): Buffers => parse(runs.find((r) => r.arch === arch && r.variant.id === id)?.result.stdout ?? '');
        const [newest, old, xen] = [out('newest'), out('old'), out('xen')];
        const emulated = runs.some((r) => r.arch === arch && r.emulated);

        // Ours for the newest release against the twin: every buffer of every op.
        const all = new Set([...newest.keys(), ...xen.keys()]);
        const twinDiffs = differences(newest, xen, all);
        if (newest.size === 0) problems.push(`${arch}: the newest build printed nothing`);
        problems.push(...twinDiffs.map((l) => `${arch}: ${l} differs from the Xen ${INSTALLED_XEN_RELEASE} twin\n  ours ${newest.get(l)?.hex}\n  Xen  ${xen.get(l)?.hex}`));

        // Built for the old target: exactly the ops it lacks are missing, the rest is identical.
        const missing = [...new Set([...newest.keys()].filter((l) => !old.has(l)).map(opOf))];
        if (missing.join() !== ABSENT_IN_OLD_TARGET.join()) problems.push(`${arch}: built for Xen ${OLD_TARGET} it lacks [${missing}], expected [${ABSENT_IN_OLD_TARGET}]`);
        const shared = [...old.keys()];
        const oldDiffs = differences(old, newest, shared);
        problems.push(...oldDiffs.map((l) => `${arch}: ${l} differs between the ${OLD_TARGET} and the ${NEWEST_RELEASE} build`));

        const ops = new Set([...newest.keys()].map(opOf)).size;
        const sharedOps = new Set(shared.map(opOf)).size;
        rows.push(
          `${arch.padEnd(7)} ${(emulated ? 'qemu' : 'native').padEnd(6)} ` +
            `ours ${NEWEST_RELEASE} = Xen ${INSTALLED_XEN_RELEASE}: ${ops} ops, ${all.size} buffers, ${bytes(newest, all)} bytes ${twinDiffs.length ? '✗' : '✓'}   ` +
            `ours ${OLD_TARGET} = ours ${NEWEST_RELEASE}: ${sharedOps} ops, ${shared.length} buffers, ${bytes(old, shared)} bytes ${oldDiffs.length ? '✗' : '✓'} (without ${missing.join(', ')})`,
        );
      }
      console.log(
        [
          `device model: ${builds.length} builds in ${((built - started) / 1000).toFixed(1)} s, ${runs.length} runs in ${((ran - built) / 1000).toFixed(1)} s`,
          ...rows,
        ].join('\n'),
      );
      expect(problems, problems.join('\n')).toEqual([]);
    },
  );
});
