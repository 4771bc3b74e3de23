/**
 * Xen's public headers at a git revision of a Xen repository (a checkout or a bare clone),
 * copied out with `git archive` into a temporary directory. The repository is only read.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeaderTreeError, makefileRelease, type HeaderTree } from './tree.js';

/** Where a Xen repository keeps its public headers. */
export const PUBLIC_PATH = 'xen/include/public';

export interface HeadersAtRef {
  tree: HeaderTree;
  /** The full commit id. */
  commit: string;
  /** Git's id of the header folder at that commit: the same id means the same headers. */
  treeId: string;
  /** `XEN_VERSION.XEN_SUBVERSION` of the commit's xen/Makefile, when it has one. */
  release?: string;
  dispose(): void;
}

function git(repo: string, args: string[]): Buffer {
  return execFileSync('git', ['-C', repo, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** The commit `ref` names in `repo`; throws HeaderTreeError when there is none. */
export function resolveCommit(repo: string, ref: string): string {
  if (ref.startsWith('-') || ref.trim() === '') throw new HeaderTreeError(`${ref}: not a revision name`);
  try {
    return git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).toString().trim();
  } catch {
    throw new HeaderTreeError(`${repo}: no revision ${ref} (fetch it first, e.g. git fetch origin ${ref})`);
  }
}

/** Copies `xen/include/public` at `ref` out of the repository at `repo`. */
export function headersAtRef(repo: string, ref: string): HeadersAtRef {
  const commit = resolveCommit(repo, ref);
  let treeId: string;
  try {
    treeId = git(repo, ['rev-parse', `${commit}:${PUBLIC_PATH}`]).toString().trim();
  } catch {
    throw new HeaderTreeError(`${repo}: ${ref} has no ${PUBLIC_PATH}; is this a Xen repository?`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'xenabi-xen-'));
  try {
    const archive = git(repo, ['archive', '--format=tar', commit, PUBLIC_PATH]);
    execFileSync('tar', ['-x', '-C', dir], { input: archive, stdio: ['pipe', 'ignore', 'pipe'] });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new HeaderTreeError(`${repo}: cannot copy ${PUBLIC_PATH} at ${ref}: ${(error as Error).message}`);
  }
  const release = gitMakefileRelease(repo, commit);
  return {
    tree: { publicDir: join(dir, PUBLIC_PATH), label: `${ref} (${commit.slice(0, 12)})` },
    commit,
    treeId,
    ...(release ? { release } : {}),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function gitMakefileRelease(repo: string, commit: string): string | undefined {
  try {
    return makefileRelease(git(repo, ['show', `${commit}:xen/Makefile`]).toString());
  } catch {
    return undefined;
  }
}
