/**
 * Every release the registry knows (4.6 … 4.22) generates, and what it generates builds:
 *
 * - `generate --xen-version V --typecheck` for every V, in one process and in release order,
 *   as `generateReleases` runs it: each release's TypeScript package is type-checked before
 *   it is written (incrementally from the previous release: emit/ts/typecheck.ts), so a
 *   release whose TypeScript does not type-check fails here (`generate` itself no longer
 *   type-checks; the committed package, the newest release, is also built by `npm run build`);
 * - per release, one C translation unit that includes every header (the umbrella, with each
 *   unstable header opted in at V's interface version) and asserts which release it is, on
 *   x86_64, x86_32, arm64 and arm32, warnings as errors;
 * - every release's Rust crate in one cargo workspace: `cargo check` of each library, which
 *   evaluates the host's const layout assertions, and of its tests/availability.rs, which
 *   names every item the release has. On the host only, and without zerocopy's derives: the
 *   other architectures' assertions, the derives and tests/layout.rs are built and run for
 *   the committed crate by crate.test.ts, at several oldest releases; here they would cost
 *   several times as much for little more (they print the same layout tables).
 *
 * Cost: see docs/performance.md ("The every-release test").
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INCLUDE_ROOT } from '../../generators/src/emit/c/names.js';
import { CRATE_ROOT as RUST_DIR } from '../../generators/src/emit/rust/names.js';
import { generateReleases, type ReleaseOutput } from '../../generators/src/generate/release.js';
import { ARCHES } from '../../generators/src/model/arch.js';
import { releaseHex, XEN_RELEASES, type KnownRelease } from '../../generators/src/model/releases.js';
import { failureReport, runJob, runJobs, type Job } from '../lib/compile.js';
import type { AbiModel } from '../../generators/src/model/types.js';
import { atRelease, withoutEmptyModules } from '../../generators/src/select/release.js';
import { optInLine, releaseProbe } from '../c-headers/units.js';
import { loadRepoModel, REPO_ROOT } from '../lib/c-headers.js';
import { CLANG, gate, missingPrerequisites, TARGETS } from '../lib/toolchain.js';

const BUILD = join(REPO_ROOT, 'compat-tests/releases/build');
const CARGO_TARGET = join(REPO_ROOT, 'packages/rust-bindings/target/releases');
const SLOW = 600_000;

const hasCargo = spawnSync('cargo', ['--version'], { stdio: 'ignore' }).status === 0;
const prerequisites = gate([
  ...missingPrerequisites([CLANG]),
  ...(hasCargo ? [] : ['cargo is not installed: install Rust with rustup (https://rustup.rs)']),
]);

const treeOf = (release: KnownRelease) => join(BUILD, release);
let outputs: ReleaseOutput[] = [];
let model: AbiModel;

describe('every Xen release xenabi knows', () => {
  it('has its compilers (clang, cargo)', (ctx) => prerequisites.assertPresent(ctx));

  beforeAll(async () => {
    outputs = await generateReleases(REPO_ROOT, XEN_RELEASES, treeOf, { typecheck: true });
    model = await loadRepoModel();
  }, SLOW);

  it('generates, each release with its own modules and a type-checked TypeScript package', () => {
    expect(outputs.map((o) => o.release)).toEqual([...XEN_RELEASES]);
    for (const o of outputs) expect(o.total, `Xen ${o.release}`).toBeGreaterThan(40);
    // Modules a release has nothing of are left out: Argo came in 4.12, dm_op in 4.9.
    const has = (release: KnownRelease, path: string) => readFileSync(join(treeOf(release), 'packages/ts-bindings/package.json'), 'utf8').includes(path);
    expect(has('4.11', './stable/argo')).toBe(false);
    expect(has('4.12', './stable/argo')).toBe(true);
    expect(has('4.8', './stable/dm_op')).toBe(false);
    expect(has('4.9', './stable/dm_op')).toBe(true);
  });

  describe.skipIf(prerequisites.skip)('builds', () => {
    it('C: every header of each release in one translation unit, on four architectures', { timeout: SLOW }, async () => {
      const jobs: Job[] = XEN_RELEASES.flatMap((release) => {
        const unit = writeUmbrellaUnit(model, release);
        const include = join(treeOf(release), INCLUDE_ROOT);
        return ARCHES.map((arch) => ({
          label: `Xen ${release} on ${arch}`,
          command: CLANG.command,
          args: [`--target=${TARGETS[arch].triple}`, '-std=c11', '-Wall', '-Wextra', '-Wpedantic', '-Werror', '-I', include, '-c', '-o', '/dev/null', unit],
        }));
      });
      const failed = (await runJobs(jobs)).filter((r) => r.code !== 0);
      expect(failed.length, failureReport(failed)).toBe(0);
    });

    it("Rust: every release's crate and its availability test", { timeout: SLOW }, async () => {
      writeWorkspace();
      const job = { label: 'cargo check of every release', command: 'cargo', args: ['check', '--locked', '--workspace', '--lib', '--test', 'availability'], cwd: BUILD, env: { CARGO_TARGET_DIR: CARGO_TARGET, CARGO_TERM_COLOR: 'never' } };
      const r = await runJob(job);
      expect(r.code, failureReport([r], 60)).toBe(0);
      expect(r.stderr).not.toMatch(/^warning:/m);
    });
  });
});

/**
 * `#include <xenabi/xenabi.h>` with every unstable header opted in at the release's own
 * interface version, and checks that the headers are the release's: the newest release they
 * know, and the release each unstable header follows.
 */
