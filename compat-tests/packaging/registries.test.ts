/**
 * What npm and crates.io would receive: `npm publish --dry-run` for every public npm package
 * and `cargo publish --dry-run` for every crate, clean (no warning but npm's note that nobody
 * is logged in), with the licence, a README whose relative links resolve inside the package,
 * the repository, homepage and documentation, and no build leftovers or test data. And the CLI
 * as another project gets it: packed, installed as a devDependency, run there, naming that
 * project's files relative to it.
 *
 * xenabi-linux depends on the xenabi crate, which is not on crates.io yet, so a dry run of it
 * alone cannot resolve its dependency. Both crates are dry-run together instead, as
 * `cargo publish --workspace` would publish them: xenabi first, then xenabi-linux verified
 * (built from its packaged files) against the packaged xenabi, which cargo serves from a
 * local registry of the crates being published.
 */
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOMEPAGE_URL, REPOSITORY_GIT_URL, REPOSITORY_URL } from '../../generators/src/release/project.js';
import { CARGO_ENV } from '../lib/cargo.js';
import { IN_CI } from '../lib/toolchain.js';
import { REPO_ROOT, relativeLinks, run } from './run.js';

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  homepage?: string;
  repository?: { url?: string; directory?: string };
  bin?: Record<string, string>;
}

const rootManifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { workspaces: string[] };
const npmPackages = rootManifest.workspaces
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(REPO_ROOT, dir, 'package.json'), 'utf8')) as Manifest }))
  .filter((p) => !p.manifest.private);
/** Every crate: the folders under packages/ with a Cargo.toml, and the crates nested in them. */
const crates = readdirSync(join(REPO_ROOT, 'packages'))
  .map((d) => `packages/${d}`)
  .flatMap((dir) => [dir, ...readdirSync(join(REPO_ROOT, dir)).map((d) => `${dir}/${d}`)])
  .filter((dir) => existsSync(join(REPO_ROOT, dir, 'Cargo.toml')));

/** What a published package must never carry. */
const LEFTOVER = /(^|\/)(test|tests\/fixtures|fixtures|golden|node_modules|target|\.cache)\/|\.tsbuildinfo$|\.test\.[cm]?[jt]s$|(^|\/)\.xenabi-staging/;

function expectPublishable(dir: string, files: readonly string[]): void {
  expect(files, `${dir}: LICENSE`).toContain('LICENSE');
  expect(files, `${dir}: README.md`).toContain('README.md');
  expect(files.filter((f) => LEFTOVER.test(f)), `${dir}: build leftovers or test data`).toEqual([]);
  const readme = readFileSync(join(REPO_ROOT, dir, 'README.md'), 'utf8');
  const broken = relativeLinks(readme).filter((link) => {
    const target = normalize(link).replace(/\/$/, '');
    return !files.some((f) => f === target || f.startsWith(`${target}/`));
  });
  expect(broken, `${dir}/README.md links to files the package does not have`).toEqual([]);
}

const hasCargo = (await run('cargo', ['--version'], { allowFailure: true }).catch(() => ({ status: 1 }))).status === 0;

describe('npm packages', () => {
  const published: Record<string, { files: { path: string }[] }> = {};
  let warnings: string[] = [];
  beforeAll(async () => {
    // One npm per package, side by side: `--workspaces` with a private workspace among them
    // makes npm 10 die with "Exit handler never called!".
    const results = await Promise.all(npmPackages.map((p) => run('npm', ['publish', '--dry-run', '--json', '--workspace', p.dir, '--loglevel=warn'])));
    for (const r of results) Object.assign(published, JSON.parse(r.stdout) as typeof published);
    warnings = results.flatMap((r) => r.stderr.split('\n').filter((l) => /\bwarn\b/i.test(l) && !/requires you to be logged in/.test(l)));
  }, 120_000);

  it('publish without a warning (npm would otherwise rewrite package.json: a bin it cannot take is dropped)', () => {
    expect(Object.keys(published).sort()).toEqual(npmPackages.map((p) => p.manifest.name).sort());
    expect(warnings).toEqual([]);
  });

  it.each(npmPackages)('$dir: names the licence, the repository folder and the homepage', ({ dir, manifest }) => {
    expect(manifest).toMatchObject({ license: 'MIT', homepage: HOMEPAGE_URL, repository: { url: REPOSITORY_GIT_URL, directory: dir } });
  });

  it.each(npmPackages)('$dir: carries LICENSE and README, working README links, its bins, and no leftovers', ({ dir, manifest }) => {
    const files = published[manifest.name]!.files.map((f) => f.path);
    expectPublishable(dir, files);
    for (const bin of Object.values(manifest.bin ?? {})) expect(files).toContain(bin);
  });
});

