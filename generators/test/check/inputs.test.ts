/**
 * What `xenabi check` may be handed on its command line besides a good export: a device, a
 * pipe, a folder, something too large, JSON that is not an export, an export whose sets name
 * constants it does not have. Each is bad input (exit 2) with a message naming the path, or,
 * for a pipe, simply works. None is an internal error.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/check/side/read-input.js';
import { freshRepo, run } from './helpers.js';

let root: string;
let exported: string;

beforeAll(async () => {
  root = await freshRepo();
  exported = (await run(['export'], root)).out;
  writeFileSync(join(root, 'base.json'), exported);
});

/** Runs `check` with `argv`, expecting bad input: exit 2, the message, no output. */
async function refused(argv: string[], message: string | RegExp) {
  const r = await run(['check', ...argv], root);
  expect(r.code, argv.join(' ')).toBe(2);
  expect(r.out).toBe('');
  if (typeof message === 'string') expect(r.err).toContain(message);
  else expect(r.err).toMatch(message);
}

describe('xenabi check: what --base, --head and --waivers may name', () => {
  it('refuses /dev/null, an empty file, and JSON that stops early, saying where', async () => {
    await refused(['--base', '/dev/null'], 'xenabi check: /dev/null: not JSON (Unexpected end of JSON input: it is empty)');
    writeFileSync(join(root, 'empty.json'), '');
    await refused(['--base', 'empty.json'], 'empty.json: not JSON');
    writeFileSync(join(root, 'cut.json'), exported.slice(0, 200));
    await refused(['--base', 'cut.json'], /cut\.json: not JSON \(.*\)/);
    writeFileSync(join(root, 'bad.json'), '{\n  "format": "xenabi-abi/1",\n  "records": }\n');
    await refused(['--base', 'bad.json'], /bad\.json: not JSON \(/);
  });

  it('reads an export from a pipe (--base <(xenabi export)), in a shell as a user runs it', () => {
    const bin = new URL('../../bin/xenabi.js', import.meta.url).pathname;
    const out = execFileSync('bash', ['-c', `'${process.execPath}' '${bin}' check --base <(cat base.json) --format json`], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out).base).toMatchObject({ origin: 'export', label: expect.stringMatching(/^\/dev\/fd\/\d+$/) });
  });

  it('refuses a folder, a socket-like path and a missing one as the waivers file or a side', async () => {
    await refused(['--waivers', 'abi'], '--waivers abi: a directory, not a file xenabi can read');
    await refused(['--waivers', 'nowhere.json'], '--waivers nowhere.json: no such file or directory');
    await refused(['--base', 'nowhere.json'], 'nowhere.json: no such file or directory');
    await refused(['--base', 'abi/stable/sample.ts/x'], 'a path through something that is not a directory');
    writeFileSync(join(root, 'waivers-not-json.json'), '[');
    await refused(['--waivers', 'waivers-not-json.json'], 'not a valid waivers file');
  });

  it('refuses a socket and a loop of symbolic links, naming what they are', async () => {
    const server = createServer();
    const socket = join(root, 'xenabi.sock');
    await new Promise<void>((listening) => server.listen(socket, listening));
    try {
      await refused(['--base', 'xenabi.sock'], 'xenabi.sock: a socket; give an export JSON, an abi/ directory or a baseline');
      await refused(['--waivers', 'xenabi.sock'], '--waivers xenabi.sock: a socket, not a file xenabi can read');
    } finally {
      server.close();
    }
    symlinkSync(join(root, 'loop-b'), join(root, 'loop-a'));
    symlinkSync(join(root, 'loop-a'), join(root, 'loop-b'));
    await refused(['--base', 'loop-a'], 'loop-a: too many symbolic links (a loop?)');
  });

  it('refuses an input past the size bound before reading it, and a stream past it while reading', async () => {
    const big = join(root, 'big.json');
    closeSync(openSync(big, 'w'));
    execFileSync('truncate', ['-s', String(MAX_INPUT_BYTES + 1), big]);
    await refused(['--base', 'big.json'], 'big.json: larger (32.0 MiB) than the 32.0 MiB xenabi check reads from one input');
    await refused(['--base', '/dev/zero'], '/dev/zero: larger (over 32.0 MiB) than the 32.0 MiB xenabi check reads from one input');
  });

  it('refuses an export whose sets name constants it does not list', async () => {
    const doc = JSON.parse(exported);
    const [name, set] = Object.entries(doc.sets as Record<string, { ops?: { constant: string }[] }>).find(([, s]) => s.ops?.length) ?? [];
    expect(name).toBeDefined();
    set!.ops![0]!.constant = 'NO_SUCH_OP';
    writeFileSync(join(root, 'dangling.json'), JSON.stringify(doc));
    await refused(['--base', 'dangling.json'], `sets.${name}.ops[0].constant names "NO_SUCH_OP", which is not among the constants`);
    await refused(['--head', 'dangling.json', '--base', 'base.json'], 'NO_SUCH_OP');
  });

  it('refuses a baseline whose sets name constants it does not list', async () => {
    const path = join(root, 'abi/baseline/stable.abi.md');
    const text = readFileSync(path, 'utf8');
    const op = /^op (\S+) (\S+)/m.exec(text);
    expect(op).not.toBeNull();
    writeFileSync(path, text.replace(op![0], `op ${op![1]} NO_SUCH_OP`));
    await refused([], 'NO_SUCH_OP", which is not among the constants');
  });
});
