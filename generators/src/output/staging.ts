/**
 * Writing the generated files so that no kill leaves a tree that is half one run and half
 * another. Every changed file is first written into one staging folder in the output root
 * (`.xenabi-staging/`, on the same file system as the targets, so each move is a rename);
 * then a journal naming them all is written, atomically: the commit point; then each file is
 * renamed into place, and the folder removed.
 *
 * A run killed before the journal leaves only the staging folder, which the next run
 * discards: the tree is the previous run's. A run killed during the renames leaves the
 * journal, from which the next run first finishes them: the tree is the interrupted run's,
 * whole. `generate --check` writes nothing, so it reports such a folder, and the
 * `*.xenabi-tmp-*` files the pipeline used to leave beside their targets, as leftovers.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

export const STAGING_DIR = '.xenabi-staging';
const JOURNAL = 'journal.json';
const OWNER = 'owner';
const FORMAT = 'xenabi-staging/1';
/** What the pipeline wrote beside a target before it staged in one folder. */
const LEGACY_TEMP = /\.xenabi-tmp-\d+$/;

interface Journal {
  format: typeof FORMAT;
  /** Each file: its path relative to the root, and its name in the staging folder. */
  files: { path: string; staged: string }[];
}

/** Another `xenabi generate` is writing into the same root right now. */
export class OutputBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputBusyError';
  }
}

/** What recovering an interrupted run did: nothing, discarded its staging, or finished its renames. */
export type Recovery = { kind: 'none' } | { kind: 'discarded' } | { kind: 'finished'; paths: string[] };

/**
 * Writes `files` (paths relative to `root`) through the staging folder. Call
 * `recoverStaging` first: an interrupted run's folder makes this one refuse.
 */
export function stageAndCommit(root: string, files: readonly { path: string; content: string }[]): void {
  const stage = new Stage(root);
  try {
    for (const f of files) stage.add(f.path, f.content);
  } catch (error) {
    stage.abandon();
    throw error;
  }
  stage.commit();
}

/**
 * The staging folder of one run, filled a file at a time (so that a caller need not hold every
 * file until the end): nothing is in place until `commit`, whose journal is the commit point;
 * `abandon` removes what was staged. The folder is made with the first file: while it exists,
 * another run refuses to write into the same root. Call `recoverStaging` first.
 */
export class Stage {
  private readonly journal: Journal = { format: FORMAT, files: [] };
  private folder: string | undefined;

  constructor(private readonly root: string) {}

  /** Stages `content` for `path` (relative to the root). */
  add(path: string, content: string): void {
    const staging = this.folder ?? this.open();
    const entry = { path, staged: `${String(this.journal.files.length).padStart(6, '0')}.out` };
    writeFileSync(join(staging, entry.staged), content);
    this.journal.files.push(entry);
    if (this.journal.files.length === 1) pauseForTests('stage');
  }

  /** Writes the journal, then renames every staged file into place and removes the folder. */
  commit(): void {
    if (this.folder === undefined) return;
    try {
      writeFileSync(join(this.folder, `${JOURNAL}.tmp`), JSON.stringify(this.journal));
      renameSync(join(this.folder, `${JOURNAL}.tmp`), join(this.folder, JOURNAL));
    } catch (error) {
      this.abandon();
      throw error;
    }
    finish(this.root, this.journal);
    this.folder = undefined;
  }

  /** Removes the staging folder and everything staged in it: nothing was put in place. */
  abandon(): void {
    if (this.folder !== undefined) rmSync(this.folder, { recursive: true, force: true });
    this.folder = undefined;
  }

  private open(): string {
    const staging = join(this.root, STAGING_DIR);
    mkdirSync(this.root, { recursive: true });
    try {
      mkdirSync(staging);
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      throw new OutputBusyError(`another xenabi generate is writing into ${this.root} (${STAGING_DIR} appeared while this one started); wait for it to end`);
    }
    this.folder = staging;
    try {
      writeFileSync(join(staging, OWNER), `${process.pid}\n`);
    } catch (error) {
      this.abandon();
      throw error;
    }
    return staging;
  }
}

