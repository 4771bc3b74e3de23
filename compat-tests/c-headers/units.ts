/**
 * Translation units and compiler configurations for the C header compile tests: every
 * header alone and the umbrella, on four targets with clang and GCC in C99 and C11 and with
 * g++ (and clang++) in C++11, warnings as errors; and each header next to Xen's own, in both
 * orders.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { interfaceVersions, Releases, type InterfaceVersionChoice } from '../../generators/src/emit/c/availability.js';
import { ARCH_MACROS, archCondition, hasMacro, includeName, memberMacroName, recordTypeName, selectedReleaseMacro, wantMacro, interfaceVersionLiteral } from '../../generators/src/emit/c/names.js';
import { declarationOrder } from '../../generators/src/emit/c/view-model.js';
import { ArchLayout } from '../../generators/src/layout/engine.js';
import { ARCHES, onArch } from '../../generators/src/model/arch.js';
import { compareReleases, NEWEST_RELEASE, releaseHex } from '../../generators/src/model/releases.js';
import type { AbiModel, Arch, ConstantDecl, ModuleDecl, RecordDecl } from '../../generators/src/model/types.js';
import { atRelease, type ReleaseModel } from '../../generators/src/select/release.js';
import type { Job } from '../lib/compile.js';
import { CLANG, GXX, TARGETS, type Tool } from '../lib/toolchain.js';

export { xenSystemDir } from '../lib/toolchain.js';

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
  // -Wold-style-cast: C++ users who forbid C casts compile the headers too (with -Werror, like every unit).
  return { label: `${tool.command} -std=${std}`, tool, arch: 'x86_64', cxx: true, std, args: ['-x', 'c++', `-std=${std}`, '-Wold-style-cast'] };
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

/**
 * Xen's headers that use io/ring.h's flexible-ring macros, whose inline functions need the
 * includer to declare size_t and memcpy first (string.h), as ring.h says.
 */
const NEEDS_STRING_H: ReadonlySet<string> = new Set(['io/9pfs.h', 'io/pvcalls.h']);

/** `#include <xen/…>` of the module's Xen counterpart, after what that header needs of its includer. */
export function includeXen(module: ModuleDecl): string {
  const include = `#include <xen/${module.xenHeader}>`;
  return NEEDS_STRING_H.has(module.xenHeader) ? `#include <string.h>\n${include}` : include;
}

/** The XENABI_XEN_MIN_VERSION values the compile tests try. */
export const MIN_VERSIONS = ['4.9', '4.12', '4.15', '4.22'];

/** clang for x86_64 in C11: one configuration for tests that must fail the same everywhere. */
export function clangC11(): Compiler {
  return clang('x86_64', 'c11');
}

/** The interface versions of an unstable module, each with the release it selects. */
export function interfaceVersionChoices(model: AbiModel, module: ModuleDecl): InterfaceVersionChoice[] {
  return interfaceVersions(module, new Releases(model, atRelease(model, NEWEST_RELEASE)));
}

/** `#define` of an unstable module's opt-in macro to one interface version. */
export function optInLineAt(module: ModuleDecl, literal: string): string {
  return `#define ${wantMacro(module.interfaceVersion?.constant ?? '')} ${literal}`;
}

/**
 * Asserts which release an unstable header followed, and the interface-version constant it then
 * has; `constants` are the model's, where the constant's architectures are looked up.
 */
export function releaseProbe(module: ModuleDecl, release: string, constants: readonly ConstantDecl[]): string[] {
  const macro = selectedReleaseMacro(module.name);
  const constant = module.interfaceVersion?.constant ?? '';
  // A version constant of some architectures only (HVM_FILE_VERSION, x86's) is probed where it exists.
  const constantArchs = constants.find((c) => c.name === constant)?.archs;
  const where = constantArchs ? `(${archCondition(constantArchs)}) && ` : '';
  return [
    `#if ${macro} != ${releaseHex(release)}`,
    `#error "${macro} is not ${releaseHex(release)}"`,
    '#endif',
    `#if ${where}${constant} != ${wantMacro(constant)}`,
    `#error "${constant} is not the version asked for"`,
    '#endif',
  ];
}

