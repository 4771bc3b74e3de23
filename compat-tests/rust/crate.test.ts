// Compiles and tests the generated Rust crate (packages/rust-bindings) and the Rust
// emitter's golden crate (generators/test/golden/rust):
//
// - `cargo test` on the host, with and without `--features zerocopy`: the host's const
//   layout assertions (in every build) and tests/layout.rs;
// - `cargo test` with the oldest Xen release chosen by the `xen-4-N` features (4.6, 4.9,
//   4.12, 4.15 for the crate): each release's layouts (hvm_start_info is 40 bytes below
//   4.11) and tests/availability.rs, which finds every item the release has;
// - a probe crate depending on the crate with such features: items newer than the release
//   (XEN_DMOP_nr_vcpus below 4.15), items Xen removed and the unstable modules below the
//   newest release must not be declared;
// - `cargo check` for the three other architectures with their real layouts, at the newest
//   release and at an older one. No target's standard library is installed here, but the
//   crate needs only `core`, so core is built from the rust-src component
//   (`-Zbuild-std=core`, allowed on a stable toolchain by `RUSTC_BOOTSTRAP=1`, for this
//   check only). The const assertions of each architecture's `#[cfg(target_arch)]` block are
//   evaluated by rustc for that target.
//
// Missing cargo (or rust-src, for the cross checks) fails under CI=true and skips elsewhere.
// Builds stay under packages/rust-bindings/target (gitignored), so only the first run is slow.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { featureName, RUST_TARGETS } from '../../generators/src/emit/rust/names.js';
import type { Arch } from '../../generators/src/model/types.js';
import { CARGO_ENV } from '../lib/cargo.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const CRATE = join(ROOT, 'packages/rust-bindings');
const GOLDEN = join(ROOT, 'generators/test/golden/rust');
const TARGET_DIR = join(CRATE, 'target');
/** Where the golden crate is copied to build: a fixed place, so cargo's cache holds across runs. */
const GOLDEN_COPY = join(TARGET_DIR, 'golden-crate');
const IN_CI = process.env.CI === 'true';
const SLOW = 600_000;

const ENV = { ...process.env, ...CARGO_ENV };

/**
 * One target directory for both crates, so the golden crate reuses what the real one built
 * (zerocopy, and `core` for each cross target). Cross checks build with RUSTC_BOOTSTRAP=1,
 * which makes cargo rebuild host artifacts, so they get a directory of their own.
 */
const targetDir = (cross: boolean) => join(TARGET_DIR, cross ? 'cross' : '');

