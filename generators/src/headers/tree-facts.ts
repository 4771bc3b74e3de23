/**
 * A whole tree's facts on every architecture, each architecture compiled side by side, and
 * kept in a cache keyed by the content of the tree's headers, the compiler and this
 * extractor: a tree already seen (the base of a check, a release tag) costs a file read.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARCHES } from '../model/arch.js';
import type { Arch } from '../model/types.js';
import { clangVersion } from './clang.js';
import { extractArch } from './extract.js';
import type { TreeFacts } from './facts.js';
import { probeMacros, readHeaders, type HeaderFile } from './roots.js';
import { includeRoot, type HeaderTree } from './tree.js';

/**
 * What the extractor is: its format and the text of its own modules (this folder), so a
 * changed extractor never reads an old cache entry.
 */
export function extractorFingerprint(): string {
  if (fingerprint) return fingerprint;
  const dir = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256').update('xenabi-header-facts/1\n');
  for (const name of readdirSync(dir).filter((n) => /\.(?:ts|js)$/.test(n) && !n.endsWith('.d.ts')).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}

let fingerprint: string | undefined;

export interface ExtractOptions {
  arches?: readonly Arch[];
  /** The cache folder; `false` for none. Default: `XENABI_CACHE_DIR`, else ~/.cache/xenabi/header-facts. */
  cache?: string | false;
}

/** The default cache folder. */
export function defaultCacheDir(): string {
  return process.env.XENABI_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'xenabi', 'header-facts');
}

/** The cache key of a tree's headers on some architectures. */
export function factsKey(files: readonly HeaderFile[], arches: readonly Arch[]): string {
  const hash = createHash('sha256').update(`${extractorFingerprint()}\n${clangVersion()}\n${arches.join(',')}\n`);
  for (const f of files) hash.update(`${f.path}\n${f.text.length}\n`).update(f.text);
  return hash.digest('hex');
}

/** The facts of a tree, from the cache or from the compiler. */
export async function treeFacts(tree: HeaderTree, options: ExtractOptions = {}): Promise<{ facts: TreeFacts; cached: boolean }> {
  const arches = options.arches ?? ARCHES;
  const files = readHeaders(tree.publicDir);
  const cacheDir = options.cache === undefined ? defaultCacheDir() : options.cache;
  const file = cacheDir ? join(cacheDir, `${factsKey(files, arches)}.json`) : undefined;
  if (file && existsSync(file)) {
    try {
      return { facts: JSON.parse(readFileSync(file, 'utf8')) as TreeFacts, cached: true };
    } catch {
      // A damaged entry is recomputed and rewritten.
    }
  }
  const root = includeRoot(tree);
  let facts: TreeFacts;
  try {
    const probe = probeMacros(files);
    // Every architecture asked for at once: clang runs a few at a time (runClang), in this order.
    facts = { format: 'xenabi-header-facts/1', arches: await Promise.all(arches.map((arch) => extractArch(files, arch, root.dir, probe))) };
  } finally {
    root.dispose();
  }
  if (file && cacheDir) {
    mkdirSync(cacheDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(facts));
    renameSync(temp, file);
  }
  return { facts, cached: false };
}
