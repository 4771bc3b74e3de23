/**
 * Real Xen in the loop: each release in LIVE_RELEASES boots under QEMU's TCG with its own
 * toolstack in a busybox dom0, which starts the test guest once per language (languages.ts)
 * and reports every step on the serial console. See README.md.
 *
 * LIVE_XEN_RELEASES=4.17 (comma-separated) boots only those releases; both boot by default.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { gate, hasCommand, missingPrerequisites, type Tool } from '../lib/toolchain.js';
import { LANGUAGE_PLANS, LANGUAGES } from './languages.js';
import { LIVE_RELEASES, liveRelease } from './lib/releases.js';
import { expectedSteps, runRelease, summary, type LiveRun } from './lib/suite.js';

/** What the host runs: QEMU, cpio, the C and assembler toolchain, xz, apt's download tools and flock. */
export const HOST_TOOLS: Tool[] = [
  { command: 'gcc', debianPackage: 'gcc' },
  { command: 'qemu-system-x86_64', debianPackage: 'qemu-system-x86' },
  { command: 'cpio', debianPackage: 'cpio' },
  { command: 'as', debianPackage: 'binutils' },
  { command: 'ld', debianPackage: 'binutils' },
  { command: 'xz', debianPackage: 'xz-utils' },
  { command: 'dpkg-deb', debianPackage: 'dpkg' },
  { command: 'apt-get', debianPackage: 'apt' },
  { command: 'flock', debianPackage: 'util-linux' },
];

/** The Rust device model is built with cargo, which Debian's package is too old for. */
const CARGO_MISSING = 'cargo is not installed: install Rust with rustup (https://rustup.rs)';
const prerequisites = gate([...missingPrerequisites(HOST_TOOLS), ...(hasCommand('cargo') ? [] : [CARGO_MISSING])]);
const releases = process.env.LIVE_XEN_RELEASES ? process.env.LIVE_XEN_RELEASES.split(',').map(liveRelease) : LIVE_RELEASES;
/** Every release's boot, started together: each QEMU runs one vCPU on one host core. */
let runs: Promise<LiveRun[]> | undefined;
const runOf = async (xen: string): Promise<LiveRun> => (await (runs as Promise<LiveRun[]>)).find((r) => r.release.xen === xen) as LiveRun;

describe('device models on real Xen (QEMU TCG)', () => {
  it('has QEMU, cpio, gcc, binutils, xz, apt and cargo on the host', (ctx) => prerequisites.assertPresent(ctx));

  beforeAll(() => {
    if (prerequisites.skip) return;
    runs = Promise.all(releases.map((r) => runRelease(r, LANGUAGES)));
    return runs.then((all) => console.log(all.map(summary).join('\n')));
  }, 400_000);

  for (const release of releases) {
    describe(`Xen ${release.xen} (${release.suite})`, () => {
      it.skipIf(prerequisites.skip)('boots dom0 with its own toolstack and finishes', async () => {
        const run = await runOf(release.xen);
        const own = run.problems.filter((p) => p.language === 'dom0' || p.language === 'boot');
        expect(own.map((p) => p.message), `serial log: ${run.keptLog ?? run.boot.serialPath}`).toEqual([]);
      });
      for (const spec of LANGUAGE_PLANS) {
        it.skipIf(prerequisites.skip)(`${spec.language}: passes all ${expectedSteps(spec).length} steps`, async () => {
          const run = await runOf(release.xen);
          const own = run.problems.filter((p) => p.language === spec.language);
          expect(own.map((p) => p.message), `serial log: ${run.keptLog ?? run.boot.serialPath}`).toEqual([]);
          const passed = run.report.languages.get(spec.language)?.steps.filter((s) => s.passed).map((s) => s.step);
          expect(passed).toEqual(expect.arrayContaining(expectedSteps(spec)));
        });
      }
    });
  }
});