/**
 * Lines that fail to compile unless the stable headers, under XENABI_XEN_MIN_VERSION = release,
 * declare exactly the newest release's items that `release` had (their XENABI_HAS_ macros,
 * and those of members added later), and give each declared record the size the layout engine
 * computes for `release` on every architecture, independently of the headers' own checks.
 */
export function availabilityProbe(model: AbiModel, release: string): string[] {
  const newest = atRelease(model, NEWEST_RELEASE);
  const view = atRelease(model, release);
  const out: string[] = [];
  for (const m of newest.modules.filter((x) => x.namespace === 'stable')) {
    const had = new Set(view.modules.find((x) => x.name === m.name)?.order ?? []);
    for (const name of declarationOrder(m)) {
      const item = [...newest.records, ...newest.aliases, ...newest.constants, ...newest.sets].find((i) => i.name === name && i.module === m.name);
      const archs = 'archs' in (item ?? {}) && (item as { archs?: Arch[] }).archs ? (item as { archs: Arch[] }).archs : m.archs;
      out.push(...expectDefined(hasMacro(name), had.has(name), archs, `${name} (Xen ${release})`));
      const record = view.records.find((r) => r.name === name && !r.parent);
      if (record && had.has(name)) out.push(...memberProbes(model, newest, view, record, release, archs), ...sizeProbes(view, record, archs));
    }
  }
  return out;
}

function expectDefined(macro: string, defined: boolean, archs: readonly Arch[] | undefined, what: string): string[] {
  const test = `${defined ? '!' : ''}defined(${macro})`;
  return [`#if ${archs ? `(${archCondition(archs)}) && ` : ''}${test}`, `#error "${what} should ${defined ? '' : 'not '}be declared"`, '#endif'];
}

/** Members added after the record (directly or in an inline record): declared exactly when `release` has them. */
function memberProbes(history: AbiModel, newest: ReleaseModel, view: ReleaseModel, record: RecordDecl, release: string, archs: readonly Arch[] | undefined): string[] {
  const out: string[] = [];
  const walk = (name: string, prefix: string): void => {
    const later = newest.records.find((r) => r.name === name);
    const then = view.records.find((r) => r.name === name);
    for (const f of later?.fields ?? []) {
      if (f.since && f.since !== record.since && f.name && !f.archs && !namedThroughout(history, name, f.name)) {
        out.push(...expectDefined(hasMacro(memberMacroName(record.name, `${prefix}${f.name}`)), Boolean(then?.fields.some((x) => x.name === f.name)), archs, `${record.name}.${prefix}${f.name} (Xen ${release})`));
      }
      const inline = f.type.kind === 'record' ? newest.records.find((r) => r.name === (f.type as { name: string }).name && r.parent === name) : undefined;
      if (inline && f.name && then?.fields.some((x) => x.name === f.name)) walk(inline.name, `${prefix}${f.name}.`);
    }
  };
  walk(record.name, '');
  return out;
}

/**
 * True when every release of record `name` has a member `field`, under one declaration or
 * several that follow each other (a member retyped in place, such as `frame` in 4.14): it
 * then has no XENABI_HAS_ macro.
 */
function namedThroughout(history: AbiModel, name: string, field: string): boolean {
  const record = history.records.find((r) => r.name === name);
  const spans = (record?.fields ?? []).filter((f) => f.name === field).sort((a, b) => compareReleases(a.since ?? record!.since, b.since ?? record!.since));
  let covered: string | undefined = record?.since;
  for (const f of spans) {
    if (covered === undefined || compareReleases(f.since ?? record!.since, covered) > 0) return false;
    if (!f.until) return true;
    covered = f.until;
  }
  return false;
}

function sizeProbes(view: ReleaseModel, record: RecordDecl, archs: readonly Arch[] | undefined): string[] {
  return ARCHES.filter((a) => onArch(record, a) && (!archs || archs.includes(a))).flatMap((arch) => {
    const size = new ArchLayout(view, arch).record(record.name).size;
    return [`#if defined(${ARCH_MACROS[arch]})`, `XENABI_STATIC_ASSERT(probe_${record.name.replace(/\W/g, '_')}_size, sizeof(${recordTypeName(record)}) == ${size});`, '#endif'];
  });
}

