/**
 * Linux's Xen device interface as xenabi declares it (`abi/linux/`), against Linux's own
 * headers on four architectures, with clang and with GCC: Debian 12's linux-libc-dev (Linux
 * 6.1, the host's and the cross packages' copies), Debian 13's (Linux 6.12) and Debian 11's
 * (Linux 5.10, the release before 6.1 that Debian's mirror still serves), both fetched into
 * .cache/debian/. Every ioctl number, constant, record size, alignment and member offset of
 * what that Linux release has must be the kernel's; what later releases added must be absent.
 * Linux does not export xenbus_dev.h, so its two numbers are checked against Linux's `_IOC`.
 * Last, xenabi's generated headers share a translation unit with Linux 6.12's, in both orders.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { includeName, INCLUDE_ROOT } from '../../generators/src/emit/c/names.js';
import { ARCHES } from '../../generators/src/model/arch.js';
import type { Arch } from '../../generators/src/model/types.js';
import { loadAbi } from '../../generators/src/load/index.js';
import { NEWEST_RELEASE } from '../../generators/src/model/releases.js';
import { atRelease, type ReleaseModel } from '../../generators/src/select/release.js';
import { failureReport, runJobs, type Job } from '../lib/compile.js';
import { debianPackage, installedVersion, linuxReleaseOf, REPO_ROOT, type UnpackedPackage } from '../lib/debian.js';
import { CLANG, gate, IN_CI, missingPrerequisites, TARGETS } from '../lib/toolchain.js';
import { checkArch, type Compiler } from './diagnose.js';
import { mismatchTable } from './header-checks.js';
import { absenceFile, includeFlags, ioctlCount, linuxChecks, modulesIn, type LinuxHeaders } from './linux-checks.js';

const BUILD = fileURLToPath(new URL('./build/', import.meta.url));
const COMPILERS: Compiler[] = ['clang', 'gcc'];

/** Where each architecture's compiler finds Debian 12's copy: the host's, or the cross package's. */
const BOOKWORM_DIRS: Record<Arch, string> = {
  x86_64: '/usr/include/xen',
  x86_32: '/usr/i686-linux-gnu/include/xen',
  arm64: '/usr/aarch64-linux-gnu/include/xen',
  arm32: '/usr/arm-linux-gnueabihf/include/xen',
};
const CROSS_PACKAGES: Record<Arch, string> = {
  x86_64: 'linux-libc-dev',
  x86_32: 'linux-libc-dev-i386-cross',
  arm64: 'linux-libc-dev-arm64-cross',
  arm32: 'linux-libc-dev-armhf-cross',
};

const missing = [
  ...missingPrerequisites([CLANG, ...ARCHES.map((a) => TARGETS[a].gcc)]),
  ...ARCHES.filter((a) => !installedVersion(CROSS_PACKAGES[a])).map((a) => `Linux's headers for ${a} are not installed: apt-get install ${CROSS_PACKAGES[a]}`),
];
const prerequisites = gate(missing);

function bookworm(): LinuxHeaders {
  const version = installedVersion('linux-libc-dev') ?? '';
  return { label: `Debian 12 linux-libc-dev ${version} (and its cross packages)`, release: linuxReleaseOf(version), xenDir: (arch) => BOOKWORM_DIRS[arch] };
}

/** A downloaded linux-libc-dev: its xen/ headers hold no architecture's code, so one copy serves all four. */
function fetched(debian: string, pkg: UnpackedPackage): LinuxHeaders {
  return { label: `Debian ${debian} linux-libc-dev ${pkg.version}`, release: linuxReleaseOf(pkg.version), xenDir: () => join(pkg.root, 'usr', 'include', 'xen') };
}

let model: ReleaseModel;
let newer: LinuxHeaders | undefined;
let older: LinuxHeaders | undefined;
let fetchError = '';
let olderFetchError = '';

