/**
 * What the bundled CLI caches across runs (`load/model-cache.ts`: models, check's laid-out
 * sides, export documents) changes nothing it prints: a run that reads the cache prints what
 * the run that filled it printed, and an edit to a module is seen at once. Spawned as CI runs
 * it, from the bundle `npm run build` makes (only the bundle has a build id, so only it caches).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'xenabi-cached-'));
  cpSync(FIXTURE, root, { recursive: true });
  writeFileSync(join(root, 'package.json'), '{}\n');
  mkdirSync(join(root, 'node_modules'));
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'fixture');
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
