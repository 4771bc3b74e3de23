/**
 * The toolchains the compatibility tests compile with, and what to do when one is missing:
 * under `CI=true` the test fails and names the Debian package to install; elsewhere it is
 * skipped with the same message (scripts/ensure-toolchains.sh installs them all).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
export function gate(missing: readonly string[]): { skip: boolean; fail: boolean; message: string } {
  const message = missing.length ? `missing prerequisites (run scripts/ensure-toolchains.sh):\n  ${missing.join('\n  ')}` : '';
  if (missing.length && !IN_CI) console.warn(`skipped: ${message}`);
  return { skip: missing.length > 0, fail: missing.length > 0 && IN_CI, message };
}
