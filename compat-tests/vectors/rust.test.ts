/**
 * Checker 4: the Rust crate on the host (x86_64). `packages/rust-bindings/tests/vectors.rs`
 * (written by `npm run vectors` from the x86_64 vectors) builds every record member by member
 * and compares its bytes, then decodes the vector's bytes and compares every member; with
 * `--features zerocopy` through `IntoBytes` and `FromBytes` too. This runs
 * `cargo test --test vectors` both ways and turns each reported difference into a row naming
 * the member at the offset.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARGO_ENV } from '../lib/cargo.js';
import { gate } from '../lib/toolchain.js';
import { casesOf, counts, newestModel, REPO_ROOT, type Case } from './catalog.js';
import { compareBytes, mismatchTable, valueMismatch, type Mismatch } from './report.js';
import { RUST_ARCH } from './rust-tests.js';

const CRATE = join(REPO_ROOT, 'packages/rust-bindings');
/** The host target directory compat-tests/rust/crate.test.ts uses, so both share cargo's cache. */
const TARGET_DIR = join(CRATE, 'target');
const SLOW = 600_000;

const hasCargo = spawnSync('cargo', ['--version']).status === 0;
const prerequisites = gate(hasCargo ? [] : ['cargo is not installed: install Rust with rustup (https://rustup.rs)']);

function cargo(args: string[]): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('cargo', args, { cwd: CRATE, env: { ...process.env, ...CARGO_ENV, CARGO_TARGET_DIR: TARGET_DIR } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (e) => resolve({ ok: false, out: `${out}${e.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, out }));
  });
}

/** The rows of the `xenabi-vector-*` lines vectors.rs prints for each difference. */
export function rustMismatches(output: string, cases: readonly Case[], checker: string): Mismatch[] {
  const byKey = new Map(cases.map((c) => [`${c.record.name}#${c.vector.index}`, c]));
  const rows: Mismatch[] = [];
  const bytes = (hex: string | undefined) => new Uint8Array(Buffer.from(hex ?? '', 'hex'));
  for (const m of output.matchAll(/xenabi-vector-bytes record=(\S+) index=(\d+) how=(\S+) want=([0-9a-f]*) got=([0-9a-f]*)/g)) {
    const c = byKey.get(`${m[1]}#${m[2]}`);
    if (c) rows.push(...compareBytes(`${checker} ${m[3]}`, c, bytes(m[5]), bytes(m[4])));
  }
  for (const m of output.matchAll(/xenabi-vector-value record=(\S+) index=(\d+) member=(\S+) expected=(\S+) got=(\S+)/g)) {
    const c = byKey.get(`${m[1]}#${m[2]}`);
    if (c) rows.push(valueMismatch(`${checker} decode`, c, m[3] as string, m[4] as string, m[5] as string));
  }
  return rows;
}

const passed = (out: string) => [...out.matchAll(/test result: \w+\. (\d+) passed/g)].reduce((n, m) => n + Number(m[1]), 0);

describe('shared vectors: Rust crate on x86_64', () => {
  it('has cargo', (ctx) => prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip).each([
    ['without features', [] as string[]],
    ['with --features zerocopy', ['--features', 'zerocopy']],
  ])('cargo test --test vectors %s: every record built and decoded as the vectors say', { timeout: SLOW }, async (_label, features) => {
    const cases = casesOf(await newestModel(), RUST_ARCH);
    const r = await cargo(['test', '--locked', ...features, '--test', 'vectors']);
    const checker = `Rust${features.length ? ' (zerocopy)' : ''}`;
    const rows = rustMismatches(r.out, cases, checker);
    const n = counts(cases);
    console.log(`${checker} ${RUST_ARCH}: ${n.records} records, ${n.vectors} vectors, ${n.bytes} bytes built and decoded (${passed(r.out)} tests passed): ${r.ok ? 'ok' : 'FAILED'}`);
    const report = rows.length ? `the Rust crate disagrees with the vectors:\n${mismatchTable(rows)}` : r.ok ? '' : `cargo test --test vectors failed:\n${r.out}`;
    expect(report, report).toBe('');
    expect(r.out).not.toMatch(/^warning:/m);
    expect(passed(r.out)).toBe(n.records);
  });
});
