/**
 * `--against <ref>`: the `abi/` tree of a git revision, copied out of the object store into
 * a temporary directory (the working tree is never touched). A revision missing from a
 * shallow clone — the usual state of a CI checkout — gets an error that says how to fetch it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The revision cannot be read: the message says why and what to run. */
export class GitRefError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitRefError';
  }
}

export interface RefTree {
  /** The temporary directory: the repository root as it was at the revision (only `abi/`). */
  root: string;
  /** The full commit id. */
  commit: string;
  /** Removes the temporary directory. */
  cleanup(): void;
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

function gitOk(cwd: string, args: string[]): string | undefined {
  try {
    return git(cwd, args).trim();
  } catch {
    return undefined;
  }
}

/** Copies `abi/` (relative to `root`) at `ref` into a temporary directory. */
export function abiAtRef(root: string, ref: string): RefTree {
  if (gitOk(root, ['rev-parse', '--is-inside-work-tree']) !== 'true') {
    throw new GitRefError(`--against ${ref}: ${root} is not inside a git repository; use --base with an export JSON or an abi/ directory instead`);
  }
  if (ref.startsWith('-') || ref.trim() === '') throw new GitRefError(`--against ${ref}: not a revision name`);
  const commit = gitOk(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (!commit) throw new GitRefError(missingRefMessage(root, ref));
  const listing = git(root, ['ls-tree', '-r', '-z', commit, '--', 'abi']);
  const entries = listing.split('\0').filter(Boolean).map(parseEntry).filter((e) => e.type === 'blob' && e.mode !== '120000');
  if (!entries.some((e) => /^abi\/(stable|unstable|linux)\/[^/]+\.ts$/.test(e.path))) {
    throw new GitRefError(`--against ${ref}: the revision ${commit.slice(0, 12)} has no ABI modules under abi/stable/, abi/unstable/ or abi/linux/`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'xenabi-against-'));
  try {
    for (const e of entries) {
      const target = join(dir, e.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, execFileSync('git', ['cat-file', 'blob', e.object], { cwd: root, maxBuffer: 64 * 1024 * 1024 }));
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { root: dir, commit, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function parseEntry(line: string): { mode: string; type: string; object: string; path: string } {
  const tab = line.indexOf('\t');
  const [mode = '', type = '', object = ''] = line.slice(0, tab).split(' ');
  return { mode, type, object, path: line.slice(tab + 1) };
}

/** Why `ref` is missing and the command that fetches it. */
export function missingRefMessage(root: string, ref: string): string {
  const shallow = gitOk(root, ['rev-parse', '--is-shallow-repository']) === 'true';
  const remotes = (gitOk(root, ['remote']) ?? '').split('\n').filter(Boolean);
  const fetch = fetchCommand(ref, remotes);
  const lines = [`xenabi check: --against ${ref}: no such revision in this clone.`];
  if (shallow) {
    lines.push(
      'This is a shallow clone (CI checkouts fetch one commit by default), so the base revision was most likely never fetched.',
      'Fetch it (one commit is enough: only its abi/ tree is read):',
      `  ${fetch}`,
      'or clone with full history: actions/checkout with `fetch-depth: 0`, or GitLab CI with `GIT_DEPTH: 0`.',
    );
  } else {
    lines.push('Check the name (`git branch -a`, `git tag`), or fetch it:', `  ${fetch}`);
  }
  return lines.join('\n');
}

function fetchCommand(ref: string, remotes: string[]): string {
  const slash = ref.indexOf('/');
  const remote = slash > 0 ? ref.slice(0, slash) : '';
  if (remote && remotes.includes(remote)) {
    const branch = ref.slice(slash + 1);
    return `git fetch --no-tags --depth=1 ${remote} ${branch}:refs/remotes/${remote}/${branch}`;
  }
  const origin = remotes.includes('origin') ? 'origin' : (remotes[0] ?? 'origin');
  if (/^[0-9a-f]{7,40}$/i.test(ref)) return `git fetch --no-tags --depth=1 ${origin} ${ref}`;
  return `git fetch --no-tags --depth=1 ${origin} ${ref}:refs/remotes/${origin}/${ref}   # then use --against ${origin}/${ref}`;
}