/**
 * Finishes or discards what an interrupted run left in `root`'s staging folder, and removes
 * the temporary files older versions left beside `paths`.
 */
export function recoverStaging(root: string, paths: readonly string[] = []): Recovery {
  removeLegacyTemps(root, paths);
  const staging = join(root, STAGING_DIR);
  if (!existsSync(staging)) return { kind: 'none' };
  const owner = Number(readIfExists(join(staging, OWNER)));
  if (owner !== process.pid && isRunningXenabi(owner)) {
    throw new OutputBusyError(`another xenabi generate (pid ${owner}) is writing into ${root}; wait for it to end (if it is not running, remove ${join(root, STAGING_DIR)})`);
  }
  const journal = readJournal(join(staging, JOURNAL));
  if (!journal) {
    rmSync(staging, { recursive: true, force: true });
    return { kind: 'discarded' };
  }
  return { kind: 'finished', paths: finish(root, journal) };
}

/**
 * What an interrupted run left in `root`: its staging folder, and the `*.xenabi-tmp-*` files
 * of older versions in the folders of `paths` (the generated files). Paths relative to `root`.
 */
export function leftovers(root: string, paths: readonly string[]): string[] {
  const found = existsSync(join(root, STAGING_DIR)) ? [`${STAGING_DIR}/`] : [];
  return [...found, ...legacyTemps(root, paths)];
}

/** Renames every staged file still in the staging folder into place, then removes the folder. */
function finish(root: string, journal: Journal): string[] {
  const staging = join(root, STAGING_DIR);
  const moved: string[] = [];
  journal.files.forEach((f, i) => {
    const from = join(staging, f.staged);
    if (!existsSync(from)) return;
    const target = join(root, f.path);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(from, target);
    moved.push(f.path);
    if (i === 0) pauseForTests('rename');
  });
  rmSync(staging, { recursive: true, force: true });
  return moved;
}

function readJournal(path: string): Journal | undefined {
  try {
    const journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
    const safe = (p: unknown) => typeof p === 'string' && p !== '' && !p.startsWith('/') && !posix.normalize(p).startsWith('..');
    return journal.format === FORMAT && Array.isArray(journal.files) && journal.files.every((f) => safe(f.path) && /^\d{6}\.out$/.test(f.staged)) ? journal : undefined;
  } catch {
    return undefined;
  }
}

function legacyTemps(root: string, paths: readonly string[]): string[] {
  const dirs = [...new Set(paths.map((p) => posix.dirname(p)))].sort();
  return dirs.flatMap((dir) => {
    const full = join(root, dir);
    if (!existsSync(full)) return [];
    return readdirSync(full)
      .filter((name) => LEGACY_TEMP.test(name))
      .sort()
      .map((name) => (dir === '.' ? name : `${dir}/${name}`));
  });
}

/** Removes the temporary files older versions left beside `paths` (relative to `root`). */
export function removeLegacyTemps(root: string, paths: readonly string[]): void {
  for (const path of legacyTemps(root, paths)) rmSync(join(root, path), { force: true });
}

/** True when `pid` is a live process running xenabi (where /proc tells; else any live process). */
function isRunningXenabi(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const cmdline = readIfExists(`/proc/${pid}/cmdline`);
  return cmdline === undefined || cmdline.includes('xenabi');
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * For the tests that kill `xenabi generate` mid-write: with `XENABI_TEST_PAUSE=stage` (or
 * `rename`), the run stops after its first write of that phase, says so on stderr, and
 * waits up to a minute to be killed.
 */
function pauseForTests(phase: 'stage' | 'rename'): void {
  if (process.env.XENABI_TEST_PAUSE !== phase) return;
  writeSync(2, `xenabi: paused after the first ${phase} (XENABI_TEST_PAUSE)\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}
