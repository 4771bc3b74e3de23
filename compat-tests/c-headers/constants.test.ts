/**
 * Every constant the C headers define has the value and the C type the model gives it, and
 * evaluating it is defined behaviour: for every release as XENABI_XEN_MIN_VERSION (the
 * constants as that release had them, `(1 << 31)` below 4.10 included) and, for the unstable
 * headers, every interface version they know.
 *
 * One translation unit per release asserts, for each constant, its type with `_Generic` and
 * its value with a static assertion, then reads it at run time into a variable of its type.
 * It is compiled on the four architectures with GCC, `-Wshift-overflow=2` and warnings as
 * errors (a shift into or past the sign bit is a compile error), and on x86_64 built with
 * UBSan (`-fsanitize=undefined -fno-sanitize-recover`) and run, so undefined behaviour in any
 * constant's expression stops the program.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARCH_MACROS, archCondition, wantMacro } from '../../generators/src/emit/c/names.js';
import { ARCHES } from '../../generators/src/model/arch.js';
import { NEWEST_RELEASE, releaseHex, XEN_RELEASES } from '../../generators/src/model/releases.js';
import type { AbiModel, Arch, ConstantDecl } from '../../generators/src/model/types.js';
import { atRelease } from '../../generators/src/select/release.js';
import { loadRepoModel, REPO_ROOT, writeCHeaders } from '../lib/c-headers.js';
import { failureReport, runJobs, type Job } from '../lib/compile.js';
import { gate, missingPrerequisites, TARGETS } from '../lib/toolchain.js';
import { interfaceVersionChoices, writeUnit } from './units.js';

const BUILD = join(REPO_ROOT, 'compat-tests/c-headers/build/constants');
const GCC_FLAGS = ['-std=c11', '-Wall', '-Wextra', '-Wpedantic', '-Wshift-overflow=2', '-Werror', '-O0'];
const prerequisites = gate(missingPrerequisites(ARCHES.map((a) => TARGETS[a].gcc)));

describe('the C headers’ constants', () => {
  it('have their compilers', (ctx) => prerequisites.assertPresent(ctx));

  describe.skipIf(prerequisites.skip)('in every release', () => {
    let model: AbiModel;
    let include: string;
    const units = new Map<string, { path: string; constants: number }>();

    beforeAll(async () => {
      model = await loadRepoModel();
      include = (await writeCHeaders(model, NEWEST_RELEASE, join(BUILD, 'headers'))).includeDir;
      for (const release of XEN_RELEASES) units.set(release, constantsUnit(model, release));
    });

    it('have the model’s value and type, with no shift into the sign bit, on four architectures', async () => {
      const jobs: Job[] = [...units].flatMap(([release, unit]) =>
        ARCHES.map((arch) => ({
          label: `XENABI_XEN_MIN_VERSION ${release} on ${arch} (${unit.constants} constants)`,
          command: TARGETS[arch].gcc.command,
          args: [...GCC_FLAGS, '-I', include, '-c', '-o', '/dev/null', unit.path],
        })),
      );
      const failed = (await runJobs(jobs)).filter((r) => r.code !== 0);
      expect(failed.length, failureReport(failed)).toBe(0);
      expect(Math.min(...[...units.values()].map((u) => u.constants))).toBeGreaterThan(50);
    });

    it('evaluate without undefined behaviour (UBSan, x86_64)', async () => {
      const builds = await runJobs(
        [...units].map(([release, unit]) => ({
          label: `UBSan build, XENABI_XEN_MIN_VERSION ${release}`,
          command: 'gcc',
          args: [...GCC_FLAGS.filter((f) => f !== '-Werror'), '-fsanitize=undefined', '-fno-sanitize-recover', '-I', include, '-o', `${unit.path}.bin`, unit.path],
        })),
      );
      const unbuilt = builds.filter((r) => r.code !== 0);
      expect(unbuilt.length, failureReport(unbuilt)).toBe(0);
      const all = [...units.values()];
      const runs = await runJobs([...units].map(([release, unit]) => ({ label: `UBSan run, XENABI_XEN_MIN_VERSION ${release}`, command: `${unit.path}.bin`, args: [] })));
      const failed = runs.filter((r, i) => r.code !== 0 || r.stdout.trim() !== `${all[i]?.constants} constants checked`);
      expect(failed.length, failureReport(failed)).toBe(0);
    });
  });
});

/**
 * The translation unit of one release: every stable constant the newest headers declare for
 * XENABI_XEN_MIN_VERSION = release, and every unstable one at the interface version that
 * release has, each with its expected type and value on each architecture.
 */
