/**
 * The generated C headers compile: each alone and the umbrella, on x86_64, x86_32, arm64 and
 * arm32, with clang and GCC in C99 and C11 and with g++ and clang++ in C++11, all warnings as
 * errors; the unstable header only with its opt-in, at every interface version it knows; the
 * stable headers at several XENABI_XEN_MIN_VERSION values; and each header in one translation
 * unit with its Xen counterpart from /usr/include/xen, in either order, on the four targets:
 * in __XEN_TOOLS__ builds, and in guest builds (where Xen's dm_op.h first on x86_32 is refused
 * with an #error); the unstable header also with Xen's xen.h after it, which it refuses unless
 * the includer promises that no Xen header follows.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEWEST_RELEASE, releaseHex } from '../../generators/src/model/releases.js';
import type { AbiModel, Arch, ModuleDecl } from '../../generators/src/model/types.js';
import { NO_XEN_HEADERS_AFTER } from '../../generators/src/emit/c/view-model.js';
import { atRelease, type ReleaseModel } from '../../generators/src/select/release.js';
import { loadAbi } from '../../generators/src/load/index.js';
import { ArchLayout } from '../../generators/src/layout/engine.js';
import { ARCHES, onArch } from '../../generators/src/model/arch.js';
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
 * Coexistence the headers refuse with an #error saying what to do, each asserted to fail with
 * that message. In a __XEN_TOOLS__ build Xen's architecture headers (included by every Xen
 * header, through xen.h) declare struct xen_arch_domainconfig; xenabi/unstable/domctl.h
 * declares it when it comes first, so it asks for Xen's xen.h first, or for the promise that
 * no Xen header follows (NO_XEN_HEADERS_AFTER).
 */
