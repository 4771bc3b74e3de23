/**
 * The loaded model of the last run, reused while nothing it came from changed: evaluating
 * `abi/` and running the validation passes cost a cold `export` or `check` more than
 * everything else it does. Two kinds of entry, each an exact match or a miss:
 *
 * - by content: the model of an `abi/` directory, keyed like its bundle (`bundle-cache.ts`:
 *   the build recipe, every file the bundle was built from, their folders' names);
 * - by git tree: the model of `abi/` at a revision (`check --against`), keyed by the id of
 *   that tree, which names its content.
 *
 * Both are keyed by this xenabi's build id too (`build-id.ts`), and only a bundled xenabi has
 * one (and the tests, running the sources, one of their own: `MODEL_CACHE_ID`): an entry is
 * read only by the build that wrote it. Entries live in
 * `node_modules/.cache/xenabi/` beside the bundles, written with V8's serializer (the model is
 * plain data; the copy is exact, `undefined` members included). Anything unreadable is a miss;
 * a failure to write is ignored. Only loads that succeeded are stored.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { BUILD_ID, MODEL_CACHE_ID } from '../build-id.js';
import { digest } from './bundle-cache.js';
import { bundleRecipe } from './build.js';
import { listModuleFiles } from './module-files.js';

const FORMAT = 'xenabi-model-cache/1';

interface Entry<T> {
  format: typeof FORMAT;
  build: string;
  /** What the entry is keyed by: the digest of its inputs, or a git tree id. */
  key: string;
  inputs?: string[];
  value: T;
}

/** One cache entry's place and key; `read` and `write` do nothing when there is no cache. */
export interface ModelCache<T> {
  read(): T | undefined;
  /** What `read` gives, with the inputs it is keyed by (content-keyed entries only). */
  readWithInputs(): { value: T; inputs?: string[] } | undefined;
  /** Stores `value`, loaded from `inputs` (absolute paths; needed for content-keyed entries). */
  write(value: T, inputs?: readonly string[]): void;
  /** The inputs of the current entry (content-keyed entries only): what a value derived from it is keyed by. */
  inputs(): string[] | undefined;
}

const NONE: ModelCache<never> = { read: () => undefined, readWithInputs: () => undefined, write: () => undefined, inputs: () => undefined };

function cacheFile(repoRoot: string, name: string, build: string | undefined): string | undefined {
  if (!build || !existsSync(join(repoRoot, 'node_modules'))) return undefined;
  // The tests' entries (from the sources) sit apart, so that a test run and the CLI do not
  // overwrite each other's.
  return join(repoRoot, 'node_modules', '.cache', 'xenabi', build === BUILD_ID ? '' : 'other-builds', name);
}

/**
 * The content-keyed entry of the model of `abiDir`; `kind` tells loads of different
 * strictness apart; `build` is this xenabi's (none: no cache).
 */
export function modelCacheByContent<T>(repoRoot: string, abiDir: string, kind: string, build = MODEL_CACHE_ID): ModelCache<T> {
  const path = cacheFile(repoRoot, `abi-model-${kind}-${hash(`${repoRoot}\n${abiDir}`).slice(0, 16)}.bin`, build);
  if (path === undefined) return NONE;
  const recipe = contentRecipe(repoRoot, abiDir);
  const current = (e: Entry<T>) => e.inputs !== undefined && e.key === digest(recipe, e.inputs);
  return {
    read: () => readEntry<T>(path, build, current)?.value,
    readWithInputs: () => {
      const entry = readEntry<T>(path, build, current);
      return entry && { value: entry.value, inputs: entry.inputs };
    },
    inputs: () => readEntry<T>(path, build, current)?.inputs,
    write: (value, inputs) => {
      if (!inputs) return;
      const sorted = [...inputs].sort();
      writeEntry(path, { build, key: digest(recipe, sorted), inputs: sorted, value });
    },
  };
}

/** What a content-keyed entry of `abiDir` is keyed by besides its inputs. */
function contentRecipe(repoRoot: string, abiDir: string): { options: string } {
  // The model's locations are relative to the repository root: it is part of the key.
  const bundle = bundleRecipe(
    listModuleFiles(abiDir).map((f) => f.file),
    abiDir,
  );
  return { options: `${bundle.options}\nroot ${repoRoot}` };
}

/**
 * The key a content-keyed entry of `abiDir` loaded from `inputs` has now: the digest of the
 * recipe and of every input's content. Equal keys, equal models.
 */
export function contentKey(repoRoot: string, abiDir: string, inputs: readonly string[]): string {
  return digest(contentRecipe(repoRoot, abiDir), [...inputs].sort());
}

/** The entry of the model of the git tree `tree` (an object id) of `abi/`; `kind` and `build` as above. */
export function modelCacheByTree<T>(repoRoot: string, tree: string, kind: string, build = MODEL_CACHE_ID): ModelCache<T> {
  const path = /^[0-9a-f]{40,64}$/.test(tree) ? cacheFile(repoRoot, `abi-model-${kind}-tree-${tree}.bin`, build) : undefined;
  if (path === undefined) return NONE;
  const read = () => readEntry<T>(path, build, (e) => e.key === tree)?.value;
  return { read, readWithInputs: () => { const value = read(); return value === undefined ? undefined : { value }; }, write: (value) => writeEntry(path, { build, key: tree, value }), inputs: () => undefined };
}

/**
 * An entry of something derived from models, under `name` (file-name characters only), read
 * only while its key is exactly `key` (which must name everything the value is a function of);
 * `inputs` as for content-keyed entries, stored beside it for whoever computes the next key.
 */
export function derivedCache<T>(repoRoot: string, name: string, key: string, build = MODEL_CACHE_ID): ModelCache<T> {
  const path = /^[0-9A-Za-z._-]+$/.test(name) ? cacheFile(repoRoot, `abi-model-${name}.bin`, build) : undefined;
  if (path === undefined) return NONE;
  const read = () => readEntry<T>(path, build, (e) => e.key === key);
  return {
    read: () => read()?.value,
    readWithInputs: () => {
      const entry = read();
      return entry && { value: entry.value, inputs: entry.inputs };
    },
    inputs: () => read()?.inputs,
    write: (value, inputs) => writeEntry(path, { build, key, ...(inputs ? { inputs: [...inputs].sort() } : {}), value }),
  };
}

/** The inputs stored in the entry `name` of `derivedCache`, whatever its key: what the next key is computed from. */
export function derivedInputs(repoRoot: string, name: string, build = MODEL_CACHE_ID): string[] | undefined {
  const path = /^[0-9A-Za-z._-]+$/.test(name) ? cacheFile(repoRoot, `abi-model-${name}.bin`, build) : undefined;
  return path === undefined ? undefined : readEntry<unknown>(path, build, () => true)?.inputs;
}

function readEntry<T>(path: string, build: string | undefined, matches: (entry: Entry<T>) => boolean): Entry<T> | undefined {
  try {
    const entry = deserialize(readFileSync(path)) as Entry<T>;
    return entry.format === FORMAT && entry.build === build && matches(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

function writeEntry<T>(path: string, fields: { build: string | undefined; key: string; inputs?: string[]; value: T }): void {
  try {
    const entry = { format: FORMAT, ...fields } as Entry<T>;
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, serialize(entry));
    renameSync(temp, path);
  } catch {
    // A read-only or vanished cache directory only costs the next run a load.
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