function constantsUnit(model: AbiModel, release: string): { path: string; constants: number } {
  const newest = atRelease(model, NEWEST_RELEASE);
  const view = atRelease(model, release);
  const stable = new Set(newest.constants.filter((c) => c.namespace === 'stable').map((c) => c.name));
  const lines = [`#define XENABI_XEN_MIN_VERSION ${releaseHex(release)}`];
  const probes: string[] = [];
  let count = 0;
  const probe = (c: ConstantDecl) => {
    probes.push(...constantProbe(c, count++));
  };
  for (const c of view.constants) if (c.namespace === 'stable' && stable.has(c.name)) probe(c);
  for (const m of newest.modules.filter((x) => x.namespace === 'unstable')) {
    const choice = interfaceVersionChoices(model, m).find((v) => v.releases.includes(release));
    if (!choice) continue;
    lines.push(`#define ${wantMacro(m.interfaceVersion?.constant ?? '')} ${choice.literal}`);
    for (const c of atRelease(model, choice.release).constants) if (c.module === m.name) probe(c);
  }
  const body = [
    ...lines,
    '#include <stdio.h>',
    '#include <string.h>',
    '#include <xenabi/xenabi.h>',
    'static int failed;',
    'static void fail(const char *name) { printf("%s has another value at run time\\n", name); failed = 1; }',
    'int main(void) {',
    ...probes,
    `  if (!failed) printf("${count} constants checked\\n");`,
    '  return failed;',
    '}',
  ];
  return { path: writeUnit(BUILD, `constants-${release}`, body), constants: count };
}

/** Type, value and run-time read of one constant, per architecture where its value differs. */
function constantProbe(c: ConstantDecl, n: number): string[] {
  const type = c.cType;
  if (type === 'string') return textProbe(c, n);
  const perArch = ARCHES.filter((a) => !c.archs || c.archs.includes(a)).map((arch) => ({ arch, value: BigInt(c.values?.[arch] ?? c.value) }));
  const lines: string[] = [];
  for (const { arch, value } of perArch) {
    const expected = `((${type})${literal(value)})`;
    lines.push(
      `#if defined(${ARCH_MACROS[arch]})`,
      `  XENABI_STATIC_ASSERT(probe_type_${n}, _Generic((${c.name}), ${type}: 1, default: 0));`,
      `  XENABI_STATIC_ASSERT(probe_value_${n}, (${c.name}) == ${expected});`,
      `  { volatile ${type} v = (${c.name}); if (v != ${expected}) fail("${c.name}"); }`,
      '#endif',
    );
  }
  return c.archs ? [`#if ${archCondition(c.archs as Arch[])}`, ...lines, '#endif'] : lines;
}

/**
 * A string constant: a string literal (`char *` once converted, as `_Generic` sees it) of the
 * model's length, whose bytes at run time are the model's, compared with an array of the
 * expected byte values so no escaping of ours is trusted.
 */
function textProbe(c: ConstantDecl, n: number): string[] {
  const lines: string[] = [];
  for (const arch of ARCHES.filter((a) => !c.archs || c.archs.includes(a))) {
    const bytes = [...Buffer.from(c.values?.[arch] ?? c.value, 'latin1'), 0];
    lines.push(
      `#if defined(${ARCH_MACROS[arch]})`,
      `  XENABI_STATIC_ASSERT(probe_type_${n}, _Generic((${c.name}), char *: 1, default: 0));`,
      `  XENABI_STATIC_ASSERT(probe_value_${n}, sizeof(${c.name}) == ${bytes.length});`,
      `  { static const char e[] = { ${bytes.join(', ')} }; if (sizeof(${c.name}) != sizeof e || memcmp(${c.name}, e, sizeof e) != 0) fail("${c.name}"); }`,
      '#endif',
    );
  }
  return c.archs ? [`#if ${archCondition(c.archs as Arch[])}`, ...lines, '#endif'] : lines;
}

/** A literal of `value` with no undefined behaviour and a type wide enough: long long or unsigned long long. */
function literal(value: bigint): string {
  if (value >= 0n) return `${value}ULL`;
  return value === -(2n ** 63n) ? '(-9223372036854775807LL - 1)' : `(${value}LL)`;
}

