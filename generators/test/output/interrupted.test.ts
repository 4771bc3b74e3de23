/**
 * `xenabi generate` killed while it writes: really killed (SIGKILL), in a child process that
 * the test hook `XENABI_TEST_PAUSE` stops after its first staged write or its first rename.
 * The tree is then the previous run's or, once the next run has finished the renames, the
 * interrupted run's — never a mix; `generate --check` reports what was left behind.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { recoverStaging, STAGING_DIR } from '../../src/output/pipeline.js';

const REPO = new URL('../../../', import.meta.url).pathname;
const BIN = join(REPO, 'generators/bin/xenabi.js');
const FIXTURE = new URL('../fixtures/cli-good/', import.meta.url).pathname;

async function run(argv: string[], cwd: string) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd, isTty: false };
  const code = await main(argv, io);
  return { code, out, err };
}

/** Every file under `root`, by relative path. */
function tree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return files;
}

/** Starts `xenabi generate` paused at `phase`, and kills it there with SIGKILL. */
function killedAt(phase: 'stage' | 'rename', root: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, 'generate'], { cwd: root, env: { ...process.env, XENABI_TEST_PAUSE: phase }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes(`paused after the first ${phase}`)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? done() : fail(new Error(`generate was not killed (exit ${code}): ${err}`))));
  });
}

let generated: string;
/** The outputs a whole run writes. */
let after: Map<string, string>;
/** Outputs of the cheap emitters, edited by hand in each test's tree so that a run rewrites them. */
let edited: string[];

/** A copy of the generated fixture with several outputs edited by hand: the previous state. */
function editedRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'xenabi-killed-'));
  cpSync(generated, root, { recursive: true });
  for (const path of edited) writeFileSync(join(root, path), 'edited by hand\n');
  return root;
}

beforeAll(async () => {
  generated = mkdtempSync(join(tmpdir(), 'xenabi-killed-'));
  cpSync(FIXTURE, generated, { recursive: true });
  writeFileSync(join(generated, 'package.json'), '{}\n');
  expect((await run(['generate'], generated)).code).toBe(0);
  after = tree(generated);
  // Not the TypeScript package's files: rewriting those would make every run type-check it.
  edited = [...after.keys()].filter((p) => /^(docs|packages\/c-headers|packages\/rust-bindings\/src)\//.test(p)).sort().slice(0, 6);
  expect(edited.length).toBe(6);
});

/** The outputs as they are in `root`. */
const outputs = (root: string) => new Map([...after.keys()].map((path) => [path, existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined]));
const previous = () => new Map([...after].map(([path, content]) => [path, edited.includes(path) ? 'edited by hand\n' : content]));

describe('generate killed mid-write', () => {
  it('while staging: the tree stays the previous run\'s; --check reports the staging; the next run discards it', async () => {
    const root = editedRoot();
    await killedAt('stage', root);
    expect(outputs(root)).toEqual(previous());
    expect(existsSync(join(root, STAGING_DIR))).toBe(true);
    expect([...tree(root).keys()].filter((p) => p.includes('xenabi-tmp'))).toEqual([]);
    const check = await run(['generate', '--check'], root);
    expect(check.code).toBe(1);
    expect(check.err).toContain(`an interrupted xenabi generate left these behind:\n  ${STAGING_DIR}/\n`);
    const again = await run(['generate'], root);
    expect(again.code).toBe(0);
    expect(again.out).toContain('discarded what an interrupted run had staged');
    expect(outputs(root)).toEqual(after);
    expect(existsSync(join(root, STAGING_DIR))).toBe(false);
    expect((await run(['generate', '--check'], root)).code).toBe(0);
  });

  it('while renaming: the next run first puts every staged file in place, so the tree is the interrupted run\'s, whole', async () => {
    const root = editedRoot();
    await killedAt('rename', root);
    const restored = edited.filter((path) => readFileSync(join(root, path), 'utf8') === after.get(path));
    expect(restored.length).toBe(1);
    expect((await run(['generate', '--check'], root)).code).toBe(1);
    // Finishing alone, without rendering anything, completes the interrupted run.
    const recovery = recoverStaging(root);
    expect(recovery.kind).toBe('finished');
    expect(outputs(root)).toEqual(after);
    expect(existsSync(join(root, STAGING_DIR))).toBe(false);
    expect((await run(['generate', '--check'], root)).code).toBe(0);
  });

  it('refuses to write while another generate is writing into the same tree', async () => {
    const root = editedRoot();
    const child = spawn(process.execPath, [BIN, 'generate'], { cwd: root, env: { ...process.env, XENABI_TEST_PAUSE: 'stage' }, stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise<void>((paused) => child.stderr.on('data', (d: Buffer) => d.toString().includes('paused') && paused()));
    try {
      const second = await run(['generate'], root);
      expect(second.code).toBe(2);
      expect(second.err).toContain(`another xenabi generate (pid ${child.pid}) is writing into`);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('reports the temporary files older versions left, and removes them', async () => {
    const root = mkdtempSync(join(tmpdir(), 'xenabi-killed-'));
    cpSync(generated, root, { recursive: true });
    writeFileSync(join(root, 'docs/reference/stable/sample.md.xenabi-tmp-4242'), 'half a file');
    const check = await run(['generate', '--check'], root);
    expect(check.code).toBe(1);
    expect(check.err).toContain('  docs/reference/stable/sample.md.xenabi-tmp-4242\n');
    expect((await run(['generate'], root)).code).toBe(0);
    expect(existsSync(join(root, 'docs/reference/stable/sample.md.xenabi-tmp-4242'))).toBe(false);
    expect((await run(['generate', '--check'], root)).code).toBe(0);
  });
});
