/**
 * Builds the Rust device model (dm-rust/) on the `xenabi` and `xenabi-linux` crates alone:
 * static (glibc's static-pie, so dom0 needs no library of ours), for x86_64 like dom0, with
 * cargo's lock file as committed. One target folder serves both variants; cargo rebuilds only
 * what a feature change touches.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { commandLine, runJob } from '../../lib/compile.js';
import { CACHE, LIVE_DIR } from './releases.js';

export interface RustVariant {
  /** The language name it reports under. */
  language: string;
  /** Cargo's feature arguments. */
  features: string[];
}

/** The newest ABI, and the build for Xen 4.12 as the oldest release (no nr_vcpus in it). */
export const RUST_VARIANTS: readonly RustVariant[] = [
  { language: 'rust', features: [] },
  { language: 'rust-4.12', features: ['--no-default-features', '--features', 'xen-4-12'] },
];

export const RUST_TARGET = 'x86_64-unknown-linux-gnu';
const CRATE = join(LIVE_DIR, 'dm-rust');
const TARGET_DIR = join(CACHE, 'work/dm-rust/target');

/** Builds `variant` and returns the static binary's path, copied out of cargo's target folder. */
export async function buildRustDeviceModel(variant: RustVariant): Promise<string> {
  const job = {
    label: `dm-rust ${variant.language}`,
    command: 'cargo',
    args: ['build', '--release', '--locked', '--target', RUST_TARGET, ...variant.features],
    cwd: CRATE,
    env: { CARGO_TARGET_DIR: TARGET_DIR, CARGO_TERM_COLOR: 'never', RUSTFLAGS: '-C target-feature=+crt-static' },
  };
  const r = await runJob(job);
  if (r.code !== 0) throw new Error(`${commandLine(job)} failed in ${CRATE} (exit ${r.code}):\n${r.stderr}${r.stdout}`);
  if (/^warning:/m.test(r.stderr)) throw new Error(`${commandLine(job)} warned in ${CRATE}:\n${r.stderr}`);
  const out = join(CACHE, 'work/dm-rust', variant.language);
  mkdirSync(out, { recursive: true });
  const binary = join(out, 'dm-rust');
  copyFileSync(join(TARGET_DIR, RUST_TARGET, 'release/dm-rust'), binary);
  return binary;
}
