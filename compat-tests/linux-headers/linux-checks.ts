/**
 * xenabi's `linux` namespace against Linux's own headers (Debian's `linux-libc-dev`): for one
 * architecture and one copy of the headers, a C file that includes them and asserts, for every
 * item that Linux release has, every record's size, alignment, member offsets and sizes, and
 * every ioctl number and constant — the kernel's own macro against the layout engine's number.
 * Items of later Linux releases must be absent from the headers (their macros undefined).
 *
 * Linux's privcmd.h does not compile on its own: it includes `<xen/interface/xen.h>`, which
 * the kernel keeps to itself, and uses `size_t` without `<stddef.h>`; gntdev.h uses
 * `grant_ref_t` and `domid_t` without declaring them. A shim written here at test time
 * stands in for the kernel's header: the three Xen types, and `<stddef.h>`.
 */
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArchLayout } from '../../generators/src/layout/engine.js';
import { compareLinuxReleases } from '../../generators/src/model/linux.js';
import type { Arch, ModuleDecl } from '../../generators/src/model/types.js';
import type { ReleaseModel } from '../../generators/src/select/release.js';
import { declarationOrder } from '../../generators/src/emit/c/view-model.js';
import { itemChecks, type CheckSet, type XenCheck } from './header-checks.js';

/** One copy of Linux's headers: which release, and where its `xen/` folder is for each architecture. */
export interface LinuxHeaders {
  /** For messages: `Debian 13 linux-libc-dev 6.12.117-1`. */
  label: string;
  /** The Linux release they are from. @example "6.12" */
  release: string;
  /** The folder holding `xen/privcmd.h` and friends, per architecture. */
  xenDir: (arch: Arch) => string;
}

/** The shim that stands in for the kernel-internal `<xen/interface/xen.h>`, per Linux's definitions. */
const SHIM = [
  '/* Test-time stand-in for the kernel-internal <xen/interface/xen.h>: the types Linux\'s uapi headers use. */',
  '#include <stddef.h>',
  '#include <stdint.h>',
  '#include <linux/ioctl.h>',
  'typedef uint16_t domid_t;',
  'typedef uint32_t grant_ref_t;',
  '#if defined(__arm__)',
  'typedef uint64_t xen_pfn_t;',
  '#else',
  'typedef unsigned long xen_pfn_t;',
  '#endif',
  '',
].join('\n');

/**
 * The include folders of one copy: the shim, then a folder holding only a `xen` link to the
 * headers (so nothing else of that package shadows the compiler's own system headers).
 */
export function includeFlags(headers: LinuxHeaders, arch: Arch, buildDir: string): string[] {
  const shimDir = join(buildDir, 'shim');
  mkdirSync(join(shimDir, 'xen', 'interface'), { recursive: true });
  writeFileSync(join(shimDir, 'xen', 'interface', 'xen.h'), SHIM);
  const linkDir = join(buildDir, `linux-${headers.release}-${arch}`);
  mkdirSync(linkDir, { recursive: true });
  if (!existsSync(join(linkDir, 'xen'))) symlinkSync(headers.xenDir(arch), join(linkDir, 'xen'));
  return ['-isystem', shimDir, '-isystem', linkDir, '-include', 'xen/interface/xen.h'];
}

/** The linux modules whose header this copy has (Linux does not export xenbus_dev.h). */
export function modulesIn(model: ReleaseModel, headers: LinuxHeaders, arch: Arch): ModuleDecl[] {
  return model.modules.filter((m) => m.namespace === 'linux' && existsSync(join(headers.xenDir(arch), m.xenHeader.replace(/^xen\//, ''))));
}

/** True when the release of the headers has the item. */
function inRelease(item: { linuxSince?: string; linuxUntil?: string }, release: string): boolean {
  if (item.linuxSince && compareLinuxReleases(release, item.linuxSince) < 0) return false;
  return !(item.linuxUntil && compareLinuxReleases(release, item.linuxUntil) >= 0);
}

/** Every check of one architecture against one copy of Linux's headers, and the macros that must be absent from it. */
export function linuxChecks(model: ReleaseModel, headers: LinuxHeaders, arch: Arch, flags: string[]): CheckSet & { absentMacros: { name: string; since: string }[] } {
  const layout = new ArchLayout(model, arch);
  const modules = modulesIn(model, headers, arch);
  const checks: XenCheck[] = [];
  const absentMacros: { name: string; since: string }[] = [];
  const counts = { records: 0, members: 0, constants: 0 };
  for (const m of modules) {
    for (const name of declarationOrder(m)) {
      const item = model.records.find((r) => r.name === name) ?? model.constants.find((c) => c.name === name);
      if (!item) continue;
      const constant = model.constants.find((c) => c.name === name);
      if (!inRelease(item, headers.release)) {
        if (constant) absentMacros.push({ name, since: constant.linuxSince ?? '' });
        continue;
      }
      // An ioctl number has Linux's type, which follows size_t (unsigned long on 64-bit); its value is what is checked.
      checks.push(...itemChecks(m.name, model, layout, name, counts).filter((c) => !(constant?.ioctl && c.what === 'type')));
    }
  }
  return { arch, includes: modules.map((m) => m.xenHeader), flags, checks, counts, absentMacros };
}

/** A C file that fails to compile when one of `macros` is defined after the headers. */
export function absenceFile(set: CheckSet, macros: readonly { name: string; since: string }[], release: string): string {
  return [
    ...set.includes.map((i) => `#include <${i}>`),
    ...macros.flatMap((m) => [`#ifdef ${m.name}`, `#error "${m.name} is in Linux ${release}'s header, but xenabi says Linux ${m.since} added it"`, '#endif']),
    '',
  ].join('\n');
}

/** How many ioctl numbers a set checks. */
export function ioctlCount(model: ReleaseModel, set: CheckSet): number {
  const ioctls = new Set(model.constants.filter((c) => c.ioctl).map((c) => c.name));
  return set.checks.filter((c) => c.what === 'value' && ioctls.has(c.item)).length;
}