function writeUmbrellaUnit(model: AbiModel, release: KnownRelease): string {
  const view = withoutEmptyModules(atRelease(model, release));
  const unstable = view.modules.filter((m) => m.namespace === 'unstable');
  const lines = [
    `/* Generated by compat-tests/releases: every header of Xen ${release}. */`,
    ...unstable.map((m) => optInLine(view, m)),
    '#include <xenabi/xenabi.h>',
    `#if XENABI_XEN_NEWEST_VERSION != ${releaseHex(release)}`,
    `#error "not the headers of Xen ${release}"`,
    '#endif',
    ...unstable.flatMap((m) => releaseProbe(m, release, view.constants)),
  ];
  const path = join(BUILD, `umbrella-${release}.c`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** The package name of a release's crate in the workspace (the library keeps the name `xenabi`). */
const crateName = (release: string) => `xenabi-${release.replace('.', '-')}`;

/**
 * A cargo workspace over every release's crate. Each crate is renamed (cargo refuses two
 * packages of one name in a workspace); its library keeps the name `xenabi`, which its tests
 * use. The lockfile is the committed crate's, with one entry per release crate, so the
 * check resolves exactly the dependencies the crate is tested with.
 */
function writeWorkspace(): void {
  const members = XEN_RELEASES.map((release) => `${release}/${RUST_DIR}`);
  const packages: CratePackage[] = [];
  for (const [i, release] of XEN_RELEASES.entries()) {
    const path = join(BUILD, members[i] as string, 'Cargo.toml');
    let toml = readFileSync(path, 'utf8');
    if (!toml.includes('\n[lib]\n')) {
      // An older generator named every release's crate `xenabi`: rename it, keeping the library's name.
      const renamed = toml.replace(/^name = "xenabi"$/m, `name = "${crateName(release)}"`);
      expect(renamed, `the crate of Xen ${release} is no longer named xenabi: update compat-tests/releases`).not.toBe(toml);
      toml = `${renamed}\n[lib]\nname = "xenabi"\n`;
      writeFileSync(path, toml);
    }
    packages.push(cratePackage(toml, path));
  }
  writeFileSync(join(BUILD, 'Cargo.toml'), `[workspace]\nresolver = "2"\nmembers = [\n${members.map((m) => `  "${m}",\n`).join('')}]\n`);
  writeFileSync(join(BUILD, 'Cargo.lock'), workspaceLock(packages));
}

interface CratePackage {
  name: string;
  version: string;
}

/** The package name and version a generated Cargo.toml declares (the lock file names each crate by them). */
function cratePackage(toml: string, path: string): CratePackage {
  const section = toml.slice(toml.indexOf('[package]'));
  const name = /^name = "(.*)"$/m.exec(section)?.[1];
  const version = /^version = "(.*)"$/m.exec(section)?.[1];
  if (!name || !version) throw new Error(`${path} has no package name or version: update compat-tests/releases`);
  return { name, version };
}

function workspaceLock(crates: CratePackage[]): string {
  const committed = readFileSync(join(REPO_ROOT, RUST_DIR, 'Cargo.lock'), 'utf8');
  const [header = '', ...blocks] = committed.split(/\n(?=\[\[package\]\]\n)/);
  const own = blocks.find((b) => /^name = "xenabi"$/m.test(b));
  if (!own) throw new Error(`${RUST_DIR}/Cargo.lock has no package xenabi: update compat-tests/releases`);
  const members = crates.map((crate) =>
    own.replace(/^name = "xenabi"$/m, `name = "${crate.name}"`).replace(/^version = ".*"$/m, `version = "${crate.version}"`),
  );
  // Cargo writes packages sorted by name, and --locked wants the file as it would write it.
  const name = (block: string) => /^name = "(.*)"$/m.exec(block)?.[1] ?? '';
  const packages = [...blocks.filter((b) => b !== own), ...members].map((b) => b.trimEnd()).sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
  return `${[header.trimEnd(), ...packages].join('\n\n')}\n`;
}
