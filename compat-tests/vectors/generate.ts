/**
 * Writes the shared test vectors: `compat-tests/vectors/<arch>/<module>.json` for the model
 * at the newest release, and `packages/rust-bindings/tests/vectors.rs` with one file per module
 * in `packages/rust-bindings/tests/vectors/` from the x86_64 ones.
 *
 *   npm run vectors            write what changed
 *   npm run vectors -- --check list stale files and exit 1 (writes nothing)
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NEWEST_RELEASE } from '../../generators/src/model/releases.js';
import type { AbiModel } from '../../generators/src/model/types.js';
import { normalise, staleFiles, writeChanged, type RenderedFile } from '../../generators/src/output/pipeline.js';
import { atRelease } from '../../generators/src/select/release.js';
import { casesOf, loadHistory, REPO_ROOT } from './catalog.js';
import { RUST_ARCH, RUST_VECTORS_DIR, rustVectorFiles } from './rust-tests.js';
import { buildVectorFiles, renderVectorFile, VECTORS_DIR, vectorPath } from './vectors.js';

/** Every file the generator writes, in memory. */
export function renderVectors(history: AbiModel): RenderedFile[] {
  const files = buildVectorFiles(history);
  const model = atRelease(history, NEWEST_RELEASE);
  const json = files.map((f) => ({ path: vectorPath(f), content: renderVectorFile(f) }));
  const rust = rustVectorFiles(model, casesOf(model, RUST_ARCH, files)).map((f) => ({ path: f.path, content: normalise(f.content) }));
  return [...json, ...rust].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Committed vector files that the generator would no longer write (a module or architecture went away). */
export function orphanFiles(root: string, files: readonly RenderedFile[]): string[] {
  const wanted = new Set(files.map((f) => f.path));
  const dir = join(root, VECTORS_DIR);
  const json = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'build')
    .flatMap((e) => readdirSync(join(dir, e.name)).filter((n) => n.endsWith('.json')).map((n) => `${VECTORS_DIR}/${e.name}/${n}`));
  const rustDir = join(root, RUST_VECTORS_DIR);
  const rust = existsSync(rustDir) ? readdirSync(rustDir).filter((n) => n.endsWith('.rs')).map((n) => `${RUST_VECTORS_DIR}/${n}`) : [];
  return [...json, ...rust].filter((p) => !wanted.has(p));
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const files = renderVectors(await loadHistory());
  const orphans = orphanFiles(REPO_ROOT, files);
  if (check) {
    const stale = [...staleFiles(REPO_ROOT, files), ...orphans];
    for (const path of stale) console.log(`stale: ${path}`);
    if (stale.length) console.log('regenerate with: npm run vectors');
    return stale.length ? 1 : 0;
  }
  const written = writeChanged(REPO_ROOT, files);
  for (const path of orphans) if (existsSync(join(REPO_ROOT, path))) rmSync(join(REPO_ROOT, path));
  console.log(`vectors: ${files.length} files, ${written.length} written${orphans.length ? `, ${orphans.length} removed` : ''}`);
  for (const path of [...written, ...orphans]) console.log(`  ${path}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
