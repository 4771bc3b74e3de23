/**
 * Translation units and compiler configurations for the C header compile tests: every
 * header alone and the umbrella, on four targets with clang and GCC in C99 and C11 and with
 * g++ (and clang++) in C++11, warnings as errors; and each header next to Xen's own, in both
 * orders.
 */
import { mkdirSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { includeName, recordTypeName, wantMacro, interfaceVersionLiteral } from '../../generators/src/emit/c/names.js';
import { ARCHES } from '../../generators/src/model/arch.js';
import type { Arch, ModuleDecl } from '../../generators/src/model/types.js';
import type { ReleaseModel } from '../../generators/src/select/release.js';
import type { Job } from '../lib/compile.js';
import { CLANG, GXX, TARGETS, XEN_INCLUDE, type Tool } from '../lib/toolchain.js';

export const WARNINGS = ['-Wall', '-Wextra', '-Wpedantic', '-Werror'];

/** One compiler, target and language standard. */
export interface Compiler {
  label: string;
  tool: Tool;
  arch: Arch;
  cxx: boolean;
  /** The standard; GNU dialects are used only where Xen's own headers need them. */
  std: string;
  args: string[];
}

function clang(arch: Arch, std: string): Compiler {
  return { label: `clang ${arch} -std=${std}`, tool: CLANG, arch, cxx: false, std, args: [`--target=${TARGETS[arch].triple}`, `-std=${std}`] };
}

function gcc(arch: Arch, std: string): Compiler {
  const tool = TARGETS[arch].gcc;
  return { label: `${tool.command} -std=${std}`, tool, arch, cxx: false, std, args: [`-std=${std}`] };
}

function cxx(tool: Tool, std: string): Compiler {
  return { label: `${tool.command} -std=${std}`, tool, arch: 'x86_64', cxx: true, std, args: ['-x', 'c++', `-std=${std}`] };
}

export const CLANGXX: Tool = { command: 'clang++', debianPackage: 'clang' };

/** Every configuration each header must compile in, warning-free. */
export function standaloneCompilers(): Compiler[] {
  return [
    ...ARCHES.flatMap((a) => [clang(a, 'c99'), clang(a, 'c11')]),
    ...ARCHES.flatMap((a) => [gcc(a, 'c99'), gcc(a, 'c11')]),
    cxx(GXX, 'c++11'),
    cxx(CLANGXX, 'c++11'),
  ];
}

/**
 * Configurations for the coexistence tests. Xen's domctl.h pulls in hvm/save.h, which
 * refuses strict ISO modes, so `gnu` asks for the GNU dialect of each standard.
 */
export function coexistenceCompilers(gnu: boolean): Compiler[] {
  const c = (std: string) => (gnu ? `gnu${std}` : `c${std}`);
  return [...ARCHES.flatMap((a) => [clang(a, c('99')), clang(a, c('11'))]), ...ARCHES.map((a) => gcc(a, c('11'))), cxx(GXX, gnu ? 'gnu++11' : 'c++11')];
}

/** The tools a list of configurations needs. */
export function toolsOf(compilers: readonly Compiler[]): Tool[] {
  return compilers.map((c) => c.tool);
}

/** A compile job: `-c -o /dev/null`, warnings as errors. */
export function compileJob(label: string, compiler: Compiler, file: string, includeDirs: string[], extra: string[] = []): Job {
  return {
    label: `${compiler.label}: ${label}`,
    command: compiler.tool.command,
    args: [...compiler.args, ...WARNINGS, ...extra, ...includeDirs.flatMap((d) => ['-I', d]), '-c', '-o', '/dev/null', file],
  };
}

/**
 * A directory holding only a `xen` link to Xen's headers, passed with `-isystem`: the cross
 * compilers do not search /usr/include, and Xen's headers must be system headers (their own
 * warnings are not ours to fix).
 */
export function xenSystemDir(buildDir: string): string {
  const dir = join(buildDir, 'xen-system');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'xen'))) symlinkSync(XEN_INCLUDE, join(dir, 'xen'));
  return dir;
}

/** `#define` of the opt-in macro of an unstable module, at the version of the emitted header. */
export function optInLine(model: ReleaseModel, module: ModuleDecl): string {
  const constant = module.interfaceVersion?.constant;
  if (!constant) return '';
  const value = model.constants.find((c) => c.name === constant)?.value ?? '0';
  return `#define ${wantMacro(constant)} ${interfaceVersionLiteral(value)}`;
}

/**
 * Functions that point every guest handle a module's records hold with XENABI_SET_GUEST_HANDLE,
 * so the tests show the macro works on our fields and, when Xen's header came first, on Xen's.
 */
export function handleUses(model: ReleaseModel, module: ModuleDecl): string[] {
  const out: string[] = [];
  for (const r of model.records.filter((x) => x.module === module.name && !x.parent && !x.archs)) {
    for (const f of r.fields.filter((x) => x.type.kind === 'handle' && !x.archs)) {
      const fn = `xenabi_use_${r.name}_${f.name}`;
      const param = `${recordTypeName(r)} *r`;
      out.push(`void ${fn}(${param});`, `void ${fn}(${param}) { XENABI_SET_GUEST_HANDLE(r->${f.name}, 0); }`);
    }
  }
  return out;
}

/** Writes a translation unit and returns its path. */
export function writeUnit(dir: string, name: string, lines: readonly string[]): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.c`);
  writeFileSync(path, [`/* Generated by compat-tests/c-headers. */`, ...lines, ''].join('\n'));
  return path;
}

/** `#include <xenabi/…>` of a module. */
export function includeOurs(module: ModuleDecl): string {
  return `#include <${includeName(module.namespace, module.name)}>`;
}

/** `#include <xen/…>` of the module's Xen counterpart. */
export function includeXen(module: ModuleDecl): string {
  return `#include <xen/${module.xenHeader}>`;
}
