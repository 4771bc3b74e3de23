// `check --against REF` loads abi/ once for both sides when the working tree's abi/ is the
// revision's byte for byte; anything else (an edit, a new file, a link, other line endings)
// takes the usual path, reading the revision out of git. Either way the verdict is the same.
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { workingTreeIsRevision } from '../../src/check/side/git.js';
import { freshRepo, run } from './helpers.js';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=xenabi test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const MODULE = 'abi/stable/sample.ts';
let root: string;
const head = () => git(root, 'rev-parse', 'HEAD').trim();

beforeAll(async () => {
  root = await freshRepo();
  git(root, 'init', '--quiet');
  git(root, 'add', '.');
  git(root, 'commit', '--quiet', '-m', 'base');
});

describe("the working tree's abi/ as the revision's", () => {
  it('is recognised only when every file is the same, byte for byte, and there is no other', () => {
    expect(workingTreeIsRevision(root, head())).toBe(true);
    const text = readFileSync(join(root, MODULE), 'utf8');
    writeFileSync(join(root, MODULE), text.replace(/\n/g, '\r\n'));
    expect(workingTreeIsRevision(root, head())).toBe(false);
    writeFileSync(join(root, MODULE), text);
    appendFileSync(join(root, MODULE), ' ');
    expect(workingTreeIsRevision(root, head())).toBe(false);
    writeFileSync(join(root, MODULE), text);
    writeFileSync(join(root, 'abi/stable/extra.ts'), '');
    expect(workingTreeIsRevision(root, head())).toBe(false);
    unlinkSync(join(root, 'abi/stable/extra.ts'));
    symlinkSync('sample.ts', join(root, 'abi/stable/link.ts'));
    expect(workingTreeIsRevision(root, head())).toBe(false);
    unlinkSync(join(root, 'abi/stable/link.ts'));
    expect(workingTreeIsRevision(root, head())).toBe(true);
    expect(workingTreeIsRevision(root, 'not-a-revision')).toBe(false);
  });

  it('gives the verdict the revision read out of git gives', async () => {
    const same = await run(['check', '--against', 'HEAD', '--format', 'json'], root);
    expect(same.code).toBe(0);
    // The same tree read out of git: abi/ touched and put back as it was, in a new commit.
    appendFileSync(join(root, MODULE), ' ');
    git(root, 'commit', '--quiet', '-am', 'touch');
    writeFileSync(join(root, MODULE), readFileSync(join(root, MODULE), 'utf8').slice(0, -1));
    expect(workingTreeIsRevision(root, head())).toBe(false);
    const fromGit = await run(['check', '--against', 'HEAD', '--format', 'json'], root);
    const verdict = (out: string) => {
      const { base, ...rest } = JSON.parse(out) as { base: { label: string } };
      return { ...rest, base: { ...base, label: '' } };
    };
    expect(fromGit.code).toBe(0);
    expect(verdict(fromGit.out)).toEqual(verdict(same.out));
  });
});
