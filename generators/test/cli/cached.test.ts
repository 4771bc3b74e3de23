/**
 * What the bundled CLI caches across runs (`load/model-cache.ts`: models, check's laid-out
 * sides, export documents; `generate/stamp.ts`: the stamp of the last generate) changes
 * nothing it prints or writes: a run that reads the cache prints what the run that filled it
 * printed, and an edit to a module, an output or a package version is seen at once. Spawned as CI runs
 * it, from the bundle `npm run build` makes (only the bundle has a build id, so only it caches).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO = new URL('../../../', import.meta.url).pathname;
const BIN = join(REPO, 'generators/bin/xenabi.js');
const FIXTURE = new URL('../fixtures/cli-good/', import.meta.url).pathname;
const MODULE = 'abi/stable/sample.ts';

function xenabi(argv: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const git = (root: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root, encoding: 'utf8' });

/** The cache entries of `kind` (`strict-export`, `lenient-side`…) under the root. */
const entries = (root: string, kind: string) => readdirSync(join(root, 'node_modules/.cache/xenabi')).filter((f) => f.startsWith(`abi-model-${kind}-`));

/** Appends a field to `sample_range`, which is not growable: a binary break the check must report. */
function grow(root: string): void {
  const path = join(root, MODULE);
  const text = readFileSync(path, 'utf8');
  const edited = text.replace("field('end', uint64_aligned_t),", "field('end', uint64_aligned_t),\n    field('extra', uint64_aligned_t),");
  expect(edited).not.toBe(text);
  writeFileSync(path, edited);
}

let root: string;

/** A copy of the fixture with a node_modules folder (where the CLI caches), committed to git. */
function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xenabi-cached-'));
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{}\n');
  mkdirSync(join(dir, 'node_modules'));
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'fixture');
  return dir;
}

beforeAll(() => {
  root = fixture();
});

describe('the bundled CLI, run twice', () => {
  it('prints the same export from the cache, and sees an edit at once', () => {
    const first = xenabi(['export', '--namespace', 'stable'], root);
    expect(first.code).toBe(0);
    expect(entries(root, 'strict-export'), 'run `npm run build`: only the bundled CLI caches').toHaveLength(1);
    expect(xenabi(['export', '--namespace', 'stable'], root)).toEqual(first);
    grow(root);
    const edited = xenabi(['export', '--namespace', 'stable'], root);
    expect(edited.code).toBe(0);
    expect(edited.out).not.toBe(first.out);
    expect(JSON.parse(edited.out).records.sample_range.layouts.x86_64.size).toBe(JSON.parse(first.out).records.sample_range.layouts.x86_64.size + 8);
    expect(xenabi(['export', '--namespace', 'stable'], root)).toEqual(edited);
    git(root, 'checkout', '-q', '--', MODULE);
    expect(xenabi(['export', '--namespace', 'stable'], root)).toEqual(first);
  });

  it('gives the same verdict from cached sides, for a git base and for the working tree', () => {
    const clean = xenabi(['check', '--against', 'HEAD', '--format', 'json'], root);
    expect(clean.code).toBe(0);
    expect(entries(root, 'lenient-side').length).toBe(1);
    expect(entries(root, 'strict-side').length).toBe(1);
    expect(xenabi(['check', '--against', 'HEAD', '--format', 'json'], root)).toEqual(clean);
    grow(root);
    const broken = xenabi(['check', '--against', 'HEAD', '--format', 'json'], root);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out).findings.map((f: { rule: string }) => f.rule)).toContain('RECORD_SIZE_CHANGED');
    expect(xenabi(['check', '--against', 'HEAD', '--format', 'json'], root)).toEqual(broken);
    git(root, 'checkout', '-q', '--', MODULE);
    expect(xenabi(['check', '--against', 'HEAD', '--format', 'json'], root)).toEqual(clean);
  });

  it('reuses the result of the same check, and of nothing else', () => {
    const check = (...more: string[]) => xenabi(['check', '--against', 'HEAD', '--format', 'json', ...more], root);
    const clean = check();
    expect(clean.code).toBe(0);
    const [name, ...others] = entries(root, 'check-result');
    expect(others).toEqual([]);
    // A note planted in the stored result shows that the next check prints the stored one.
    const path = join(root, 'node_modules/.cache/xenabi', name as string);
    const entry = deserialize(readFileSync(path)) as { value: { notes: string[] } };
    entry.value.notes.push('planted');
    writeFileSync(path, serialize(entry));
    expect(JSON.parse(check().out).notes).toContain('planted');
    // Another option, a changed head, a new commit as base: each is a check of its own.
    expect(JSON.parse(check('--fail-on', 'binary').out).notes).not.toContain('planted');
    entry.value.notes.push('planted');
    writeFileSync(path, serialize(entry));
    grow(root);
    expect(check().code).toBe(1);
    git(root, 'checkout', '-q', '--', MODULE);
    expect(check()).toEqual(clean);
    entry.value.notes.push('planted');
    writeFileSync(path, serialize(entry));
    git(root, 'commit', '-q', '--allow-empty', '-m', 'another commit, the same abi/');
    const again = check();
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).notes).not.toContain('planted');
    expect(JSON.parse(again.out).base.label).not.toBe(JSON.parse(clean.out).base.label);
    expect({ ...JSON.parse(again.out), base: undefined }).toEqual({ ...JSON.parse(clean.out), base: undefined });
  });
});