describe.skipIf(!hasCargo && !IN_CI)('crates', () => {
  const env = { ...CARGO_ENV, CARGO_TARGET_DIR: join(REPO_ROOT, 'packages/rust-bindings/target/publish') };
  const warningsOf = (stderr: string) => stderr.split('\n').filter((l) => /^warning/.test(l) && !/aborting upload due to dry run/.test(l));

  it('have cargo', () => expect(hasCargo, 'cargo is not installed: install Rust with rustup').toBe(true));

  it('are the xenabi crate and xenabi-linux', () => {
    expect(crates).toEqual(['packages/rust-bindings', 'packages/rust-bindings/xenabi-linux']);
  });

  it.each(crates)('%s: cargo package --list is clean, with LICENSE, README, repository, homepage, documentation and no leftovers', async (dir) => {
    const manifest = join(REPO_ROOT, dir, 'Cargo.toml');
    const list = await run('cargo', ['package', '--list', '--allow-dirty', '--manifest-path', manifest], { env });
    expect(warningsOf(list.stderr), `cargo package --list warned for ${dir}`).toEqual([]);
    const files = list.stdout.trim().split('\n');
    expectPublishable(dir, files);
    expect(files).not.toContain('package.json');
    const toml = readFileSync(manifest, 'utf8');
    const name = /^name = "([^"]+)"$/m.exec(toml)![1];
    expect(toml).toContain(`repository = "${REPOSITORY_URL}"`);
    expect(toml).toContain(`homepage = "${HOMEPAGE_URL}"`);
    expect(toml).toContain(`documentation = "https://docs.rs/${name}"`);
  }, 120_000);

  it('xenabi-linux carries its tests\' data as files, not as links out of the package', async () => {
    const manifest = join(REPO_ROOT, 'packages/rust-bindings/xenabi-linux/Cargo.toml');
    const files = (await run('cargo', ['package', '--list', '--allow-dirty', '--manifest-path', manifest], { env })).stdout.trim().split('\n');
    expect(files).toEqual(expect.arrayContaining(['tests/data/golden-packets.txt', 'tests/data/error-strings.txt', 'tests/xenstore.rs']));
    const sources = files.filter((f) => f.endsWith('.rs')).map((f) => readFileSync(join(REPO_ROOT, 'packages/rust-bindings/xenabi-linux', f), 'utf8'));
    expect(sources.flatMap((text) => [...text.matchAll(/include_(?:str|bytes)!\("([^"]+)"\)/g)].map((m) => m[1]!)).filter((p) => p.includes('..'))).toEqual([]);
  }, 120_000);

  it('cargo publish --dry-run of both, in order: xenabi, then xenabi-linux built against the packaged xenabi', async () => {
    const workspace = publishWorkspace();
    const publish = await run('cargo', ['publish', '--dry-run', '--workspace', '--allow-dirty', '--manifest-path', join(workspace, 'Cargo.toml')], { env });
    expect(warningsOf(publish.stderr), 'cargo publish --dry-run warned').toEqual([]);
    const uploads = [...publish.stderr.matchAll(/^\s*Uploading (\S+) v/gm)].map((m) => m[1]);
    expect(uploads).toEqual(['xenabi', 'xenabi-linux']);
    expect(publish.stderr, 'xenabi-linux is built from its packaged files').toMatch(/Verifying xenabi-linux v\S+[\s\S]*Compiling xenabi-linux v\S+ \([^)]*\/package\/xenabi-linux-[^)]*\)/);
    expect(publish.stderr.match(/aborting upload due to dry run/g)).toHaveLength(2);
  }, 900_000);
});

/**
 * A scratch copy of packages/rust-bindings with xenabi-linux as a member of the xenabi crate's
 * workspace (in the repository each is a workspace of its own: the xenabi manifest is
 * generated), links followed, without build output. Nothing else in either manifest changes.
 */
function publishWorkspace(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'xenabi-publish-')), 'rust-bindings');
  cpSync(join(REPO_ROOT, 'packages/rust-bindings'), dir, { recursive: true, dereference: true, filter: (src) => !/\/target$/.test(src) });
  const linux = join(dir, 'xenabi-linux/Cargo.toml');
  const own = readFileSync(linux, 'utf8');
  expect(own).toMatch(/^\[workspace\]\n/m);
  writeFileSync(linux, own.replace(/^\[workspace\]\n/m, ''));
  appendFileSync(join(dir, 'Cargo.toml'), '\n[workspace]\nmembers = ["xenabi-linux"]\n');
  copyFileSync(join(dir, 'xenabi-linux/Cargo.lock'), join(dir, 'Cargo.lock'));
  return dir;
}

describe('the CLI in another project', () => {
  let project = '';
  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), 'xenabi-consumer-'));
    const packed = await run('npm', ['pack', '--json', '--pack-destination', project, '--workspace', 'generators', '--loglevel=error']);
    const tarball = (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename;
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', '--save-dev', `./${tarball}`], { cwd: project });
    mkdirSync(join(project, 'abi/stable'), { recursive: true });
    copyFileSync(join(REPO_ROOT, 'generators/test/fixtures/cli-good/abi/stable/sample.ts'), join(project, 'abi/stable/sample.ts'));
  }, 180_000);

  it('is a devDependency with a working xenabi command that generates the project\'s outputs', async () => {
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).devDependencies.xenabi).toMatch(/^file:xenabi-/);
    const r = await run(join(project, 'node_modules/.bin/xenabi'), ['generate'], { cwd: project });
    expect(r.stdout).toMatch(/generated files written/);
    expect(existsSync(join(project, 'packages/c-headers/include/xenabi/stable/sample.h'))).toBe(true);
  }, 120_000);

  it('names the project\'s files relative to the project, from any folder in it', async () => {
    const module = join(project, 'abi/stable/sample.ts');
    writeFileSync(module, readFileSync(module, 'utf8').replace("field('type', u32)", "field('type', u16)"));
    mkdirSync(join(project, 'src/deep'), { recursive: true });
    const r = await run(join(project, 'node_modules/.bin/xenabi'), ['generate', '--check'], { cwd: join(project, 'src/deep'), allowFailure: true });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^abi\/stable\/sample\.ts:\d+:\d+: error \[/m);
    expect(r.stderr).not.toContain(project);
  }, 120_000);
});
