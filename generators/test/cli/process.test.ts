/**
 * The `xenabi` process itself, spawned as CI runs it: exit codes and output when an ABI
 * module never finishes loading, when the command is left waiting on something that never
 * happens, and when the reader of its output goes away. (The other CLI tests call `main()`.)
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = new URL('../../../', import.meta.url).pathname;
const BIN = join(REPO, 'generators/bin/xenabi.js');
const FIXTURE = new URL('../fixtures/cli-good/', import.meta.url).pathname;
const MODULE = 'abi/stable/sample.ts';

function xenabi(argv: string[], cwd: string, env: Record<string, string> = {}, nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, ...argv], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let generated: string | undefined;

/** A copy of the good fixture as generated (once), with an export of it beside. */
function generatedRoot(): string {
  if (!generated) {
    generated = mkdtempSync(join(tmpdir(), 'xenabi-process-'));
    cpSync(FIXTURE, generated, { recursive: true });
    writeFileSync(join(generated, 'package.json'), '{}\n');
    expect(xenabi(['generate'], generated).code).toBe(0);
    writeFileSync(join(generated, 'good.json'), xenabi(['export'], generated).out);
  }
  const root = mkdtempSync(join(tmpdir(), 'xenabi-process-'));
  cpSync(generated, root, { recursive: true });
  return root;
}

/** Inserts `statement` in the module after its first declaration. */
function breakModule(root: string, statement: string): void {
  const path = join(root, MODULE);
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf('\nexport const sample_range');
  writeFileSync(path, `${text.slice(0, at)}\n${statement}${text.slice(at)}`);
}

const COMMANDS = [['generate'], ['generate', '--check'], ['export'], ['check'], ['check', '--base', 'good.json']];

describe('a module that never finishes loading', () => {
  it('makes every command exit 2 with a located error, printing and writing nothing', () => {
    const root = generatedRoot();
    breakModule(root, 'await new Promise(() => {});');
    const before = readFileSync(join(root, 'docs/reference/stable/sample.md'), 'utf8');
    for (const argv of COMMANDS) {
      const r = xenabi(argv, root);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(/abi\/stable\/sample\.ts:\d+:1: error \[evaluation\] sample: top-level await is not allowed/);
      expect(r.out, argv.join(' ')).toBe('');
    }
    expect(readFileSync(join(root, 'docs/reference/stable/sample.md'), 'utf8')).toBe(before);
  });

  it('stops an endless loop at the time limit, at the line that loops', () => {
    const root = generatedRoot();
    breakModule(root, 'for (let spins = 0; ; spins++);');
    const line = readFileSync(join(root, MODULE), 'utf8').split('\n').findIndex((l) => l.startsWith('for (let spins')) + 1;
    for (const argv of [['export'], ['check', '--base', 'good.json'], ['generate', '--check']]) {
      const r = xenabi(argv, root, { XENABI_LOAD_TIMEOUT: '0.3' });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toContain(`abi/stable/sample.ts:${line}:1: error [evaluation] sample: the module did not finish loading within 0.3 s: this line was running`);
      expect(r.out, argv.join(' ')).toBe('');
    }
  });
});

describe('a command left waiting on something that never happens', () => {
  it('exits 70 saying it did not finish, not 0', () => {
    const root = mkdtempSync(join(tmpdir(), 'xenabi-process-'));
    cpSync(FIXTURE, root, { recursive: true });
    writeFileSync(join(root, 'package.json'), '{}\n');
    // The loader waits a turn of the event loop after evaluating (for rejected promises);
    // without setImmediate that wait never ends, and the event loop runs dry.
    const hook = join(root, 'never-settles.cjs');
    writeFileSync(hook, 'globalThis.setImmediate = () => {};\n');
    for (const argv of [['export'], ['generate', '--check']]) {
      const r = xenabi(argv, root, {}, ['--require', hook]);
      expect(r.code, argv.join(' ')).toBe(70);
      expect(r.err, argv.join(' ')).toContain('xenabi: internal error: the command stopped before it finished its work');
    }
  });
});

describe('a reader that goes away', () => {
  /** Runs `xenabi` reading only the first chunk of its output, then closing the pipe. */
  function firstChunk(argv: string[], cwd: string): Promise<{ code: number | null; err: string }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [BIN, ...argv], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => done({ code, err }));
    });
  }

  it('ends export quietly with 0 (`xenabi export | head`)', async () => {
    const r = await firstChunk(['export'], REPO);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('keeps check\'s verdict: a break still exits 1', async () => {
    const root = generatedRoot();
    const path = join(root, MODULE);
    writeFileSync(path, readFileSync(path, 'utf8').replace("constant('SAMPLE_OP', 3,", "constant('SAMPLE_OP', 5,"));
    const full = xenabi(['check', '--format', 'json'], root);
    expect(full.code).toBe(1);
    const r = await firstChunk(['check', '--format', 'json'], root);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
  });
});