beforeAll(async () => {
  model = atRelease((await loadAbi(join(REPO_ROOT, 'abi'), REPO_ROOT)).model, NEWEST_RELEASE);
  if (prerequisites.skip) return;
  try {
    newer = fetched('13', debianPackage('trixie', 'linux-libc-dev'));
  } catch (e) {
    fetchError = `Debian 13's linux-libc-dev could not be fetched into .cache/debian/: ${(e as Error).message}`;
  }
  try {
    older = fetched('11', debianPackage('bullseye', 'linux-libc-dev'));
  } catch (e) {
    olderFetchError = `Debian 11's linux-libc-dev could not be fetched into .cache/debian/: ${(e as Error).message}`;
  }
}, 600_000);

/** Every check of every architecture against one copy, with both compilers; a readable report of what differs. */
async function verify(headers: LinuxHeaders): Promise<string> {
  const dir = join(BUILD, `linux-${headers.release}`);
  rmSync(dir, { recursive: true, force: true });
  const problems: string[] = [];
  for (const arch of ARCHES) {
    const set = linuxChecks(model, headers, arch, includeFlags(headers, arch, dir));
    expect(set.checks.length, `${headers.label} ${arch}: no checks`).toBeGreaterThan(0);
    const outcomes = await Promise.all(COMPILERS.map((compiler) => checkArch(set, `${headers.label}`, dir, compiler)));
    outcomes.forEach((o, i) => {
      if (o.ok) return;
      problems.push(o.mismatches.length ? `${COMPILERS[i]} ${arch}:\n${mismatchTable(o.mismatches, "Linux's")}` : `${COMPILERS[i]} ${arch}:\n${o.unexplained}`);
    });
    const absence = join(dir, `${arch}-absent.c`);
    writeFileSync(absence, absenceFile(set, set.absentMacros, headers.release));
    const [absent] = await runJobs([{ label: `${headers.label} ${arch}: later items absent`, command: TARGETS[arch].gcc.command, args: ['-std=gnu11', ...set.flags, '-c', '-o', '/dev/null', absence] }]);
    if (absent && absent.code !== 0) problems.push(failureReport([absent]));
    const n = set.counts;
    console.log(
      `${headers.label}, ${arch}: ${modulesIn(model, headers, arch).map((m) => m.name).join(', ')}: ${ioctlCount(model, set)} ioctl numbers, ${n.records} records, ${n.members} members, ${n.constants} constants (${set.checks.length} checks, clang and gcc): ${outcomes.every((o) => o.ok) ? 'equal' : 'DIFFERENT'}; absent as they should be: ${set.absentMacros.map((m) => m.name).join(', ') || 'none'}`,
    );
  }
  return problems.join('\n\n');
}