const REFUSED: { unit: string; fails: RegExp; alone?: true }[] = [
  { unit: 'domctl-then-xen.h', fails: /domctl\.h: in a __XEN__ or __XEN_TOOLS__ build, Xen's arch-x86\/xen\.h or arch-arm\.h declares struct xen_arch_domainconfig too, .* include <xen\/xen\.h> \(which includes the architecture headers\) before it/, alone: true },
  // sysctl.h takes xenctl_bitmap from the stable xen_guest.h, whose records Xen's xen.h declares
  // again when it follows: that module's rule (include Xen's first, or not at all), so a tools
  // build that includes sysctl.h alone compiles, and one that adds Xen's xen.h after it does not.
  { unit: 'sysctl-then-xen.h', fails: /redefinition of/ },
];

/**
 * Unstable modules whose interface version at Xen 4.17 also covers later releases with other
 * layouts: Xen kept XEN_SYSCTL_INTERFACE_VERSION at 0x15 from 4.17 to 4.20 while 4.18 changed
 * xen_get_cpufreq_para (and added xen_cppc_para). Our header at 0x15 follows 4.20, the newest
 * release of that version, so after Xen 4.17's own sysctl.h its checks refuse Xen's declarations:
 * the documented limit of a version Xen did not bump, asserted so that a fix shows up.
 */
const SAME_VERSION_NEWER_LAYOUT: { module: string; fails: RegExp }[] = [{ module: 'sysctl', fails: /struct xen_cppc_para/ }];

/** The includer's promise, in a __XEN_TOOLS__ build, that no Xen header follows the unstable ones but their own. */
const NO_XEN_AFTER = `#define ${NO_XEN_HEADERS_AFTER}`;

/**
 * Records of a partial module (`xen_guest`: the records of Xen's xen.h; kbdif and pciif, whose
 * Xen headers also hold string macros the model cannot declare yet) sit inside Xen's include
 * guard without defining it, since xenabi cannot hide the rest of Xen's header: with ours
 * first, Xen's header declares them again. The documented limit of such a module.
 */
const REDEFINED_BY_XEN = /redefinition of/;

/** Whether Xen's header, included after the module's, declares its records again. */
function redeclaredByXen(view: ReleaseModel, m: ModuleDecl): boolean {
  return m.namespace === 'stable' && m.coverage === 'partial' && view.records.some((r) => r.module === m.name);
}

/**
 * Xen's guest-mode headers without __XEN_INTERFACE_VERSION__ follow interface 0, where
 * vcpu_time_info has no flags (4.7, interface 0x00040700): our checks refuse that older
 * declaration when Xen's header came first. (memory.ts declares the older interfaces' members,
 * address_bits and foreign_domid, so its checks accept Xen's guest declarations.)
 */
const OLDER_GUEST_INTERFACE: Record<string, RegExp> = {
  xen_guest: /no member named 'flags'/,
  // vcpu.h includes xen_guest.h for vcpu_time_info, so it inherits xen_guest's limit.
  vcpu: /no member named 'flags'/,
};

/** Xen's hvm/dm_op.h included before ours in a guest build on x86_32: refused with an #error saying why. */
const DM_OP_GUEST_LAYOUT = /xenabi\/stable\/dm_op\.h: Xen's hvm\/dm_op\.h was included before it without __XEN_TOOLS__, so its declarations have Xen's guest layout/;

/** What a compiler says when our checks name a record or member Xen's older header lacks. */
const NEWER_THAN_XEN = /incomplete type|has no member|no member named|undeclared|unknown type/;

/**
 * True when the module has, at `newest`, a record or member it lacks at `older`: what the layout
 * checks name. With `arch`, only what exists on it (hvm_save's records are x86's).
 */
function newerThan(newest: ReleaseModel, older: ReleaseModel, module: string, arch?: Arch): boolean {
  const here = <T extends { archs?: Arch[] }>(x: T) => arch === undefined || onArch(x, arch);
  const names = (view: ReleaseModel) =>
    new Set(view.records.filter((r) => r.module === module && here(r)).flatMap((r) => [r.name, ...r.fields.filter(here).map((f) => `${r.name}.${f.name}`)]));
  const before = names(older);
  return [...names(newest)].some((n) => !before.has(n));
}

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
      const xen = s.newest.modules.filter((m) => m.namespace !== 'linux');
      const units = xen.map((m) => ({ name: `${m.namespace}-${m.name}`, lines: [optInLine(s.newest, m), includeOurs(m), ...handleUses(s.newest, m)] }));
      const optIns = s.newest.modules.map((m) => optInLine(s.newest, m)).filter(Boolean);
      units.push({ name: 'umbrella', lines: ['#include <xenabi/xenabi.h>'] });
      units.push({ name: 'umbrella-unstable', lines: [...optIns, '#include <xenabi/xenabi.h>'] });
      const unit = (u: { name: string; lines: string[] }) => ({ name: u.name, path: writeUnit(dir, u.name, u.lines.filter(Boolean)) });
      const files = units.map(unit);
      // Linux's headers are in the umbrella on every configuration; alone, each needs only to be
      // complete (its layout is checked on every target by compat-tests/linux-headers), so once per target and in C++.
      const linuxFiles = s.newest.modules.filter((m) => m.namespace === 'linux').map((m) => unit({ name: `linux-${m.name}`, lines: [includeOurs(m)] }));
      const linuxCompilers = standaloneCompilers().filter((c) => c.cxx || (c.std === 'c99' && c.tool.command === 'clang'));
      const jobs = [
        ...standaloneCompilers().flatMap((c) => files.map((f) => ({ job: compileJob(f.name, c, f.path, [s.include]) }))),
        ...linuxCompilers.flatMap((c) => linuxFiles.map((f) => ({ job: compileJob(f.name, c, f.path, [s.include]) }))),
      ];
      const report = await check(jobs);
      expect(report, report).toBe('');
      // One compile per header, target, compiler and standard, growing with every module:
      // it ran past vitest's default 120 s on the shared 2-core machine at load 30.
    }, 600_000);

    it('expands the ring-size macros warning-free on every target, compiler and standard (C++ with -Wold-style-cast)', async () => {
      const lines = [
        '#include <xenabi/stable/blkif.h>',
        'unsigned xenabi_ring_sizes(struct blkif_sring *s);',
        'unsigned xenabi_ring_sizes(struct blkif_sring *s) { return __RING_SIZE(s, 4096) + __CONST_RING_SIZE(blkif, 4096); }',
      ];
      const path = writeUnit(join(BUILD, 'ring-macros'), 'ring-macros', lines);
      const report = await check(standaloneCompilers().map((c) => ({ job: compileJob('ring-size macros', c, path, [s.include]) })));
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
            const file = writeUnit(dir, `${m.name}-${v.literal}`, [optInLineAt(m, v.literal), includeOurs(m), ...releaseProbe(m, v.release, s.model.constants)]);
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
      /** Xen-first is left out when `xenFirst` is false; either order may be expected to fail. */
      const pair = (label: string, m: ModuleDecl, head: string, compilers: Compiler[], release: string, want: { xenFirst?: boolean; xenFirstFails?: RegExp | ((c: Compiler) => RegExp | undefined); oursFirstFails?: RegExp; uses?: ReleaseModel } = {}) => {
        // The handles of the records the header declares: at a minimum release, those alive in it.
        const uses = handleUses(want.uses ?? s.newest, m);
        const include = s.include;
        const ours = writeUnit(dir, `${label}-ours-first`, [head, includeOurs(m), includeXen(m), ...uses].filter(Boolean));
        const xen = writeUnit(dir, `${label}-xen-first`, [head, includeXen(m), includeOurs(m), ...uses].filter(Boolean));
        for (const c of compilers) {
          const args = ['-D__XEN_TOOLS__', '-include', 'stdint.h', '-isystem', s.xenSystem];
          expectations.push({ job: compileJob(`${m.name} (${release}) ours first`, c, ours, [include], args), ...(want.oursFirstFails ? { fails: want.oursFirstFails } : {}) });
          const xenFirstFails = typeof want.xenFirstFails === 'function' ? want.xenFirstFails(c) : want.xenFirstFails;
          if (want.xenFirst !== false) expectations.push({ job: compileJob(`${m.name} (${release}) Xen's first`, c, xen, [include], args), ...(xenFirstFails ? { fails: xenFirstFails } : {}) });
        }
      };
      // A header that follows a newer release than Xen's own, included after Xen's, checks items
      // Xen's header does not declare: the documented limit, asserted so that a fix shows up.
      const installed = atRelease(s.model, INSTALLED_XEN_RELEASE);
      for (const m of s.newest.modules.filter((x) => x.namespace === 'stable')) {
        // After Xen's header, our checks assert the layouts of the release our header follows: at the
        // default, the newest, which Xen 4.17's headers do not have when a record grew since (the
        // xenstore ring page). Such modules are paired Xen-first at a 4.17 minimum only, below.
        const redeclared = redeclaredByXen(s.newest, m) ? REDEFINED_BY_XEN : undefined;
        const newer = newerThan(s.newest, installed, m.name) ? NEWER_THAN_XEN : undefined;
        pair(m.name, m, '', coexistenceCompilers(false), NEWEST_RELEASE, { xenFirst: sameLayoutsSince(s.model, m, INSTALLED_XEN_RELEASE), xenFirstFails: newer, oursFirstFails: redeclared });
      }
      // The newest headers, asked for Xen 4.17's interface version, against Xen 4.17's own domctl.h
      // (ours first: with the promise that no other Xen header follows), using the handles of the
      // records 4.17 has (domctl's set_llc_colors, from 4.20, is not declared at 4.17's version).
      // Where Xen added items in a later release without a new version (vm_event: vm_event_io in
      // 4.18 at version 7), our header follows that later release, and after Xen 4.17's its checks
      // name what 4.17 lacks: the same documented limit as for stable headers.
      for (const m of s.newest.modules.filter((x) => x.namespace === 'unstable')) {
        const choice = interfaceVersionChoices(s.model, m).find((v) => v.releases.includes(INSTALLED_XEN_RELEASE));
        const stale = SAME_VERSION_NEWER_LAYOUT.find((k) => k.module === m.name);
        const chosen = choice && atRelease(s.model, choice.release);
        const newer = (c: Compiler) => stale?.fails ?? (chosen && newerThan(chosen, installed, m.name, c.arch) ? NEWER_THAN_XEN : undefined);
        pair(`${m.name}-${INSTALLED_XEN_RELEASE}`, m, `${optInLineAt(m, choice?.literal ?? '')}\n${NO_XEN_AFTER}`, coexistenceCompilers(true), INSTALLED_XEN_RELEASE, { uses: installed, xenFirstFails: newer });
      }
      // Stable headers for XENABI_XEN_MIN_VERSION = 4.17, whose checks then check Xen 4.17's
      // declarations; the language standards are the pairing above's business.
      const dialects = coexistenceCompilers(false).filter((c) => c.cxx || (c.tool.command === 'clang' && c.std === 'c11'));
      for (const m of s.newest.modules.filter((x) => x.namespace === 'stable')) {
        const redeclared = redeclaredByXen(s.newest, m) ? REDEFINED_BY_XEN : undefined;
        pair(`${m.name}-min-${INSTALLED_XEN_RELEASE}`, m, `#define XENABI_XEN_MIN_VERSION ${releaseHex(INSTALLED_XEN_RELEASE)}`, dialects, `min ${INSTALLED_XEN_RELEASE}`, { oursFirstFails: redeclared, uses: installed });
      }
      const report = await check(expectations);
      expect(report, report).toBe('');
      // About 1,400 compiles: a minute on an idle machine, past vitest's default limit when it is loaded.
    }, 600_000);

    it("shares a translation unit with Xen's xen.h, which declares some of domctl's items, after it; before it, refuses or takes the includer's word", async () => {
      const dir = join(BUILD, 'coexist-origin');
      const args = ['-D__XEN_TOOLS__', '-include', 'stdint.h', '-isystem', s.xenSystem];
      const expectations = s.newest.modules
        .filter((m) => m.namespace === 'unstable')
        .flatMap((m): Expectation[] => {
          const literal = interfaceVersionChoices(s.model, m).find((v) => v.releases.includes(INSTALLED_XEN_RELEASE))?.literal ?? '';
          const head = optInLineAt(m, literal);
          const after = writeUnit(dir, `xen.h-then-${m.name}`, [head, '#include <xen/xen.h>', includeOurs(m)]);
          const before = writeUnit(dir, `${m.name}-then-xen.h`, [head, includeOurs(m), '#include <xen/xen.h>']);
          const refused = REFUSED.find((k) => k.unit === `${m.name}-then-xen.h`);
          const alone = writeUnit(dir, `${m.name}-alone-tools`, [head, includeOurs(m)]);
          const promised = writeUnit(dir, `${m.name}-alone-tools-promised`, [head, NO_XEN_AFTER, includeOurs(m)]);
          return coexistenceCompilers(true).flatMap((c) => [
            { job: compileJob(`Xen's xen.h, then ${m.name}`, c, after, [s.include], args) },
            { job: compileJob(`${m.name}, then Xen's xen.h`, c, before, [s.include], args), ...(refused ? { fails: refused.fails } : {}) },
            { job: compileJob(`${m.name} alone in a tools build, without ${NO_XEN_HEADERS_AFTER}`, c, alone, [s.include], args), ...(refused?.alone ? { fails: refused.fails } : {}) },
            { job: compileJob(`${m.name} alone in a tools build, with ${NO_XEN_HEADERS_AFTER}`, c, promised, [s.include], args) },
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
          const ours = writeUnit(dir, `${m.name}-ours-first`, [...head, NO_XEN_AFTER, includeOurs(m), includeXen(m)]);
          const xen = writeUnit(dir, `${m.name}-xen-first`, [...head, includeXen(m), includeOurs(m)]);
          const args = ['-D__XEN_TOOLS__', '-include', 'stdint.h', '-isystem', s.xenSystem];
          const constant = m.interfaceVersion?.constant ?? '';
          // flask_op's version has been 1 in every release: after Xen's header it is the same interface.
          const versionOf = (release: string) => interfaceVersionChoices(s.model, m).find((v) => v.releases.includes(release))?.literal;
          const same = versionOf(INSTALLED_XEN_RELEASE) === versionOf(NEWEST_RELEASE);
          // The same version may still have gained items (vm_event_io in 4.18): our checks then name what Xen 4.17 lacks.
          const installed = atRelease(s.model, INSTALLED_XEN_RELEASE);
          return coexistenceCompilers(true).flatMap((c) => {
            const newer = newerThan(s.newest, installed, m.name, c.arch);
            return [
              { job: compileJob(`${m.name} (${NEWEST_RELEASE}) ours first, Xen ${INSTALLED_XEN_RELEASE} after`, c, ours, [s.include], args) },
              {
                job: compileJob(`${m.name} (${NEWEST_RELEASE}) after Xen ${INSTALLED_XEN_RELEASE}`, c, xen, [s.include], args),
                ...(same ? (newer ? { fails: NEWER_THAN_XEN } : {}) : { fails: new RegExp(`included before .*, has another ${constant}`) }),
              },
            ];
          });
        });
      const report = await check(expectations);
      expect(report, report).toBe('');
    });

    it("shares a translation unit with Xen's headers in guest (non-tools) mode, checks Xen's declarations, and refuses Xen's guest layout on x86_32", async () => {
      // Without __XEN_TOOLS__, Xen's dm_op.h makes uint64_aligned_t 4-byte aligned on x86_32,
      // and the layout xenabi follows (the tools one) is 8-aligned: with Xen's header first our
      // header refuses the unit with one #error saying so (its checks would otherwise refuse
      // Xen's declarations member by member). Guest mode also hides the grant-table v2 items
      // below interface 0x0003020a, which our header follows.
      const dir = join(BUILD, 'coexist-guest');
      const expectations: Expectation[] = [];
      const compilers = coexistenceCompilers(false).filter((c) => c.tool.command === 'clang' && c.std === 'c11');
      const installed = atRelease(s.model, INSTALLED_XEN_RELEASE);
      for (const m of s.newest.modules.filter((x) => x.namespace === 'stable')) {
        const newer = newerThan(s.newest, installed, m.name);
        const ours = writeUnit(dir, `${m.name}-ours-first`, [includeOurs(m), includeXen(m)]);
        // A module whose records grew after Xen 4.17 follows 4.17 when it checks Xen 4.17's declarations.
        const min = sameLayoutsSince(s.model, m, INSTALLED_XEN_RELEASE) ? [] : [`#define XENABI_XEN_MIN_VERSION ${releaseHex(INSTALLED_XEN_RELEASE)}`];
        const xen = writeUnit(dir, `${m.name}-xen-first`, [...min, includeXen(m), includeOurs(m)]);
        for (const c of compilers) {
          for (const version of [[], ['-D__XEN_INTERFACE_VERSION__=0x00030209']]) {
            const args = [...version, '-include', 'stdint.h', '-isystem', s.xenSystem];
            const refused = m.name === 'dm_op' && c.arch === 'x86_32' ? DM_OP_GUEST_LAYOUT : OLDER_GUEST_INTERFACE[m.name];
            const redeclared = redeclaredByXen(s.newest, m);
            expectations.push({ job: compileJob(`${m.name} ours first, guest mode ${version.join(' ')}`, c, ours, [s.include], args), ...(redeclared ? { fails: REDEFINED_BY_XEN } : {}) });
            expectations.push({
              job: compileJob(`${m.name} Xen's first, guest mode ${version.join(' ')}`, c, xen, [s.include], args),
              ...(refused ? { fails: refused } : newer && !min.length ? { fails: NEWER_THAN_XEN } : {}),
            });
          }
        }
      }
      const report = await check(expectations);
      expect(report, report).toBe('');
    });
  });
});

/** True when every record of `m` has the same size on every architecture in `release` as in the newest release. */
function sameLayoutsSince(model: AbiModel, m: ModuleDecl, release: string): boolean {
  const [then, now] = [atRelease(model, release), atRelease(model, NEWEST_RELEASE)];
  return ARCHES.every((arch) => {
    const [a, b] = [new ArchLayout(then, arch), new ArchLayout(now, arch)];
    return now.records.filter((r) => r.module === m.name && !r.parent && onArch(r, arch) && a.has(r.name)).every((r) => a.record(r.name).size === b.record(r.name).size);
  });
}