/** Runs a command without blocking the worker (vitest's RPC times out on long synchronous calls). */
function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...ENV, ...env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (e) => resolve({ ok: false, out: `${out}${e.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, out }));
  });
}

const probe = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' });
const hasCargo = probe('cargo', ['--version']).status === 0;
const sysroot = hasCargo ? (probe('rustc', ['--print', 'sysroot']).stdout ?? '').trim() : '';
const hasRustSrc = existsSync(join(sysroot, 'lib/rustlib/src/rust/library/core/Cargo.toml'));
const missing = [
  ...(hasCargo ? [] : ['cargo is not installed: install Rust with rustup (https://rustup.rs)']),
  ...(hasCargo && !hasRustSrc ? ['the rust-src component is missing (needed to check x86, arm and aarch64): rustup component add rust-src'] : []),
];
if (missing.length && !IN_CI) console.warn(`skipped Rust checks:\n  ${missing.join('\n  ')}`);

/** Tests passed, summed over every `test result:` line of `cargo test`. */
function passed(output: string): number {
  return [...output.matchAll(/test result: ok\. (\d+) passed/g)].reduce((n, m) => n + Number(m[1]), 0);
}

async function cargoTest(cwd: string, features: string[]): Promise<number> {
  const r = await run('cargo', ['test', '--locked', ...features], cwd, { CARGO_TARGET_DIR: targetDir(false) });
  expect(r.ok, `cargo test ${features.join(' ')} failed in ${cwd}:\n${r.out}`).toBe(true);
  expect(r.out).not.toMatch(/^warning:/m);
  return passed(r.out);
}

/** `cargo check` for another architecture; `release` picks the oldest Xen supported (default: the newest). */
async function crossCheck(cwd: string, arch: Arch, release?: string): Promise<void> {
  const features = release ? ['--no-default-features', '--features', `zerocopy,${featureName(release)}`] : ['--features', 'zerocopy'];
  const r = await run('cargo', ['check', '--locked', '-Zbuild-std=core', '--target', RUST_TARGETS[arch], ...features], cwd, { RUSTC_BOOTSTRAP: '1', CARGO_TARGET_DIR: targetDir(true) });
  expect(r.ok, `cargo check for ${RUST_TARGETS[arch]} ${features.join(' ')} failed in ${cwd}:\n${r.out}`).toBe(true);
  expect(r.out).not.toMatch(/^warning:/m);
}

/** The cargo arguments that make `release` the oldest Xen supported. */
const oldest = (release: string) => ['--no-default-features', '--features', featureName(release)];

const OTHER_ARCHES: Arch[] = ['x86_32', 'arm32', 'arm64'];

/**
 * Compiles `main` in a crate that depends on packages/rust-bindings with `features` only (no
 * default features), as a user's crate would; returns whether it built and what cargo said.
 */
async function userCrate(features: string[], main: string): Promise<{ ok: boolean; out: string }> {
  const dir = join(TARGET_DIR, 'probe');
  mkdirSync(join(dir, 'src'), { recursive: true });
  const toml = [
    '[package]',
    'name = "xenabi-probe"',
    'version = "0.0.0"',
    'edition = "2021"',
    'publish = false',
    '',
    '[dependencies]',
    `xenabi = { path = ${JSON.stringify(CRATE)}, default-features = false, features = ${JSON.stringify(features)} }`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'Cargo.toml'), toml);
  writeFileSync(join(dir, 'src/main.rs'), `${main}\nfn main() {}\n`);
  return run('cargo', ['check', '--offline', '--quiet'], dir, { CARGO_TARGET_DIR: join(TARGET_DIR, 'probe-target') });
}

/**
 * The golden crate, copied out of the source tree (cargo would write Cargo.lock and target/
 * there) with the real crate's Cargo.lock, which has the same dependencies. Its package is
 * renamed (the library keeps the name `xenabi`): cargo leaves a root package's path out of
 * its artifact hashes, so two packages `xenabi` of one version in one target directory
 * would run each other's binaries. Files that did not change are left alone so cargo does
 * not rebuild them.
 */
let goldenReady = false;
function golden(): string {
  if (goldenReady) return GOLDEN_COPY;
  const wanted = new Map(listFiles(GOLDEN).map((f) => [f, readFileSync(join(GOLDEN, f), 'utf8')]));
  // The generated Cargo.toml names the library `xenabi` itself ([lib]), whatever the package is called.
  const toml = wanted.get('Cargo.toml') ?? '';
  wanted.set('Cargo.toml', renamePackage(toml));
  // The golden crate's version (a fixture's: unreleased) replaces the real crate's in the lock file.
  const version = /^version = "([^"]+)"$/m.exec(toml)?.[1] ?? '';
  wanted.set('Cargo.lock', renamePackage(readFileSync(join(CRATE, 'Cargo.lock'), 'utf8')).replace(/(^name = "xenabi-golden"\nversion = )"[^"]+"/m, `$1"${version}"`));
  for (const f of existsSync(GOLDEN_COPY) ? listFiles(GOLDEN_COPY) : []) if (!wanted.has(f)) rmSync(join(GOLDEN_COPY, f));
  for (const [f, content] of wanted) {
    const path = join(GOLDEN_COPY, f);
    if (existsSync(path) && readFileSync(path, 'utf8') === content) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  goldenReady = true;
  return GOLDEN_COPY;
}

function renamePackage(toml: string): string {
  const renamed = toml.replace(/^name = "xenabi"$/m, 'name = "xenabi-golden"');
  if (renamed === toml) throw new Error('the crate is no longer named xenabi: update compat-tests/rust/crate.test.ts');
  return renamed;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'target' ? [] : listFiles(join(dir, e.name)).map((f) => join(e.name, f))) : [e.name],
  );
}

describe('Rust crate', () => {
  it('has its toolchain (cargo, and rust-src for the cross checks)', () => {
    if (IN_CI && missing.length) throw new Error(`missing prerequisites:\n  ${missing.join('\n  ')}`);
  });

  describe.skipIf(!hasCargo)('packages/rust-bindings', () => {
    it('passes cargo test on the host', { timeout: SLOW }, async () => {
      expect(await cargoTest(CRATE, [])).toBeGreaterThan(50);
    });

    it('passes cargo test on the host with --features zerocopy', { timeout: SLOW }, async () => {
      expect(await cargoTest(CRATE, ['--features', 'zerocopy'])).toBeGreaterThan(50);
    });

    it('passes cargo test on the host with every feature at once (zerocopy, vm-memory, alloc), and with vm-memory at Xen 4.6', { timeout: SLOW }, async () => {
      const all = await run('cargo', ['test', '--locked', '--features', 'zerocopy,vm-memory,alloc', '--test', 'vm_memory', '--test', 'fam'], CRATE, { CARGO_TARGET_DIR: targetDir(false) });
      expect(all.ok, `cargo test --features zerocopy,vm-memory,alloc failed:\n${all.out}`).toBe(true);
      expect(all.out).toMatch(/every_plain_record_is_byte_valued \.\.\. ok/);
      expect(all.out).toMatch(/every_flexible_array_record_wraps \.\.\. ok/);
      expect(await cargoTest(CRATE, ['--features', 'zerocopy,vm-memory,alloc'])).toBeGreaterThan(50);
      expect(await cargoTest(CRATE, ['--no-default-features', '--features', `vm-memory,${featureName('4.6')}`])).toBeGreaterThan(40);
    });

    it.each(['4.6', '4.9', '4.12', '4.15'])('passes cargo test on the host with Xen %s as the oldest release supported', { timeout: SLOW }, async (release) => {
      expect(await cargoTest(CRATE, oldest(release))).toBeGreaterThan(40);
    });

    it('declares nothing newer than the oldest release supported, and lays records out as it does', { timeout: SLOW }, async () => {
      const atLeast = await userCrate(['xen-4-9'], [
        'use xenabi::stable::dm_op::xen_dm_op_get_ioreq_server_info;',
        'use xenabi::stable::start_info::hvm_start_info;',
        'const _: () = assert!(core::mem::size_of::<hvm_start_info>() == 40);',
        'const _: () = assert!(core::mem::size_of::<xen_dm_op_get_ioreq_server_info>() == 24);',
        'const _: () = assert!(xenabi::XEN_MIN_RELEASE.at_least(xenabi::XenRelease::new(4, 9)) && !xenabi::XEN_MIN_RELEASE.at_least(xenabi::XenRelease::new(4, 10)));',
      ].join('\n'));
      expect(atLeast.ok, `what Xen 4.9 has is not declared with xen-4-9:\n${atLeast.out}`).toBe(true);
      const newer = await userCrate(['xen-4-12'], [
        'fn use_newer(call: &mut xenabi::stable::dm_op::xen_dm_op) {',
        '    let _ = xenabi::stable::dm_op::XEN_DMOP_nr_vcpus;',
        '    let _ = xenabi::stable::dm_op::xen_dm_op_nr_vcpus::SINCE;',
        '    let _ = xenabi::unstable::domctl::XEN_DOMCTL_INTERFACE_VERSION;',
        '    call.u.nr_vcpus = Default::default();',
        '}',
      ].join('\n'));
      expect(newer.ok, 'items newer than Xen 4.12 are declared with xen-4-12').toBe(false);
      for (const missing of [/XEN_DMOP_nr_vcpus/, /xen_dm_op_nr_vcpus/, /could not find `unstable`|unresolved .*unstable/, /no field `nr_vcpus`/]) expect(newer.out).toMatch(missing);
      const at415 = await userCrate(['xen-4-15'], ['const _: u32 = xenabi::stable::dm_op::XEN_DMOP_nr_vcpus;', 'const _: () = assert!(core::mem::size_of::<xenabi::stable::start_info::hvm_start_info>() == 56);'].join('\n'));
      expect(at415.ok, `XEN_DMOP_nr_vcpus is not declared with xen-4-15:\n${at415.out}`).toBe(true);
    });

    it('builds an op only with its own payload, and turns it into bytes without unsafe', { timeout: SLOW }, async () => {
      const right = await userCrate(['xen-4-22', 'zerocopy'], [
        '#![forbid(unsafe_code)]',
        'use xenabi::stable::dm_op::{xen_dm_op, xen_dm_op_create_ioreq_server, DmOp};',
        'pub fn call() -> [u8; 32] {',
        '    let payload = xen_dm_op_create_ioreq_server::new(2);',
        '    let bytes = DmOp::CreateIoreqServer(payload).to_bytes();',
        '    let raw = xen_dm_op::from_bytes(&bytes);',
        '    assert!(matches!(raw.typed(), Some(DmOp::CreateIoreqServer(p)) if p.handle_bufioreq == 2));',
        '    let _ = (xenabi::DomId::from(0u16), xenabi::EvtchnPort(1), xenabi::IoServId(1), xenabi::GrantRef(8), xenabi::Gfn(0xfeff0), xenabi::Mfn(1), xenabi::Pfn(2));',
        '    bytes',
        '}',
      ].join('\n'));
      expect(right.ok, `a typed dm_op call does not build without unsafe:\n${right.out}`).toBe(true);
      const wrong = await userCrate(['xen-4-22', 'zerocopy'], [
        'use xenabi::stable::dm_op::{xen_dm_op_nr_vcpus, DmOp};',
        'pub fn call() -> DmOp { DmOp::CreateIoreqServer(xen_dm_op_nr_vcpus::default()) }',
      ].join('\n'));
      expect(wrong.ok, 'XEN_DMOP_create_ioreq_server was built with the payload of XEN_DMOP_nr_vcpus').toBe(false);
      expect(wrong.out).toMatch(/mismatched types[\s\S]*expected `xen_dm_op_create_ioreq_server`, found `xen_dm_op_nr_vcpus`/);
    });

    it('types domctl, sysctl, flask and platform calls without unsafe, filling the interface version, and rejects a wrong payload', { timeout: SLOW }, async () => {
      const right = await userCrate(['xen-4-22', 'zerocopy'], [
        '#![forbid(unsafe_code)]',
        'use xenabi::stable::platform::{xen_platform_op, xenpf_settime64, XenpfOp, XENPF_INTERFACE_VERSION};',
        'use xenabi::unstable::domctl::{xen_domctl, xen_domctl_max_mem, DomctlOp, XEN_DOMCTL_INTERFACE_VERSION};',
        'use xenabi::unstable::flask_op::{xen_flask_op, xen_flask_setenforce, FlaskOp};',
        'use xenabi::unstable::sysctl::{xen_sysctl, SysctlOp};',
        'pub fn calls() -> usize {',
        '    let call = DomctlOp::MaxMem(xen_domctl_max_mem { max_memkb: 1 << 21 });',
        '    let bytes = call.to_bytes(5);',
        '    let raw = xen_domctl::from_bytes(&bytes);',
        '    assert_eq!((raw.domain, raw.interface_version), (5, XEN_DOMCTL_INTERFACE_VERSION));',
        '    assert_eq!(DomctlOp::from_bytes(&bytes), Ok(call));',
        '    assert_eq!(raw.typed(), Some(call));',
        '    let mut old = bytes;',
        '    old[4] ^= 1;',
        '    assert!(DomctlOp::from_bytes(&old).is_err());',
        '    let enforce = xen_flask_op::from(FlaskOp::Setenforce(xen_flask_setenforce { enforcing: 1 }));',
        '    assert!(matches!(enforce.typed(), Some(FlaskOp::Setenforce(p)) if p.enforcing == 1));',
        '    let time = xen_platform_op::from(XenpfOp::Settime64(xenpf_settime64 { secs: 1, nsecs: 2, mbz: 0, system_time: 3 }));',
        '    assert_eq!(time.interface_version, XENPF_INTERFACE_VERSION);',
        '    let info = xen_sysctl::from(SysctlOp::Physinfo(Default::default()));',
        '    assert!(matches!(SysctlOp::from_bytes(&info.to_bytes().unwrap_or([0; 136])), Ok(SysctlOp::Physinfo(_))));',
        '    bytes.len()',
        '}',
      ].join('\n'));
      expect(right.ok, `typed domctl / flask / platform / sysctl calls do not build without unsafe:\n${right.out}`).toBe(true);
      const wrong = await userCrate(['xen-4-22', 'zerocopy'], [
        'use xenabi::unstable::domctl::{xen_domctl_max_vcpus, DomctlOp};',
        'pub fn call() -> DomctlOp { DomctlOp::MaxMem(xen_domctl_max_vcpus::default()) }',
      ].join('\n'));
      expect(wrong.ok, 'XEN_DOMCTL_max_mem was built with the payload of XEN_DOMCTL_max_vcpus').toBe(false);
      expect(wrong.out).toMatch(/mismatched types[\s\S]*expected `xen_domctl_max_mem`, found `xen_domctl_max_vcpus`/);
    });

    it('types event channel, grant table and memory ops, value sets and flag sets without unsafe, and rejects a wrong record', { timeout: SLOW }, async () => {
      const right = await userCrate(['xen-4-22', 'zerocopy'], [
        '#![forbid(unsafe_code)]',
        'use xenabi::stable::event_channel::{evtchn_bind_virq, EvtchnOp, Evtchnstat, EVTCHNOP_bind_virq, EVTCHNSTAT_virq};',
        'use xenabi::stable::grant_table::{gnttab_map_grant_ref, Gntmap, GnttabOp, GNTTABOP_map_grant_ref};',
        'use xenabi::stable::memory::{xen_memory_reservation, XenmemOp};',
        'pub fn calls() -> usize {',
        '    let bind = EvtchnOp::BindVirq(evtchn_bind_virq { virq: 1, vcpu: 0, port: 0 });',
        '    assert_eq!(bind.op(), EVTCHNOP_bind_virq);',
        '    assert_eq!(EvtchnOp::from_parts(bind.op(), bind.arg_bytes()), Some(bind));',
        '    let mut map = gnttab_map_grant_ref::default();',
        '    map.flags = (Gntmap::HOST_MAP | Gntmap::READONLY).bits();',
        '    let map = GnttabOp::MapGrantRef(map);',
        '    assert_eq!(map.op(), GNTTABOP_map_grant_ref);',
        '    assert!(matches!(GnttabOp::from_parts(map.op(), map.arg_bytes()), Some(GnttabOp::MapGrantRef(m)) if Gntmap::from(m.flags).contains(Gntmap::READONLY)));',
        '    assert_eq!(Evtchnstat::from(EVTCHNSTAT_virq), Evtchnstat::VIRQ);',
        '    assert_eq!(Evtchnstat::from(99).name(), None);',
        '    XenmemOp::IncreaseReservation(xen_memory_reservation::default()).arg_bytes().len()',
        '}',
      ].join('\n'));
      expect(right.ok, `typed event channel / grant table / memory ops do not build without unsafe:\n${right.out}`).toBe(true);
      const wrong = await userCrate(['xen-4-22', 'zerocopy'], [
        'use xenabi::stable::event_channel::{evtchn_send, EvtchnOp};',
        'pub fn call() -> EvtchnOp { EvtchnOp::BindVirq(evtchn_send::default()) }',
      ].join('\n'));
      expect(wrong.ok, 'EVTCHNOP_bind_virq was built with the record of EVTCHNOP_send').toBe(false);
      expect(wrong.out).toMatch(/mismatched types[\s\S]*expected `evtchn_bind_virq`, found `evtchn_send`/);
    });

    it('never declares what Xen removed', { timeout: SLOW }, async () => {
      const removed = await userCrate(['xen-4-22'], 'const _: u32 = xenabi::stable::grant_table::GNTMAP_can_fail;');
      expect(removed.ok).toBe(false);
      expect(removed.out).toMatch(/GNTMAP_can_fail/);
    });

    it.skipIf(!hasRustSrc).each(OTHER_ARCHES)('builds for %s, where its layout assertions hold', { timeout: SLOW }, async (arch) => {
      await crossCheck(CRATE, arch);
    });

    it.skipIf(!hasRustSrc).each(['x86_32', 'arm32'] as Arch[])('builds for %s with Xen 4.9 as the oldest release, where its layout assertions hold', { timeout: SLOW }, async (arch) => {
      await crossCheck(CRATE, arch, '4.9');
    });
  });

  describe.skipIf(!hasCargo)('the emitter golden crate', () => {
    it('passes cargo test on the host, with and without --features zerocopy', { timeout: SLOW }, async () => {
      expect(await cargoTest(golden(), [])).toBeGreaterThan(10);
      expect(await cargoTest(golden(), ['--features', 'zerocopy'])).toBeGreaterThan(10);
    });

    it('passes cargo test on the host with the oldest and an older release as the oldest supported', { timeout: SLOW }, async () => {
      expect(await cargoTest(golden(), oldest('4.6'))).toBeGreaterThan(2);
      expect(await cargoTest(golden(), oldest('4.17'))).toBeGreaterThan(10);
    });

    it.skipIf(!hasRustSrc).each(OTHER_ARCHES)('builds for %s, where its layout assertions hold', { timeout: SLOW }, async (arch) => {
      await crossCheck(golden(), arch);
    });

    it.skipIf(!hasRustSrc)('builds for x86 with Xen 4.17 as the oldest release, where its layout assertions hold', { timeout: SLOW }, async () => {
      await crossCheck(golden(), 'x86_32', '4.17');
    });
  });
});
