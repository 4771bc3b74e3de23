/**
 * Incremental generation for expensive emitters, in the manner of `tsc -b`'s build info.
 * An emitter that declares `cache` gets a committed manifest listing the fingerprint of its
 * inputs (the release view, the history, its own source files and the versions of the tools
 * it prints with) and the SHA-256 of every file it wrote. When the fingerprint matches and
 * every listed file is on disk unchanged, the files are taken from disk instead of being
 * emitted again; anything else — a changed input, an edited or missing output — reruns the
 * emitter. `--force` bypasses the manifest.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Emitter, EmitterCache } from '../emit/emitter.js';
import type { RenderedFile } from '../output/pipeline.js';

export const MANIFEST_FORMAT = 'xenabi-manifest/1';

interface Manifest {
  format: typeof MANIFEST_FORMAT;
  emitter: string;
  inputs: string;
  outputs: Record<string, string>;
}

const require = createRequire(import.meta.url);

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The fingerprint of everything an emitter's output depends on. */
export function fingerprint(emitter: Emitter & { cache: EmitterCache }, inputsJson: string): string {
  const hash = createHash('sha256');
  hash.update(`${emitter.id}\n`).update(inputsJson);
  const sourceDir = fileURLToPath(emitter.cache.sourceDir);
  // Paths relative to the emitter's folder: the fingerprint must not depend on where the checkout is.
  for (const file of sourceFiles(sourceDir)) hash.update(relative(sourceDir, file).split(sep).join('/')).update(readFileSync(file));
  for (const dependency of emitter.cache.dependencies) hash.update(`${dependency}@${packageVersion(dependency)}\n`);
  return hash.digest('hex');
}

/** The digest of every file under an emitter's source folder, by path relative to it (not to the checkout). */
export function sourceDigest(sourceDir: string): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles(sourceDir)) hash.update(relative(sourceDir, file).split(sep).join('/')).update(readFileSync(file));
  return hash.digest('hex');
}

/** The files of the last run, when the manifest says they are still what this run would write. */
export function cachedOutputs(root: string, emitter: Emitter & { cache: EmitterCache }, inputs: string): RenderedFile[] | undefined {
  const manifest = readManifest(join(root, emitter.cache.manifest));
  if (!manifest || manifest.emitter !== emitter.id || manifest.inputs !== inputs) return undefined;
  const files: RenderedFile[] = [];
  for (const [path, digest] of Object.entries(manifest.outputs)) {
    const full = join(root, path);
    if (!existsSync(full)) return undefined;
    const content = readFileSync(full, 'utf8');
    if (sha256(content) !== digest) return undefined;
    files.push({ path, content });
  }
  return files;
}

/** The manifest to write beside a fresh run's files. */
export function manifestFile(emitter: Emitter & { cache: EmitterCache }, inputs: string, files: readonly RenderedFile[]): RenderedFile {
  const outputs = Object.fromEntries([...files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => [f.path, sha256(f.content)]));
  const manifest: Manifest = { format: MANIFEST_FORMAT, emitter: emitter.id, inputs, outputs };
  return { path: emitter.cache.manifest, content: `${JSON.stringify(manifest, null, 2)}\n` };
}

function readManifest(path: string): Manifest | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    return parsed.format === MANIFEST_FORMAT ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Every file under a directory, sorted, so the fingerprint does not depend on readdir order. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sourceFiles(path) : [path];
    });
}

function packageVersion(name: string): string {
  const manifest = require.resolve(`${name}/package.json`);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
