/**
 * `--against <ref>`: the `abi/` tree of a git revision, copied out of the object store into
 * a temporary directory (the working tree is never touched). A revision missing from a
 * shallow clone — the usual state of a CI checkout — gets an error that says how to fetch it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

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

/** How the side of `--against REF` is named: `git HEAD (1a2b3c4d5e6f)`. */
export function gitSideLabel(ref: string, commit: string): string {
  return `git ${ref} (${commit.slice(0, 12)})`;
}

/**
 * The commit `ref` names and the id of its `abi/` tree (undefined when it has none), or the
 * GitRefError that says why the revision cannot be read. The tree id names the content of
 * `abi/` at the revision, which is what the model cache keys by (`load/model-cache.ts`).
 */
export function resolveRef(root: string, ref: string): { commit: string; tree?: string } {
  // The usual case in one git process (each costs a cold check about 10 ms, more on a busy
  // machine); anything unexpected takes the steps below, which say what is wrong.
  if (!ref.startsWith('-') && ref.trim() !== '') {
    const lines = gitOk(root, ['rev-parse', '--is-inside-work-tree', `${ref}^{commit}`, `${ref}^{commit}:abi`])?.split('\n');
    if (lines?.length === 3 && lines[0] === 'true' && lines.slice(1).every((l) => /^[0-9a-f]{40,64}$/.test(l))) return { commit: lines[1]!, tree: lines[2]! };
  }
  if (gitOk(root, ['rev-parse', '--is-inside-work-tree']) !== 'true') {
    throw new GitRefError(`--against ${ref}: ${root} is not inside a git repository; use --base with an export JSON or an abi/ directory instead`);
  }
  if (ref.startsWith('-') || ref.trim() === '') throw new GitRefError(`--against ${ref}: not a revision name`);
  const commit = gitOk(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (!commit) throw new GitRefError(missingRefMessage(root, ref));
  return { commit, tree: gitOk(root, ['rev-parse', '--verify', '--quiet', `${commit}:abi`]) || undefined };
}

/** Copies `abi/` (relative to `root`) at `ref` into a temporary directory. */
export function abiAtRef(root: string, ref: string, resolved: { commit: string } = resolveRef(root, ref)): RefTree {
  const { commit } = resolved;
  const listing = git(root, ['ls-tree', '-r', '-z', commit, '--', 'abi']);
  const entries = listing.split('\0').filter(Boolean).map(parseEntry).filter((e) => e.type === 'blob' && e.mode !== '120000');
  if (!entries.some((e) => /^abi\/(stable|unstable|linux)\/[^/]+\.ts$/.test(e.path))) {
    throw new GitRefError(`--against ${ref}: the revision ${commit.slice(0, 12)} has no ABI modules under abi/stable/, abi/unstable/ or abi/linux/`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'xenabi-against-'));
  try {
    const blobs = readBlobs(root, entries.map((e) => e.object));
    entries.forEach((e, i) => {
      const target = join(dir, e.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, blobs[i]!);
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { root: dir, commit, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The content of each blob, in order, from one `git cat-file --batch` (a process per file cost a cold check more than the check). */
/**
 * True when `abi/` in the working tree is, byte for byte, `abi/` at the revision: the same
 * regular files with the same content (compared by their git object ids, computed here from
 * the bytes on disk, so no line-ending or other filter can make a difference pass), and
 * nothing else: no other file, no link. A check of a tree against a revision whose `abi/` it
 * did not change then loads it once for both sides. Any doubt is false.
 */
export function workingTreeIsRevision(root: string, commit: string): boolean {
  try {
    const listing = git(root, ['ls-tree', '-r', '-z', commit, '--', 'abi']);
    const entries = listing.split('\0').filter(Boolean).map(parseEntry);
    if (!entries.length || entries.some((e) => e.type !== 'blob' || (e.mode !== '100644' && e.mode !== '100755'))) return false;
    const files = regularFiles(join(root, 'abi'));
    if (!files || files.length !== entries.length) return false;
    const onDisk = new Set(files.map((f) => relative(root, f).split('\\').join('/')));
    return entries.every((e) => onDisk.has(e.path) && blobId(readFileSync(join(root, e.path)), e.object.length) === e.object);
  } catch {
    return false;
  }
}

/** Every file under `dir`; undefined when anything there is not a regular file or a folder. */
function regularFiles(dir: string): string[] | undefined {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = regularFiles(path);
      if (!inner) return undefined;
      out.push(...inner);
    } else if (entry.isFile() && lstatSync(path).isFile()) out.push(path);
    else return undefined;
  }
  return out;
}

/** The git object id of a blob of `bytes`: SHA-1 for 40-digit ids, SHA-256 for 64. */
function blobId(bytes: Buffer, digits: number): string {
  return createHash(digits === 64 ? 'sha256' : 'sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function readBlobs(root: string, objects: readonly string[]): Buffer[] {
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: root, input: `${objects.join('\n')}\n`, maxBuffer: 256 * 1024 * 1024 });
  const blobs: Buffer[] = [];
  let at = 0;
  for (const object of objects) {
    const eol = out.indexOf(0x0a, at);
    const [id, type, size] = out.subarray(at, eol).toString('utf8').split(' ');
    if (id !== object || type !== 'blob' || size === undefined) throw new Error(`git cat-file --batch: expected blob ${object}, got: ${out.subarray(at, eol).toString('utf8')}`);
    const start = eol + 1;
    blobs.push(out.subarray(start, start + Number(size)));
    at = start + Number(size) + 1;
  }
  return blobs;
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
