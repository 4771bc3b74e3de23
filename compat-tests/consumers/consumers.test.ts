/**
 * Consumer programs: small C programs that do what real Xen consumers do (an ioreq server in
 * the style of varstored, …), each in a folder of its own here, printing every buffer it
 * would hand to Xen or share with it. Each is built for x86_64, x86_32, arm64 and arm32 twice:
 *
 * - on xenabi's C headers alone: the dependency list the compiler writes must name no header
 *   of Xen's (`/usr/include/xen` is on a cross compiler's default path too, so this is checked,
 *   not assumed);
 * - on Xen's own headers (Debian's libxen-dev) with `-DCONSUMER_XEN_HEADERS -D__XEN_TOOLS__`,
 *   the twin.
 *
 * Run on its architecture (Arm under qemu-user), each build must print the same bytes as its
 * twin, every buffer. To add a program: a folder with its sources and an `abi.h` switch on
 * CONSUMER_XEN_HEADERS, and a row in CONSUMERS.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHES } from '../../generators/src/model/arch.js';
import type { Arch } from '../../generators/src/model/types.js';
import { REPO_ROOT } from '../lib/c-headers.js';
import { failureReport, runJobs, type Job } from '../lib/compile.js';
import { bufferBytes, differingLabels, parseBuffers, runPrograms } from '../lib/programs.js';
import { gate, INSTALLED_XEN_RELEASE, missingPrerequisites, missingSysroots, RUNNERS, TARGETS, xenSystemDir } from '../lib/toolchain.js';

const HERE = join(REPO_ROOT, 'compat-tests/consumers');
const BUILD = join(HERE, 'build');
const INCLUDE = join(REPO_ROOT, 'packages/c-headers/include');
const WARNINGS = ['-Wall', '-Wextra', '-Wpedantic', '-Werror'];

interface Consumer {
  /** Its folder under compat-tests/consumers/. */
  name: string;
  sources: string[];
  /** What real consumer it mirrors. */
  mirrors: string;
}

const CONSUMERS: Consumer[] = [{ name: 'ioreq-server', sources: ['ioreq_server.c'], mirrors: 'varstored: dm_op, XENMEM_acquire_resource, event channels, the ioreq pages' }];

type Headers = 'xenabi' | 'xen';

interface Build {
  consumer: Consumer;
  arch: Arch;
  headers: Headers;
}

const BUILDS: Build[] = CONSUMERS.flatMap((consumer) => ARCHES.flatMap((arch) => (['xenabi', 'xen'] as const).map((headers) => ({ consumer, arch, headers }))));

const prerequisites = gate([
  ...missingPrerequisites([...ARCHES.map((a) => TARGETS[a].gcc), ...ARCHES.filter((a) => !RUNNERS[a].native).map((a) => RUNNERS[a].qemu)], true),
  ...missingSysroots(ARCHES),
]);

const stem = (b: Build): string => join(BUILD, `${b.consumer.name}-${b.headers}-${b.arch}`);
const label = (b: Build): string => `${b.consumer.name} on ${b.headers === 'xen' ? `Xen ${INSTALLED_XEN_RELEASE}'s headers` : "xenabi's headers"}`;

function buildJob(b: Build, xenSystem: string): Job {
  const gcc = TARGETS[b.arch].gcc.command;
  const flags =
    b.headers === 'xenabi'
      ? ['-std=c11', '-I', INCLUDE, '-MD', '-MF', `${stem(b)}.d`]
      : ['-std=gnu11', '-DCONSUMER_XEN_HEADERS', '-D__XEN_TOOLS__', '-isystem', xenSystem];
  const sources = b.consumer.sources.map((s) => join(HERE, b.consumer.name, s));
  return { label: `${gcc}: ${label(b)}`, command: gcc, args: [...flags, ...WARNINGS, '-O1', '-o', stem(b), ...sources] };
}

/** The headers of Xen's a build read: a `…/xen/<header>` in the compiler's dependency list, outside this repository. */
function xenHeadersRead(b: Build): string[] {
  const deps = readFileSync(`${stem(b)}.d`, 'utf8').replace(/\\\n/g, ' ').split(/\s+/);
  return deps.filter((d) => !d.startsWith(REPO_ROOT) && /(^|\/)xen\/.+\.h$/.test(d));
}

describe('consumer programs built on xenabi alone', () => {
  it('have their cross compilers, qemu-user, cross libcs and Xen headers', (ctx) => prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip)(`read none of Xen's headers and print the same bytes as their twins built on Xen ${INSTALLED_XEN_RELEASE}'s`, async () => {
    mkdirSync(BUILD, { recursive: true });
    const xenSystem = xenSystemDir(BUILD);
    const builds = await runJobs(BUILDS.map((b) => buildJob(b, xenSystem)));
    const badBuilds = builds.filter((r) => r.code !== 0);
    expect(badBuilds, failureReport(badBuilds)).toEqual([]);

    const leaks = BUILDS.filter((b) => b.headers === 'xenabi').flatMap((b) => xenHeadersRead(b).map((h) => `${b.consumer.name} on ${b.arch} read ${h}`));
    expect(leaks, leaks.join('\n')).toEqual([]);

    const runs = await runPrograms(BUILDS, stem, label);
    const badRuns = runs.filter((r) => r.result.code !== 0).map((r) => r.result);
    expect(badRuns, failureReport(badRuns)).toEqual([]);

    const rows: string[] = [];
    const problems: string[] = [];
    for (const consumer of CONSUMERS) {
      for (const arch of ARCHES) {
        const out = (headers: Headers) => runs.find((r) => r.case.consumer === consumer && r.case.arch === arch && r.case.headers === headers);
        const [ours, xen] = [parseBuffers(out('xenabi')?.result.stdout ?? ''), parseBuffers(out('xen')?.result.stdout ?? '')];
        const labels = new Set([...ours.keys(), ...xen.keys()]);
        const diffs = differingLabels(ours, xen, labels);
        if (ours.size === 0) problems.push(`${consumer.name} on ${arch}: printed nothing`);
        problems.push(...diffs.map((l) => `${consumer.name} on ${arch}: ${l} differs from the Xen ${INSTALLED_XEN_RELEASE} twin\n  ours ${ours.get(l)?.hex}\n  Xen  ${xen.get(l)?.hex}`));
        const how = out('xenabi')?.emulated ? 'qemu' : 'native';
        rows.push(`${consumer.name.padEnd(14)} ${arch.padEnd(7)} ${how.padEnd(6)} ${labels.size} buffers, ${bufferBytes(ours, labels)} bytes ${diffs.length ? '✗' : '✓'}`);
      }
    }
    console.log([`consumer programs (ours = Xen ${INSTALLED_XEN_RELEASE}'s twin):`, ...rows].join('\n'));
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
