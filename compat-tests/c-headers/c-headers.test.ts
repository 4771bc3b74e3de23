/**
 * The generated C headers compile: each alone and the umbrella, on x86_64, x86_32, arm64 and
 * arm32, with clang and GCC in C99 and C11 and with g++ and clang++ in C++11, all warnings as
 * errors; the unstable header only with its opt-in, at every interface version it knows; the
 * stable headers at several XENABI_XEN_MIN_VERSION values; and each header in one translation
 * unit with its Xen counterpart from /usr/include/xen, in either order.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEWEST_RELEASE, releaseHex } from '../../generators/src/model/releases.js';
import type { AbiModel, ModuleDecl } from '../../generators/src/model/types.js';
import { atRelease, type ReleaseModel } from '../../generators/src/select/release.js';
import { loadAbi } from '../../generators/src/load/index.js';
import { loadRepoModel, REPO_ROOT, writeCHeaders } from '../lib/c-headers.js';
import { failureReport, runJobs, type Job } from '../lib/compile.js';
import { gate, INSTALLED_XEN_RELEASE, missingPrerequisites } from '../lib/toolchain.js';
import {
  availabilityProbe,
  clangC11,
  coexistenceCompilers,
  compileJob,
  interfaceVersionChoices,
  MIN_VERSIONS,
  optInLineAt,
  releaseProbe,
  handleUses,
  includeOurs,
  includeXen,
  optInLine,
  standaloneCompilers,
  toolsOf,
  writeUnit,
  xenSystemDir,
  type Compiler,
} from './units.js';

const BUILD = join(REPO_ROOT, 'compat-tests/c-headers/build');
const prerequisites = gate(
  missingPrerequisites(toolsOf([...standaloneCompilers(), ...coexistenceCompilers(false), ...coexistenceCompilers(true)]), true),
);

/** A job and what it must do: compile, or fail with a message matching `fails`. */
interface Expectation {
  job: Job;
  fails?: RegExp;
}

/** Runs the jobs in parallel; returns a report of every job that did not do what it must. */
async function check(expectations: readonly Expectation[]): Promise<string> {
  const results = await runJobs(expectations.map((e) => e.job));
  const wrong = results.filter((r, i) => {
    const fails = expectations[i]?.fails;
    return fails ? r.code === 0 || !fails.test(r.stderr) : r.code !== 0;
  });
  console.log(`${results.length} compiles, ${wrong.length} wrong`);
  return wrong.length ? `${wrong.length} of ${results.length} compiles did not do what they must:\n\n${failureReport(wrong)}` : '';
}

/**
 * Known limits of coexistence, each asserted to fail for its stated reason so a fix shows up.
 * Xen declares xen_arch_domainconfig in its architecture headers, which xen.h includes; our
 * domctl.h skips its own declaration when Xen's came first, but cannot keep Xen's from
 * following it, since defining the architecture header's guard would hide the rest of it.
 */
const KNOWN_LIMITS: { unit: string; fails: RegExp }[] = [{ unit: 'domctl-then-xen.h', fails: /redefinition of .?(struct )?xen_arch_domainconfig/ }];

interface Setup {
  model: AbiModel;
  newest: ReleaseModel;
  include: string;
  xenSystem: string;
}

