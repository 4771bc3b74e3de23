/**
 * The ABI bundle of the last run, reused while nothing it was built from changed. Bundling
 * starts esbuild's own process and costs a cold `xenabi generate` more than any emitter but
 * the C one; most runs follow an edit that is not to `abi/` or the DSL. Like
 * `generate/cache.ts`, a hit needs an exact match, by content:
 *
 * - the same esbuild (by version), build options, entry (which lists the ABI module files)
 *   and temporary directory (the source map's paths are relative to it);
 * - every file the last build read (ABI modules and what they import, the DSL and its source
 *   maps), unchanged;
 * - the directories those files are in listing the same names, so that an added file that
 *   would now be resolved instead is noticed.
 *
 * The cache lives in `node_modules/.cache/xenabi/` of the repository, one file per `abi/`
 * directory; without a `node_modules` there, nothing is cached. Anything unreadable is a miss.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const FORMAT = 'xenabi-abi-bundle/2';

/** What a build is keyed by besides its inputs: everything that shapes esbuild's output. */
export interface BundleRecipe {
  /** The build options, as JSON (entry and output directory included). */
  options: string;
}

interface Entry {
  format: typeof FORMAT;
  /** The files the build read, absolute. */
  inputs: string[];
  digest: string;
  code: string;
  /** The bundle's source map decoded (`source-map.ts`), so a run that reuses the bundle need not decode it. */
  map?: string;
}

/** A cached bundle: its code, and its decoded source map when it was stored with one. */
export interface CachedBundle {
  code: string;
  map?: string;
}

/** Where the bundle of `abiDir` is cached in `repoRoot`, or undefined when it is not cached. */
export function bundleCachePath(repoRoot: string, abiDir: string): string | undefined {
  const modules = join(repoRoot, 'node_modules');
  if (!existsSync(modules)) return undefined;
  return join(modules, '.cache', 'xenabi', `abi-bundle-${hash(abiDir).slice(0, 16)}.json`);
}

/** The cached bundle, when the files it was built from are all as they were. */
export function cachedBundle(path: string, recipe: BundleRecipe): CachedBundle | undefined {
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as Entry;
    if (entry.format !== FORMAT || entry.digest !== digest(recipe, entry.inputs)) return undefined;
    return typeof entry.map === 'string' ? { code: entry.code, map: entry.map } : { code: entry.code };
  } catch {
    return undefined;
  }
}

/** Caches a bundle built from `inputs` (absolute paths); a failure to write is ignored. */
export function storeBundle(path: string, recipe: BundleRecipe, inputs: readonly string[], code: string, map?: string): void {
  try {
    const sorted = [...inputs].sort();
    const entry: Entry = { format: FORMAT, inputs: sorted, digest: digest(recipe, sorted), code, ...(map !== undefined ? { map } : {}) };
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(entry));
    renameSync(temp, path);
  } catch {
    // A read-only or vanished cache directory only costs the next run a build.
  }
}

/** The digest of a recipe and of the current state of its inputs; throws when an input is gone. */
function digest(recipe: BundleRecipe, inputs: readonly string[]): string {
  const h = createHash('sha256');
  h.update(`${FORMAT}\nesbuild ${esbuildVersion()}\n${recipe.options}\n`);
  for (const dir of [...new Set(inputs.map((i) => dirname(i)))].sort()) h.update(`dir ${dir}\n${readdirSync(dir).sort().join('\n')}\n`);
  for (const input of inputs) {
    h.update(`file ${input}\n`).update(readFileSync(input)).update('\n');
    // esbuild maps through a compiled input's own source map (the DSL's, in dist/).
    if (existsSync(`${input}.map`)) h.update(`map ${input}.map\n`).update(readFileSync(`${input}.map`)).update('\n');
  }
  return h.digest('hex');
}

function esbuildVersion(): string {
  const require = createRequire(import.meta.url);
  return (JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')) as { version: string }).version;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
