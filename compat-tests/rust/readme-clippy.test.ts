// The Rust crate's README examples are what a new user copies first, so they must pass
// clippy's pedantic lints, and clippy's `incompatible_msrv` lint must hold them to the
// crate's declared `rust-version` (issue 13).
//
// rustdoc compiles the examples as doctests, but clippy does not lint doctests. So each
// ```rust block becomes a binary of a scratch crate that depends on the real one by path and
// re-declares its features (a doctest sees the crate's own `feature = "…"` cfgs, so the
// examples' `#[cfg(feature = "xen-4-9")]` must mean the same here). One more binary, the
// canary, holds a line pedantic clippy rejects: the test also proves the lints were on.
//
// Missing cargo or clippy fails under CI=true and skips elsewhere.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARGO_ENV } from '../lib/cargo.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const CRATE = join(ROOT, 'packages/rust-bindings');
const SCRATCH = join(CRATE, 'target/readme-clippy');
const IN_CI = process.env.CI === 'true';
const SLOW = 900_000;

const hasClippy = spawnSync('cargo', ['clippy', '--version'], { encoding: 'utf8' }).status === 0;
const missing = hasClippy ? '' : 'cargo clippy is not installed: install Rust with rustup, then `rustup component add clippy`';
if (missing && !IN_CI) console.warn(`skipped the README clippy check: ${missing}`);

/** The ```rust blocks of a Markdown file, doctest-hidden lines (`# `) shown, `ignore` blocks left out. */
export function rustBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (current === undefined) {
      const fence = /^```rust(,[\w,]+)?\s*$/.exec(line);
      if (fence && !/\bignore\b/.test(fence[1] ?? '')) current = [];
    } else if (line.startsWith('```')) {
      blocks.push(current.join('\n'));
      current = undefined;
    } else current.push(line === '#' ? '' : line.replace(/^# /, ''));
  }
  return blocks;
}

/** The crate's `[features]` table, each feature forwarded to the crate and chained as there. */
export function forwardedFeatures(manifest: string): string[] {
  const table = /^\[features\]\n([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(manifest)?.[1] ?? '';
  const lines: string[] = [];
  for (const m of table.matchAll(/^([\w-]+)\s*=\s*\[(.*)\]\s*$/gm)) {
    const [, name, list] = m as unknown as [string, string, string];
    const deps = [...list.matchAll(/"([^"]+)"/g)].map((d) => d[1]!).filter((d) => !d.startsWith('dep:'));
    const own = name === 'default' ? [] : [`xenabi/${name}`];
    lines.push(`${name} = [${[...deps, ...own].map((d) => JSON.stringify(d)).join(', ')}]`);
  }
  return lines;
}

/** A doctest as rustdoc compiles it: `unused` lints allowed, and a body without `fn main` wrapped in one. */
const asProgram = (block: string) => `#![allow(unused)]\n${/\bfn main\s*\(/.test(block) ? block : `fn main() {\n${block}\n}`}\n`;

const CANARY = 'fn main() {\n    let wide: u64 = std::env::args().count() as u64;\n    let narrow = wide as u32;\n    println!("{narrow}");\n}\n';

function cargo(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('cargo', args, { cwd: SCRATCH, env: { ...process.env, ...CARGO_ENV } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (e) => resolve({ code: -1, out: out + e.message }));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('the Rust README examples', () => {
  it('are found, with the features the crate declares', () => {
    const blocks = rustBlocks(readFileSync(join(CRATE, 'README.md'), 'utf8'));
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    expect(forwardedFeatures(readFileSync(join(CRATE, 'Cargo.toml'), 'utf8'))).toContain('xen-4-9 = ["xen-4-8", "xenabi/xen-4-9"]');
  });

  it.skipIf(!!missing && !IN_CI)('pass clippy::pedantic and incompatible_msrv at the declared rust-version', async () => {
    expect(missing, missing).toBe('');
    const manifest = readFileSync(join(CRATE, 'Cargo.toml'), 'utf8');
    const msrv = /^rust-version\s*=\s*"([^"]+)"/m.exec(manifest)?.[1];
    expect(msrv, 'packages/rust-bindings/Cargo.toml declares no rust-version').toBeTruthy();
    const blocks = rustBlocks(readFileSync(join(CRATE, 'README.md'), 'utf8'));

    rmSync(join(SCRATCH, 'src'), { recursive: true, force: true });
    mkdirSync(join(SCRATCH, 'src/bin'), { recursive: true });
    writeFileSync(
      join(SCRATCH, 'Cargo.toml'),
      [
        '[package]',
        'name = "readme-examples"',
        'version = "0.0.0"',
        'edition = "2021"',
        `rust-version = "${msrv}"`,
        'publish = false',
        '',
        '[workspace]',
        '',
        '[dependencies]',
        `xenabi = { path = ${JSON.stringify(CRATE)}, default-features = false }`,
        '',
        '[features]',
        ...forwardedFeatures(manifest),
        '',
      ].join('\n'),
    );
    // The crate's lock file pins the same zerocopy the crate's own tests build with.
    writeFileSync(join(SCRATCH, 'Cargo.lock'), readFileSync(join(CRATE, 'Cargo.lock')));
    blocks.forEach((block, i) => writeFileSync(join(SCRATCH, `src/bin/example_${i + 1}.rs`), asProgram(block)));
    writeFileSync(join(SCRATCH, 'src/bin/canary.rs'), CANARY);

    const r = await cargo(['clippy', '--bins', '--features', 'default,zerocopy,alloc', '--', '-W', 'clippy::pedantic', '-W', 'clippy::incompatible_msrv']);
    expect(r.code, `cargo clippy failed to run:\n${r.out}`).toBe(0);
    // The canary's truncating cast is reported: the pedantic lints were on.
    expect(r.out).toMatch(/clippy::cast_possible_truncation|cast_possible_truncation/);
    expect(r.out).toMatch(/src\/bin\/canary\.rs/);
    const reported = [...r.out.matchAll(/-->\s*src\/bin\/(example_\d+)\.rs:(\d+)/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(reported, `README examples with clippy findings:\n${r.out}`).toEqual([]);
  }, SLOW);
});