describe('the generated C headers', () => {
  it('have their compilers and Xen headers', (ctx) => prerequisites.assertPresent(ctx));

  describe.skipIf(prerequisites.skip)('compile', () => {
    let s: Setup;
    beforeAll(async () => {
      const model: AbiModel = await loadRepoModel();
      s = {
        model,
        newest: atRelease(model, NEWEST_RELEASE),
        include: (await writeCHeaders(model, NEWEST_RELEASE, join(BUILD, `headers-${NEWEST_RELEASE}`))).includeDir,
        xenSystem: xenSystemDir(BUILD),
      };
    });

    it('each header alone, and the umbrella, on every target, compiler and standard', async () => {
      const dir = join(BUILD, 'alone');
      const units = s.newest.modules.map((m) => ({ name: `${m.namespace}-${m.name}`, lines: [optInLine(s.newest, m), includeOurs(m), ...handleUses(s.newest, m)] }));
      const optIns = s.newest.modules.map((m) => optInLine(s.newest, m)).filter(Boolean);
      units.push({ name: 'umbrella', lines: ['#include <xenabi/xenabi.h>'] });
      units.push({ name: 'umbrella-unstable', lines: [...optIns, '#include <xenabi/xenabi.h>'] });
      const files = units.map((u) => ({ name: u.name, path: writeUnit(dir, u.name, u.lines.filter(Boolean)) }));
      const jobs = standaloneCompilers().flatMap((c) => files.map((f) => ({ job: compileJob(f.name, c, f.path, [s.include]) })));
      const report = await check(jobs);
      expect(report, report).toBe('');
    });

    it("compiles the golden fixture's headers, which use every construct the emitter prints", async () => {
      const fixture = join(REPO_ROOT, 'generators/test/fixtures/c-golden');
      const model = (await loadAbi(join(fixture, 'abi'), fixture)).model;
      const view = atRelease(model, NEWEST_RELEASE);
      const include = (await writeCHeaders(model, NEWEST_RELEASE, join(BUILD, 'fixture-headers'))).includeDir;
      const dir = join(BUILD, 'fixture');
      const optIns = view.modules.map((m) => optInLine(view, m)).filter(Boolean);
      const files = [
        ...view.modules.map((m) => ({ name: m.name, path: writeUnit(dir, m.name, [optInLine(view, m), includeOurs(m), ...handleUses(view, m)].filter(Boolean)) })),
        { name: 'umbrella', path: writeUnit(dir, 'umbrella', [...optIns, '#include <xenabi/xenabi.h>']) },
        { name: 'umbrella, older guest interface', path: writeUnit(dir, 'umbrella-legacy', ['#define __XEN_INTERFACE_VERSION__ 0x00030209', ...optIns, '#include <xenabi/xenabi.h>']) },
      ];
      const report = await check(standaloneCompilers().flatMap((c) => files.map((f) => ({ job: compileJob(`fixture ${f.name}`, c, f.path, [include]) }))));
      expect(report, report).toBe('');
    });

    it('refuses an unstable header without the opt-in, or with an interface version it does not know, saying what to define', async () => {
      const dir = join(BUILD, 'opt-in');
      const expectations = s.newest.modules
        .filter((m) => m.namespace === 'unstable')
        .flatMap((m) => {
          const want = optInLine(s.newest, m);
          const [, macro = ''] = /^#define (\S+) (\S+)$/.exec(want) ?? [];
          const constant = m.interfaceVersion?.constant ?? '';
          const without = writeUnit(dir, `${m.name}-without`, [includeOurs(m)]);
          const known = new Set(interfaceVersionChoices(s.model, m).map((v) => Number(v.literal)));
          const unknown = [...Array(known.size + 1).keys()].map((i) => i + 1).find((v) => !known.has(v)) ?? 0;
          const other = writeUnit(dir, `${m.name}-other`, [`#define ${macro} 0x${unknown.toString(16).padStart(8, '0')}`, includeOurs(m)]);
          return standaloneCompilers().flatMap((c) => [
            { job: compileJob(`${m.name} without ${macro}`, c, without, [s.include]), fails: new RegExp(`#define ${macro} to the ${constant} of the Xen you talk to`) },
            { job: compileJob(`${m.name} with an unknown version`, c, other, [s.include]), fails: new RegExp(`${macro} is no ${constant} xenabi knows`) },
          ]);
        });
      expect(expectations.length).toBeGreaterThan(0);
      const report = await check(expectations);
      expect(report, report).toBe('');
    });

    it('declares an unstable header as the release of every interface version it knows, on every target', async () => {
      const dir = join(BUILD, 'interface-versions');
      const compilers = standaloneCompilers().filter((c) => (c.tool.command !== 'clang' || c.std === 'c11') && (c.cxx || c.std === 'c11'));
      const expectations = s.newest.modules
        .filter((m) => m.namespace === 'unstable')
        .flatMap((m) =>
          interfaceVersionChoices(s.model, m).flatMap((v) => {
            const file = writeUnit(dir, `${m.name}-${v.literal}`, [optInLineAt(m, v.literal), includeOurs(m), ...releaseProbe(m, v.release)]);
            return compilers.map((c) => ({ job: compileJob(`${m.name} at ${v.literal} (Xen ${v.release})`, c, file, [s.include]) }));
          }),
        );
      const report = await check(expectations);
      expect(report, report).toBe('');
    });

    it('declares what XENABI_XEN_MIN_VERSION allows (4.9, 4.12, 4.15, 4.22) on every target, and refuses an unknown release', async () => {
      const dir = join(BUILD, 'min-version');
      const compilers = standaloneCompilers().filter((c) => c.cxx || c.std === 'c11' || c.tool.command === 'clang');
      const expectations: Expectation[] = MIN_VERSIONS.flatMap((release) => {
        const file = writeUnit(dir, `min-${release}`, [`#define XENABI_XEN_MIN_VERSION ${releaseHex(release)}`, '#include <xenabi/xenabi.h>', ...availabilityProbe(s.model, release)]);
        return compilers.map((c) => ({ job: compileJob(`XENABI_XEN_MIN_VERSION ${release}`, c, file, [s.include]) }));
      });
      for (const bad of ['0x040500', '0x041700', '0x040c01', '0x050000']) {
        const file = writeUnit(dir, `bad-${bad}`, [`#define XENABI_XEN_MIN_VERSION ${bad}`, '#include <xenabi/stable/dm_op.h>']);
        expectations.push({ job: compileJob(`XENABI_XEN_MIN_VERSION ${bad}`, clangC11(), file, [s.include]), fails: /XENABI_XEN_MIN_VERSION must be a Xen release xenabi knows/ });
      }
      const report = await check(expectations);
      expect(report, report).toBe('');
    });

    it("shares a translation unit with its Xen counterpart, in both orders", async () => {
      const dir = join(BUILD, 'coexist');
      const expectations: Expectation[] = [];
      const pair = (label: string, m: ModuleDecl, head: string, compilers: Compiler[], release: string) => {
        const uses = handleUses(s.newest, m);
        const include = s.include;
        const ours = writeUnit(dir, `${label}-ours-first`, [head, includeOurs(m), includeXen(m), ...uses].filter(Boolean));
        const xen = writeUnit(dir, `${label}-xen-first`, [head, includeXen(m), includeOurs(m), ...uses].filter(Boolean));
        for (const c of compilers) {
          const args = ['-D__XEN_TOOLS__', '-include', 'stdint.h', '-isystem', s.xenSystem];
          expectations.push({ job: compileJob(`${m.name} (${release}) ours first`, c, ours, [include], args) });
          expectations.push({ job: compileJob(`${m.name} (${release}) Xen's first`, c, xen, [include], args) });
        }
      };
      // Every stable header in one unit, before all of Xen's counterparts and after them: each
      // header alone is compiled by the test above, so one unit per order suffices here, and the
      // number of compiles does not grow with the number of modules.
      const stable = s.newest.modules.filter((x) => x.namespace === 'stable');
      const all = (heads: string[], first: string[], then: string[]) => [...heads, ...first, ...then, ...stable.flatMap((m) => handleUses(s.newest, m))];
      const stablePair = (label: string, head: string, release: string) => {
        const ours = writeUnit(dir, `${label}-ours-first`, all([head].filter(Boolean), stable.map(includeOurs), stable.map(includeXen)));
        const xen = writeUnit(dir, `${label}-xen-first`, all([head].filter(Boolean), stable.map(includeXen), stable.map(includeOurs)));
        for (const c of coexistenceCompilers(false)) {
          const args = ['-D__XEN_TOOLS__', '-include', 'stdint.h', '-isystem', s.xenSystem];
          expectations.push({ job: compileJob(`every stable module (${release}) ours first`, c, ours, [s.include], args) });
          expectations.push({ job: compileJob(`every stable module (${release}) Xen's first`, c, xen, [s.include], args) });
        }
      };
      stablePair('stable', '', NEWEST_RELEASE);
      // The newest headers, asked for Xen 4.17's interface version, against Xen 4.17's own domctl.h.
      for (const m of s.newest.modules.filter((x) => x.namespace === 'unstable')) {
        const literal = interfaceVersionChoices(s.model, m).find((v) => v.releases.includes(INSTALLED_XEN_RELEASE))?.literal ?? '';
        pair(`${m.name}-${INSTALLED_XEN_RELEASE}`, m, optInLineAt(m, literal), coexistenceCompilers(true), INSTALLED_XEN_RELEASE);
      }
      // Stable headers for XENABI_XEN_MIN_VERSION = 4.17, whose checks then check Xen 4.17's declarations.
      stablePair(`stable-min-${INSTALLED_XEN_RELEASE}`, `#define XENABI_XEN_MIN_VERSION ${releaseHex(INSTALLED_XEN_RELEASE)}`, `min ${INSTALLED_XEN_RELEASE}`);
      const report = await check(expectations);
      expect(report, report).toBe('');
    });

    it("shares a translation unit with Xen's xen.h, which declares some of domctl's items, after it (before it: a known limit)", async () => {
      const dir = join(BUILD, 'coexist-origin');
      const args = ['-D__XEN_TOOLS__', '-include', 'stdint.h', '-isystem', s.xenSystem];
      const expectations = s.newest.modules
        .filter((m) => m.namespace === 'unstable')
        .flatMap((m): Expectation[] => {
          const literal = interfaceVersionChoices(s.model, m).find((v) => v.releases.includes(INSTALLED_XEN_RELEASE))?.literal ?? '';
          const head = optInLineAt(m, literal);
          const after = writeUnit(dir, `xen.h-then-${m.name}`, [head, '#include <xen/xen.h>', includeOurs(m)]);
          const before = writeUnit(dir, `${m.name}-then-xen.h`, [head, includeOurs(m), '#include <xen/xen.h>']);
          const known = KNOWN_LIMITS.find((k) => k.unit === `${m.name}-then-xen.h`);
          return coexistenceCompilers(true).flatMap((c) => [
            { job: compileJob(`Xen's xen.h, then ${m.name}`, c, after, [s.include], args) },
            { job: compileJob(`${m.name}, then Xen's xen.h`, c, before, [s.include], args), ...(known ? { fails: known.fails } : {}) },
          ]);
        });
      const report = await check(expectations);
      expect(report, report).toBe('');
    });

    it("refuses, after Xen's header of another interface version, an unstable header; accepts it before, and after Xen's header of the same version", async () => {
      const dir = join(BUILD, 'coexist-version');
      const expectations = s.newest.modules
        .filter((m) => m.namespace === 'unstable')
        .flatMap((m): Expectation[] => {
          const head = [optInLine(s.newest, m)];
          const ours = writeUnit(dir, `${m.name}-ours-first`, [...head, includeOurs(m), includeXen(m)]);
          const xen = writeUnit(dir, `${m.name}-xen-first`, [...head, includeXen(m), includeOurs(m)]);
          const args = ['-D__XEN_TOOLS__', '-include', 'stdint.h', '-isystem', s.xenSystem];
          const constant = m.interfaceVersion?.constant ?? '';
          // flask_op's version has been 1 in every release: after Xen's header it is the same interface.
          const versionOf = (release: string) => interfaceVersionChoices(s.model, m).find((v) => v.releases.includes(release))?.literal;
          const same = versionOf(INSTALLED_XEN_RELEASE) === versionOf(NEWEST_RELEASE);
          return coexistenceCompilers(true).flatMap((c) => [
            { job: compileJob(`${m.name} (${NEWEST_RELEASE}) ours first, Xen ${INSTALLED_XEN_RELEASE} after`, c, ours, [s.include], args) },
            {
              job: compileJob(`${m.name} (${NEWEST_RELEASE}) after Xen ${INSTALLED_XEN_RELEASE}`, c, xen, [s.include], args),
              ...(same ? {} : { fails: new RegExp(`included before .*, has another ${constant}`) }),
            },
          ]);
        });
      const report = await check(expectations);
      expect(report, report).toBe('');
    });

    it("shares a translation unit with Xen's headers in guest (non-tools) mode, and checks Xen's declarations", async () => {
      // Without __XEN_TOOLS__, Xen's dm_op.h makes uint64_aligned_t 4-byte aligned on x86_32,
      // and the layout xenabi follows (the tools one) is 8-aligned: with Xen's header first our
      // checks, which then check Xen's declarations, must refuse it. Guest mode also hides the
      // grant-table v2 items below interface 0x0003020a, which our header follows.
      const dir = join(BUILD, 'coexist-guest');
      const expectations: Expectation[] = [];
      const compilers = coexistenceCompilers(false).filter((c) => c.tool.command === 'clang' && c.std === 'c11');
      for (const m of s.newest.modules.filter((x) => x.namespace === 'stable')) {
        const ours = writeUnit(dir, `${m.name}-ours-first`, [includeOurs(m), includeXen(m)]);
        const xen = writeUnit(dir, `${m.name}-xen-first`, [includeXen(m), includeOurs(m)]);
        for (const c of compilers) {
          for (const version of [[], ['-D__XEN_INTERFACE_VERSION__=0x00030209']]) {
            const args = [...version, '-include', 'stdint.h', '-isystem', s.xenSystem];
            const refused = m.name === 'dm_op' && c.arch === 'x86_32';
            expectations.push({ job: compileJob(`${m.name} ours first, guest mode ${version.join(' ')}`, c, ours, [s.include], args) });
            expectations.push({
              job: compileJob(`${m.name} Xen's first, guest mode ${version.join(' ')}`, c, xen, [s.include], args),
              ...(refused ? { fails: /xen_dm_op_get_ioreq_server_info__align/ } : {}),
            });
          }
        }
      }
      const report = await check(expectations);
      expect(report, report).toBe('');
    });
  });
});
