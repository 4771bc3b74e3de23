// `xenabi check --against REF` in real temporary git repositories: the base is read from
// git without touching the working tree, removed items point into the base, and a revision
// missing from a shallow clone gets an error that says how to fetch it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { edit, freshRepo, run } from './helpers.js';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=xenabi test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function repoWithHistory(): Promise<string> {
  const root = await freshRepo();
  git(root, 'init', '--quiet');
  git(root, 'add', '.');
  git(root, 'commit', '--quiet', '-m', 'base');
  return root;
}

describe('xenabi check --against', () => {
  let root: string;
  beforeAll(async () => {
    root = await repoWithHistory();
  });

  it('compares the working tree with a revision and leaves the tree untouched', async () => {
    const clean = await run(['check', '--against', 'HEAD'], root);
    expect(clean.err).toBe('');
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/^xenabi check: git HEAD \([0-9a-f]{12}\) \(Xen 4\.22\) → abi\/ \(working tree\)/);
    edit(root, 'abi/stable/sample.ts', "field('type', u32)", "field('type', i32)");
    edit(root, 'abi/stable/sample.ts', 'uint64_aligned_t } from', 'uint64_aligned_t, i32 } from');
    const status = git(root, 'status', '--porcelain');
    const before = readFileSync(join(root, 'abi/stable/sample.ts'), 'utf8');
    const r = await run(['check', '--against', 'HEAD', '--format', 'github'], root);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^::error file=abi\/stable\/sample\.ts,line=\d+,col=\d+,title=FIELD_SIGNEDNESS_CHANGED sample_range\.type::sample_range\.type changed signedness \(uint32_t → int32_t\) \(all architectures; base uint32_t → head int32_t\)$/m);
    expect(git(root, 'status', '--porcelain')).toBe(status);
    expect(readFileSync(join(root, 'abi/stable/sample.ts'), 'utf8')).toBe(before);
  });

  it('points a removed item at its line in the base revision', async () => {
    const repo = await repoWithHistory();
    const baseLine = readFileSync(join(repo, 'abi/stable/sample.ts'), 'utf8').split('\n').findIndex((l) => l.includes("export const SAMPLE_MAX = constant('SAMPLE_MAX'")) + 1;
    edit(repo, 'abi/stable/sample.ts', "export const SAMPLE_MAX = constant('SAMPLE_MAX', 64, { since: '4.17', doc: 'The most ranges.' });\n", '');
    edit(repo, 'abi/stable/sample.ts', ', SAMPLE_F, SAMPLE_MAX]', ', SAMPLE_F]');
    const doc = JSON.parse((await run(['check', '--against', 'HEAD', '--format', 'json'], repo)).out);
    expect(doc.findings).toEqual([expect.objectContaining({ rule: 'CONSTANT_REMOVED', item: 'SAMPLE_MAX', locSide: 'base', loc: expect.objectContaining({ file: 'abi/stable/sample.ts', line: baseLine }) })]);
  });

  it('exits 2 with advice on a revision that does not exist', async () => {
    const r = await run(['check', '--against', 'no-such-branch'], root);
    expect(r.code).toBe(2);
    expect(r.err).toContain('xenabi check: --against no-such-branch: no such revision in this clone.');
    expect(r.err).toContain('git fetch --no-tags --depth=1 origin no-such-branch');
  });

  it('in a shallow clone, says the base was not fetched and how to fetch it', async () => {
    const upstream = await repoWithHistory();
    edit(upstream, 'abi/stable/sample.ts', "doc: 'The most ranges.'", "doc: 'The most ranges at once.'");
    git(upstream, 'commit', '--quiet', '-am', 'second');
    const clone = join(mkdtempSync(join(tmpdir(), 'xenabi-shallow-')), 'clone');
    git(upstream, 'clone', '--quiet', '--depth=1', `file://${upstream}`, clone);
    const r = await run(['check', '--against', 'HEAD~1'], clone);
    expect(r.code).toBe(2);
    expect(r.err).toContain('This is a shallow clone');
    expect(r.err).toContain('fetch-depth: 0');
    const remote = await run(['check', '--against', 'origin/release-4.22'], clone);
    expect(remote.err).toContain('git fetch --no-tags --depth=1 origin release-4.22:refs/remotes/origin/release-4.22');
    // Fetching one commit is enough: only its abi/ tree is read.
    git(clone, 'fetch', '--quiet', '--no-tags', '--depth=1', 'origin', 'main:refs/remotes/origin/main');
    expect((await run(['check', '--against', 'origin/main'], clone)).code).toBe(0);
  });

  it('falls back to the revision\'s committed baseline when its modules no longer evaluate', async () => {
    const repo = await repoWithHistory();
    const good = readFileSync(join(repo, 'abi/stable/sample.ts'), 'utf8');
    edit(repo, 'abi/stable/sample.ts', 'uint64_aligned_t } from', 'uint64_aligned_t, retiredBuilder } from');
    edit(repo, 'abi/stable/sample.ts', "doc: 'The most ranges.'", "doc: retiredBuilder('The most ranges.')");
    git(repo, 'commit', '--quiet', '-am', 'uses a DSL builder this xenabi no longer has');
    writeFileSync(join(repo, 'abi/stable/sample.ts'), good);
    const doc = JSON.parse((await run(['check', '--against', 'HEAD', '--format', 'json'], repo)).out);
    expect(doc.summary.result).toBe('pass');
    expect(doc.base.origin).toBe('git');
    expect(doc.notes.join('\n')).toMatch(/^base: its abi\/ modules do not load with this xenabi \(.*retiredBuilder.*\); its committed baseline was used/m);
  });

  it('exits 2 outside a git repository', async () => {
    const plain = await freshRepo();
    const r = await run(['check', '--against', 'HEAD'], plain);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not inside a git repository');
  });
});
