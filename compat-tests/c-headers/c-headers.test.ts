/**
 * The generated C headers compile: each alone and the umbrella, on x86_64, x86_32, arm64 and
 * arm32, with clang and GCC in C99 and C11 and with g++ and clang++ in C++11, all warnings as
 * errors; the unstable header only with its opt-in; and each header in one translation unit
 * with its Xen counterpart from /usr/include/xen, in either order.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEWEST_RELEASE } from '../../generators/src/model/releases.js';
import type { AbiModel, ModuleDecl } from '../../generators/src/model/types.js';
import { atRelease, type ReleaseModel } from '../../generators/src/select/release.js';
import { loadAbi } from '../../generators/src/load/index.js';
import { loadRepoModel, REPO_ROOT, writeCHeaders } from '../lib/c-headers.js';
import { failureReport, runJobs, type Job } from '../lib/compile.js';
import { gate, INSTALLED_XEN_RELEASE, missingPrerequisites } from '../lib/toolchain.js';
import {
  coexistenceCompilers,
  compileJob,
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
 * In C++ a tag declared inside another struct is scoped to it; Xen declares gnttab_copy_ptr
 * inside gnttab_copy, the model declares it on its own, so with Xen's grant_table.h first our
 * checks of `struct gnttab_copy_ptr` name an undeclared file-scope tag.
 */
const KNOWN_LIMITS: { module: string; order: 'xen-first'; cxx: boolean; fails: RegExp }[] = [
  { module: 'grant_table', order: 'xen-first', cxx: true, fails: /incomplete type .?gnttab_copy_ptr/ },
];

interface Setup {
  newest: ReleaseModel;
  installed: ReleaseModel;
  include: string;
  includeInstalled: string;
  xenSystem: string;
}

describe('the generated C headers', () => {
  it.runIf(prerequisites.fail)('have their compilers and Xen headers', () => {
    throw new Error(prerequisites.message);
  });

  describe.skipIf(prerequisites.skip)('compile', () => {
    let s: Setup;
    beforeAll(async () => {
      const model: AbiModel = await loadRepoModel();
      s = {
        newest: atRelease(model, NEWEST_RELEASE),
        installed: atRelease(model, INSTALLED_XEN_RELEASE),
        include: (await writeCHeaders(model, NEWEST_RELEASE, join(BUILD, `headers-${NEWEST_RELEASE}`))).includeDir,
        includeInstalled: (await writeCHeaders(model, INSTALLED_XEN_RELEASE, join(BUILD, `headers-${INSTALLED_XEN_RELEASE}`))).includeDir,
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

    it('refuses an unstable header without the opt-in, or with another version, saying what to define', async () => {
      const dir = join(BUILD, 'opt-in');
      const expectations = s.newest.modules
        .filter((m) => m.namespace === 'unstable')
        .flatMap((m) => {
          const want = optInLine(s.newest, m);
          const [, macro = '', version = ''] = /^#define (\S+) (\S+)$/.exec(want) ?? [];
          const without = writeUnit(dir, `${m.name}-without`, [includeOurs(m)]);
          const other = writeUnit(dir, `${m.name}-other`, [`#define ${macro} 0x00000001`, includeOurs(m)]);
          return standaloneCompilers().flatMap((c) => [
            { job: compileJob(`${m.name} without ${macro}`, c, without, [s.include]), fails: new RegExp(`#define ${macro} ${version} before including it`) },
            { job: compileJob(`${m.name} with another version`, c, other, [s.include]), fails: new RegExp(`is interface version ${version}; ${macro} asks for another version`) },
          ]);
        });
      expect(expectations.length).toBeGreaterThan(0);
      const report = await check(expectations);
      expect(report, report).toBe('');
    });

    it("shares a translation unit with its Xen counterpart, in both orders", async () => {
      const dir = join(BUILD, 'coexist');
      const expectations: Expectation[] = [];
      const pair = (label: string, m: ModuleDecl, model: ReleaseModel, include: string, compilers: Compiler[], release: string) => {
        const head = [optInLine(model, m)].filter(Boolean);
        const uses = handleUses(model, m);
        const ours = writeUnit(dir, `${label}-ours-first`, [...head, includeOurs(m), includeXen(m), ...uses]);
        const xen = writeUnit(dir, `${label}-xen-first`, [...head, includeXen(m), includeOurs(m), ...uses]);
        for (const c of compilers) {
          const known = KNOWN_LIMITS.find((k) => k.module === m.name && k.cxx === c.cxx);
          const args = ['-D__XEN_TOOLS__', '-include', 'stdint.h', '-isystem', s.xenSystem];
          expectations.push({ job: compileJob(`${m.name} (${release}) ours first`, c, ours, [include], args) });
          expectations.push({ job: compileJob(`${m.name} (${release}) Xen's first`, c, xen, [include], args), ...(known ? { fails: known.fails } : {}) });
        }
      };
      for (const m of s.newest.modules.filter((x) => x.namespace === 'stable')) {
        pair(m.name, m, s.newest, s.include, coexistenceCompilers(false), NEWEST_RELEASE);
      }
      for (const m of s.installed.modules.filter((x) => x.namespace === 'unstable')) {
        pair(`${m.name}-${INSTALLED_XEN_RELEASE}`, m, s.installed, s.includeInstalled, coexistenceCompilers(true), INSTALLED_XEN_RELEASE);
      }
      const report = await check(expectations);
      expect(report, report).toBe('');
    });

    it("refuses, after Xen's header of another interface version, an unstable header; accepts it before", async () => {
      const dir = join(BUILD, 'coexist-version');
      const expectations = s.newest.modules
        .filter((m) => m.namespace === 'unstable')
        .flatMap((m): Expectation[] => {
          const head = [optInLine(s.newest, m)];
          const ours = writeUnit(dir, `${m.name}-ours-first`, [...head, includeOurs(m), includeXen(m)]);
          const xen = writeUnit(dir, `${m.name}-xen-first`, [...head, includeXen(m), includeOurs(m)]);
          const args = ['-D__XEN_TOOLS__', '-include', 'stdint.h', '-isystem', s.xenSystem];
          const constant = m.interfaceVersion?.constant ?? '';
          return coexistenceCompilers(true).flatMap((c) => [
            { job: compileJob(`${m.name} (${NEWEST_RELEASE}) ours first, Xen ${INSTALLED_XEN_RELEASE} after`, c, ours, [s.include], args) },
            {
              job: compileJob(`${m.name} (${NEWEST_RELEASE}) after Xen ${INSTALLED_XEN_RELEASE}`, c, xen, [s.include], args),
              fails: new RegExp(`included before .*, has another ${constant}`),
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
