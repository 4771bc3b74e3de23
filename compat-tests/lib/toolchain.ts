/**
 * The toolchains the compatibility tests compile with, and what to do when one is missing:
 * under `CI=true` the test fails and names the Debian package to install; elsewhere it is
 * skipped with the same message (scripts/ensure-toolchains.sh installs them all).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Arch } from '../../generators/src/model/types.js';

/** A program the tests run, and the Debian package that provides it. */
export interface Tool {
  command: string;
  debianPackage: string;
}

export const CLANG: Tool = { command: 'clang', debianPackage: 'clang' };
export const GXX: Tool = { command: 'g++', debianPackage: 'g++' };

/** clang's target triple and the GCC cross compiler of each architecture. */
export const TARGETS: Record<Arch, { triple: string; gcc: Tool; libc: string }> = {
  x86_64: { triple: 'x86_64-linux-gnu', gcc: { command: 'gcc', debianPackage: 'gcc' }, libc: 'libc6-dev' },
  x86_32: { triple: 'i386-linux-gnu', gcc: { command: 'i686-linux-gnu-gcc', debianPackage: 'gcc-i686-linux-gnu' }, libc: 'libc6-dev-i386-cross' },
  arm64: { triple: 'aarch64-linux-gnu', gcc: { command: 'aarch64-linux-gnu-gcc', debianPackage: 'gcc-aarch64-linux-gnu' }, libc: 'libc6-dev-arm64-cross' },
  arm32: { triple: 'arm-linux-gnueabihf', gcc: { command: 'arm-linux-gnueabihf-gcc', debianPackage: 'gcc-arm-linux-gnueabihf' }, libc: 'libc6-dev-armhf-cross' },
};

/** Xen's public headers, as Debian's libxen-dev installs them. */
export const XEN_INCLUDE = '/usr/include/xen';
export const XEN_HEADERS_PACKAGE = 'libxen-dev';
/** The Xen release whose headers libxen-dev ships on Debian 12 (bookworm). */
export const INSTALLED_XEN_RELEASE = '4.17';

/** qemu's user-mode emulators, which run the Arm builds (and x86_32 where the kernel cannot). */
export const QEMU_PACKAGE = 'qemu-user';

/**
 * The loader i686 programs ask for. The cross libc ships its own copy under its sysroot; only a
 * host with i386 multiarch libraries has it here, and without it the kernel's exec fails with
 * ENOENT, so x86_32 programs run under qemu-i386 instead.
 */
const I386_LOADER = '/lib/ld-linux.so.2';

/**
 * How a program built for each architecture runs on an x86_64 host: natively, or under qemu's
 * user-mode emulator with the cross libc as its sysroot. x86_32 runs natively when the host
 * has the i386 loader, else under qemu-i386.
 */
export const RUNNERS: Record<Arch, { native: boolean; qemu: Tool; sysroot: string }> = {
  x86_64: { native: true, qemu: { command: 'qemu-x86_64', debianPackage: QEMU_PACKAGE }, sysroot: '/' },
  x86_32: { native: existsSync(I386_LOADER), qemu: { command: 'qemu-i386', debianPackage: QEMU_PACKAGE }, sysroot: '/usr/i686-linux-gnu' },
  arm64: { native: false, qemu: { command: 'qemu-aarch64', debianPackage: QEMU_PACKAGE }, sysroot: '/usr/aarch64-linux-gnu' },
  arm32: { native: false, qemu: { command: 'qemu-arm', debianPackage: QEMU_PACKAGE }, sysroot: '/usr/arm-linux-gnueabihf' },
};

/** The command line that runs `program`, built for `arch`, here; `emulate` forces qemu. */
export function runCommand(arch: Arch, program: string, emulate = false): { command: string; args: string[] } {
  const r = RUNNERS[arch];
  return r.native && !emulate ? { command: program, args: [] } : { command: r.qemu.command, args: ['-L', r.sysroot, program] };
}

/** One line per architecture whose cross libc (to link and run against) is not installed. */
export function missingSysroots(arches: readonly Arch[]): string[] {
  return arches
    .filter((a) => RUNNERS[a].sysroot !== '/' && !existsSync(`${RUNNERS[a].sysroot}/lib`))
    .map((a) => `the ${a} libc is not in ${RUNNERS[a].sysroot}: apt-get install ${TARGETS[a].libc}`);
}

/**
 * A directory under `buildDir` holding only a `xen` link to Xen's headers, passed with
 * `-isystem`: the cross compilers do not search /usr/include, and Xen's headers must be system
 * headers (their own warnings are not ours to fix).
 */
export function xenSystemDir(buildDir: string): string {
  const dir = join(buildDir, 'xen-system');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'xen'))) symlinkSync(XEN_INCLUDE, join(dir, 'xen'));
  return dir;
}

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** One line per missing prerequisite, naming the Debian package that provides it. */
export function missingPrerequisites(tools: readonly Tool[], needXenHeaders = false): string[] {
  const missing = [...new Map(tools.map((t) => [t.command, t])).values()]
    .filter((t) => !hasCommand(t.command))
    .map((t) => `${t.command} is not installed: apt-get install ${t.debianPackage}`);
  if (needXenHeaders && !existsSync(`${XEN_INCLUDE}/xen.h`)) {
    missing.push(`Xen's public headers are not in ${XEN_INCLUDE}: apt-get install ${XEN_HEADERS_PACKAGE}`);
  }
  return missing;
}

export const IN_CI = process.env.CI === 'true';

/**
 * How a test file treats missing prerequisites: `skip` is true when the real tests must not
 * run; `fail` is true when that is an error (CI), so the file's prerequisite test fails with
 * `message`, which names the packages to install.
 */
export function gate(missing: readonly string[]): { skip: boolean; fail: boolean; message: string; assertPresent: (ctx: { skip: () => void }) => void } {
  const message = missing.length ? `missing prerequisites (run scripts/ensure-toolchains.sh):\n  ${missing.join('\n  ')}` : '';
  if (missing.length && !IN_CI) console.warn(`skipped: ${message}`);
  const fail = missing.length > 0 && IN_CI;
  return {
    skip: missing.length > 0,
    fail,
    message,
    /** The body of a file's prerequisite test: passes when all is there, fails in CI, skips elsewhere. */
    assertPresent(ctx) {
      if (fail) throw new Error(message);
      if (missing.length > 0) ctx.skip();
    },
  };
}
