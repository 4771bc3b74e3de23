/**
 * The shortcut of a plain `xenabi generate` when nothing changed since the last run, in the
 * manner of make's timestamps and git's index: the run that wrote (or confirmed) every output
 * leaves a stamp naming what the outputs were generated from and the `stat` of every output as
 * it left it. The next run hashes the same inputs and stats the outputs; when every one is as
 * recorded, the tree on disk is exactly what a full run would write, so it writes nothing and
 * loads neither the model nor an emitter.
 *
 * What the key covers: this xenabi's build (`build-id.ts`: every compiled module, so the
 * emitters and the release they describe), the content of every file the model is loaded from
 * and the names of the module files (`contentKey`, as the model cache), the package versions
 * the outputs print, the emitters' sources read at run time (templates, runtimes) and the
 * version of Handlebars that renders them. An output is trusted only while its size,
 * modification and change times (in nanoseconds) and inode are those recorded, and a change
 * time cannot be set back: any write, rename or `touch` misses. A stat is recorded only for
 * content read back after it was taken and found equal to what the run rendered, so an edit
 * made while the run wrote cannot be recorded as generated.
 *
 * Only the bundled CLI has a build id, and only it keeps a stamp (in
 * `node_modules/.cache/xenabi/`); anything unreadable or different is a miss, which runs
 * `generate` in full and writes a new stamp; a failure to write one is ignored. `--force`,
 * `--check`, `--typecheck` and `--xen-version` never take the shortcut.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_ID } from '../build-id.js';
import { contentKey } from '../load/model-cache.js';
import { NEWEST_RELEASE } from '../model/releases.js';
import { leftovers } from '../output/staging.js';
import { readPackageVersions } from '../release/versions.js';
import { sha256, sourceDigest } from './cache.js';

const FORMAT = 'xenabi-generate-stamp/1';

/** The emitters' sources that they read at run time (templates, the runtimes they copy). */
const EMIT_SOURCES = new URL('../emit/', import.meta.url.replace('/dist/', '/src/'));

interface Stamp {
  format: typeof FORMAT;
  build: string;
  key: string;
  /** The files the model was loaded from (absolute): what the next key is computed from. */
  inputs: string[];
  /** Every output, relative to the root, with its stat as the run left it. */
  outputs: { path: string; stat: string }[];
}

/** Where the stamp of `root` lives; undefined when nothing is cached (no build id, no node_modules). */
function stampFile(root: string, build: string | undefined): string | undefined {
  if (build === undefined || !existsSync(join(root, 'node_modules'))) return undefined;
  return join(root, 'node_modules', '.cache', 'xenabi', `generate-stamp-${createHash('sha256').update(resolve(root)).digest('hex').slice(0, 16)}.json`);
}

/** What the outputs of `generate` in `root` are a function of, for a model loaded from `inputs`. */
export function stampKey(root: string, inputs: readonly string[], build: string): string {
  const require = createRequire(import.meta.url);
  const handlebars = (JSON.parse(readFileSync(require.resolve('handlebars/package.json'), 'utf8')) as { version: string }).version;
  const emit = fileURLToPath(EMIT_SOURCES);
  return createHash('sha256')
    .update(`${FORMAT}\n${build}\n${resolve(root)}\n${NEWEST_RELEASE}\n`)
    .update(`model ${contentKey(root, join(root, 'abi'), inputs)}\n`)
    .update(`versions ${JSON.stringify(readPackageVersions(root))}\n`)
    .update(`emit ${existsSync(emit) ? sourceDigest(emit) : 'none'}\n`)
    .update(`handlebars ${handlebars}\n`)
    .digest('hex');
}

/** What the stamp compares of an output: size, times to the nanosecond, inode and device. */
function statLine(stat: BigIntStats): string {
  return `${stat.size} ${stat.mtimeNs} ${stat.ctimeNs} ${stat.ino} ${stat.dev}`;
}

function statOf(path: string): string | undefined {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stat?.isFile() ? statLine(stat) : undefined;
}

/**
 * The number of outputs when the stamp of `root` says that every one is what `generate` would
 * write now (and no interrupted run left anything behind); undefined otherwise.
 */
export function upToDate(root: string, build = BUILD_ID): number | undefined {
  const path = stampFile(root, build);
  if (path === undefined || build === undefined) return undefined;
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(path, 'utf8')) as Stamp;
    if (stamp.format !== FORMAT || stamp.build !== build || !Array.isArray(stamp.inputs) || !Array.isArray(stamp.outputs)) return undefined;
    if (!stamp.outputs.every((o) => statOf(join(root, o.path)) === o.stat)) return undefined;
    if (leftovers(root, stamp.outputs.map((o) => o.path)).length > 0) return undefined;
    return stamp.key === stampKey(root, stamp.inputs, build) ? stamp.outputs.length : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stats every output before its content is compared with what the run rendered (`staleFiles`
 * with a recorder): the stat of a file found equal is one taken before the read that found it so.
 */
export class StampRecorder {
  private readonly stats = new Map<string, string>();

  constructor(
    private readonly root: string,
    /** The key computed when the run loaded its model: the stamp is written only if it still holds. */
    private readonly key: string,
    private readonly inputs: readonly string[],
    private readonly build: string,
  ) {}

  /** Before reading `path` to compare it. */
  before(path: string): string | undefined {
    return statOf(join(this.root, path));
  }

  /** `path` was found equal to the rendered content after `stat` was taken. */
  equal(path: string, stat: string | undefined): void {
    if (stat !== undefined) this.stats.set(path, stat);
  }

  /**
   * Writes the stamp once the run put in place `written` (each path with the SHA-256 of what it
   * wrote there: stat, then read back and compared); nothing when any of `paths` cannot be
   * vouched for, or when what the outputs depend on changed while the run went.
   */
  finish(paths: readonly string[], written: ReadonlyMap<string, string>): void {
    const file = stampFile(this.root, this.build);
    if (file === undefined) return;
    try {
      for (const [path, digest] of written) {
        const stat = statOf(join(this.root, path));
        if (stat !== undefined && sha256(readFileSync(join(this.root, path), 'utf8')) === digest) this.stats.set(path, stat);
      }
      if (!paths.every((p) => this.stats.has(p))) return;
      if (stampKey(this.root, this.inputs, this.build) !== this.key) return;
      const stamp: Stamp = { format: FORMAT, build: this.build, key: this.key, inputs: [...this.inputs].sort(), outputs: paths.map((p) => ({ path: p, stat: this.stats.get(p) as string })) };
      mkdirSync(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(stamp));
      renameSync(temp, file);
    } catch {
      // A read-only or vanished cache directory only costs the next run the full path.
    }
  }
}

/** A recorder for a run in `root` whose model was loaded from `inputs`; undefined when no stamp is kept. */
export function stampRecorder(root: string, inputs: readonly string[] | undefined, build = BUILD_ID): StampRecorder | undefined {
  if (build === undefined || inputs === undefined || stampFile(root, build) === undefined) return undefined;
  return new StampRecorder(root, stampKey(root, inputs, build), inputs, build);
}