describe("Linux's Xen device interface against Linux's headers", () => {
  it('has clang, the cross compilers and the cross packages of linux-libc-dev', (ctx) => prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip)("matches Debian 12's linux-libc-dev (Linux 6.1) on four architectures", async () => {
    const report = await verify(bookworm());
    expect(report, report).toBe('');
  });

  it.skipIf(prerequisites.skip)("matches Debian 13's linux-libc-dev (Linux 6.12) on four architectures", async (ctx) => {
    if (!newer) {
      if (IN_CI) throw new Error(fetchError);
      console.warn(`skipped: ${fetchError}`);
      return ctx.skip();
    }
    const report = await verify(newer);
    expect(report, report).toBe('');
    // Every item xenabi declares is in Linux 6.12 but xenbus_dev's, which Linux does not export.
    const covered = new Set(ARCHES.flatMap((a) => modulesIn(model, newer!, a).map((m) => m.name)));
    expect([...covered].sort()).toEqual(['evtchn', 'gntalloc', 'gntdev', 'privcmd']);
  });

  it.skipIf(prerequisites.skip)("matches Debian 11's linux-libc-dev (Linux 5.10) on four architectures: what is older is there, what is newer is not", async (ctx) => {
    if (!older) {
      if (IN_CI) throw new Error(olderFetchError);
      console.warn(`skipped: ${olderFetchError}`);
      return ctx.skip();
    }
    expect(older.release).toBe('5.10');
    const report = await verify(older);
    expect(report, report).toBe('');
  });

  it.skipIf(prerequisites.skip)('reports a wrong ioctl number or offset with the kernel\'s own value (the check can fail)', async () => {
    const headers = bookworm();
    const dir = join(BUILD, 'self-test');
    const set = linuxChecks(model, headers, 'x86_64', includeFlags(headers, 'x86_64', dir));
    const wrong = {
      ...set,
      checks: set.checks.map((c) =>
        (c.item === 'IOCTL_PRIVCMD_DM_OP' && c.what === 'value') || (c.item === 'privcmd_dm_op' && c.field === 'ubufs' && c.what === 'offset') ? { ...c, expected: c.expected + 1n } : c,
      ),
    };
    const outcome = await checkArch(wrong, headers.label, dir, 'gcc');
    expect(outcome.ok).toBe(false);
    expect(outcome.mismatches.map((m) => `${m.item} ${m.field} ours ${m.ours} Linux's ${m.xen}`)).toEqual([
      'privcmd_dm_op ubufs (offset) ours 9 Linux\'s 8',
      'IOCTL_PRIVCMD_DM_OP (value) ours 1069062 Linux\'s 1069061',
    ]);
  });

  it.skipIf(prerequisites.skip)("numbers xenbus_dev's ioctls as Linux's _IOC does (Linux keeps that header to itself)", async () => {
    const dir = join(BUILD, 'xenbus_dev');
    mkdirSync(dir, { recursive: true });
    const ioctls = model.constants.filter((c) => c.module === 'xenbus_dev' && c.ioctl);
    expect(ioctls.length).toBe(2);
    const file = join(dir, 'xenbus_dev.c');
    const dirs = { none: '_IOC_NONE', write: '_IOC_WRITE', read: '_IOC_READ', readwrite: '_IOC_READ|_IOC_WRITE' } as const;
    writeFileSync(
      file,
      [
        '#include <linux/ioctl.h>',
        `#include <${includeName('linux', 'xenbus_dev')}>`,
        ...ioctls.map((c) => `_Static_assert(${c.name} == _IOC(${dirs[c.ioctl!.direction]}, '${c.ioctl!.type}', ${c.ioctl!.nr}, 0), "${c.name}");`),
        '',
      ].join('\n'),
    );
    const jobs: Job[] = ARCHES.map((arch) => ({ label: `${arch} xenbus_dev`, command: TARGETS[arch].gcc.command, args: ['-std=c11', '-I', join(REPO_ROOT, INCLUDE_ROOT), '-c', '-o', '/dev/null', file] }));
    const failed = (await runJobs(jobs)).filter((r) => r.code !== 0);
    expect(failed, failureReport(failed)).toEqual([]);
  });

  it.skipIf(prerequisites.skip)("lets xenabi's headers and Linux 6.12's share a translation unit, in both orders, and checks Linux's declarations", async (ctx) => {
    if (!newer) {
      if (IN_CI) throw new Error(fetchError);
      return ctx.skip();
    }
    const dir = join(BUILD, 'coexist');
    mkdirSync(dir, { recursive: true });
    const modules = model.modules.filter((m) => m.namespace === 'linux' && m.name !== 'xenbus_dev');
    const jobs: Job[] = [];
    for (const order of ['linux-first', 'xenabi-first'] as const) {
      const file = join(dir, `${order}.c`);
      const lines = modules.flatMap((m) => {
        const ours = `#include <${includeName('linux', m.name)}>`;
        const theirs = `#include <${m.xenHeader}>`;
        return order === 'linux-first' ? [theirs, ours] : [ours, theirs];
      });
      writeFileSync(file, ['#include <linux/ioctl.h>', ...lines, ''].join('\n'));
      for (const arch of ARCHES) {
        const flags = [...includeFlags(newer, arch, dir), '-I', join(REPO_ROOT, INCLUDE_ROOT)];
        jobs.push({ label: `clang ${arch} ${order}`, command: CLANG.command, args: [`--target=${TARGETS[arch].triple}`, '-std=c11', '-Wall', '-Wextra', '-Werror', ...flags, '-c', '-o', '/dev/null', file] });
        jobs.push({ label: `gcc ${arch} ${order}`, command: TARGETS[arch].gcc.command, args: ['-std=c11', '-Wall', '-Wextra', '-Werror', ...flags, '-c', '-o', '/dev/null', file] });
      }
    }
    const failed = (await runJobs(jobs)).filter((r) => r.code !== 0);
    expect(failed, failureReport(failed)).toEqual([]);
  });
});