describe('xenabi generate, run again', () => {
  /** The stamp's file, parsed; its outputs' stats as `stamp.ts` records them. */
  const stampPath = (dir: string) => {
    const [name, ...others] = readdirSync(join(dir, 'node_modules/.cache/xenabi')).filter((f) => f.startsWith('generate-stamp-'));
    expect(name, 'run `npm run build`: only the bundled CLI keeps a stamp').toBeDefined();
    expect(others).toEqual([]);
    return join(dir, 'node_modules/.cache/xenabi', name as string);
  };
  const statLine = (path: string) => {
    const s = statSync(path, { bigint: true });
    return `${s.size} ${s.mtimeNs} ${s.ctimeNs} ${s.ino} ${s.dev}`;
  };

  it('ends from its stamp when nothing changed, and runs in full when an input or an output did', () => {
    const dir = fixture();
    const generate = () => {
      const r = xenabi(['generate'], dir);
      expect(r.code, r.err).toBe(0);
      return r.out;
    };
    const first = generate();
    const total = Number(/^xenabi: (\d+) of \1 generated files written/.exec(first)?.[1]);
    expect(total).toBeGreaterThan(10);
    const none = `xenabi: 0 of ${total} generated files written\n`;
    // The first run's own outputs under abi/ (the baselines) change what the model's key lists: the
    // second run may rewrite nothing and still run in full; from the third on, the stamp holds.
    expect(generate()).toBe(none);
    const header = join(dir, 'packages/c-headers/include/xenabi/stable/sample.h');
    const generated = readFileSync(header, 'utf8');

    // The shortcut is taken: an output edited by hand whose new stat is planted in the stamp is
    // left as it is (a full run would rewrite it).
    writeFileSync(header, 'edited by hand\n');
    const path = stampPath(dir);
    const stamp = JSON.parse(readFileSync(path, 'utf8')) as { outputs: { path: string; stat: string }[] };
    const entry = stamp.outputs.find((o) => o.path === 'packages/c-headers/include/xenabi/stable/sample.h');
    expect(entry).toBeDefined();
    (entry as { stat: string }).stat = statLine(header);
    writeFileSync(path, JSON.stringify(stamp));
    expect(generate()).toBe(none);
    expect(readFileSync(header, 'utf8')).toBe('edited by hand\n');

    // Without the planted stat, the same edit is seen and undone.
    writeFileSync(header, 'edited by hand again\n');
    expect(generate()).toBe(`xenabi: 1 of ${total} generated files written:\n  packages/c-headers/include/xenabi/stable/sample.h\n`);
    expect(readFileSync(header, 'utf8')).toBe(generated);
    expect(generate()).toBe(none);

    // A deleted output is written again.
    rmSync(header);
    expect(generate()).toContain(`xenabi: 1 of ${total} generated files written:`);
    expect(readFileSync(header, 'utf8')).toBe(generated);

    // An edited module: the header grows a field; undone, it is as it was.
    grow(dir);
    expect(generate()).toContain('packages/c-headers/include/xenabi/stable/sample.h');
    expect(readFileSync(header, 'utf8')).toContain('extra');
    expect(generate()).toBe(none);
    git(dir, 'checkout', '-q', '--', MODULE);
    expect(generate()).toContain('packages/c-headers/include/xenabi/stable/sample.h');
    expect(readFileSync(header, 'utf8')).toBe(generated);
    expect(generate()).toBe(none);

    // A package version the outputs print (the crate's Cargo.toml).
    const cargo = join(dir, 'packages/rust-bindings/Cargo.toml');
    writeFileSync(join(dir, 'packages/rust-bindings/package.json'), '{ "version": "7.8.9" }\n');
    expect(generate()).toContain('packages/rust-bindings/Cargo.toml');
    expect(readFileSync(cargo, 'utf8')).toContain('7.8.9');
    expect(generate()).toBe(none);

    // What an interrupted run left behind is dealt with by a full run.
    mkdirSync(join(dir, '.xenabi-staging'));
    expect(generate()).toBe(`xenabi: discarded what an interrupted run had staged (its files were not yet in place)\n${none}`);
    expect(existsSync(join(dir, '.xenabi-staging'))).toBe(false);
    expect(generate()).toBe(none);
  });
});
