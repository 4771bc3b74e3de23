// Bundles the xenabi CLI (generators/dist, compiled by tsc) into generators/dist/bundle/ with
// esbuild: one file for the dispatcher and what every command needs, and one chunk per
// dynamically imported part (each command, each emitter), so a command loads only its own
// code, from a few files instead of hundreds of ES modules. Packages stay external.
//
// Code that finds files beside itself (`import.meta.url`: templates, the DSL for the ABI
// bundle, package.json) keeps seeing the path of its own compiled module: each module's
// `import.meta.url` is rewritten to that module's URL, relative to the chunk that holds it.
//
// The bundle's build id (the digest of its content, written into it) keys what the CLI
// caches across runs (load/model-cache.ts): a cache entry is only ever read by the exact
// code that wrote it.
//
// Run by `npm run build` after tsc. bin/xenabi.js runs the bundle while it is at least as new
// as dist/.tsbuildinfo, and dist/cli/main.js otherwise (after a plain `tsc -b`).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';

const dist = new URL('../generators/dist/', import.meta.url).pathname;
const out = join(dist, 'bundle');
const BUILD_ID = '__XENABI_BUILD_ID_PLACEHOLDER__';

/** Rewrites `import.meta.url` in a compiled module to its own URL, relative to the output chunk. */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\/generators\/dist\/.*\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      // Every chunk is written to `out`, so a path relative to it holds for any chunk.
      const path = relative(out, args.path);
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(path)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: { main: join(dist, 'cli/main.js') },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outdir: out,
  chunkNames: 'chunk-[hash]',
  write: false,
  plugins: [ownUrl],
  logLevel: 'warning',
  legalComments: 'none',
});
// The id covers the compiled modules too: the DSL in dist/ goes into every ABI bundle.
const digest = createHash('sha256');
for (const file of [...result.outputFiles].sort((a, b) => a.path.localeCompare(b.path))) digest.update(file.path.slice(out.length)).update(file.contents);
for (const file of compiledFiles(dist)) digest.update(relative(dist, file)).update(readFileSync(file));
const id = digest.digest('hex').slice(0, 32);
const staging = `${out}.${process.pid}.tmp`;
rmSync(staging, { recursive: true, force: true });
for (const file of result.outputFiles) {
  const target = join(staging, relative(out, file.path));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.text.replaceAll(BUILD_ID, id));
}
rmSync(out, { recursive: true, force: true });
renameSync(staging, out);

/** Every compiled module under `dir` but the bundle, sorted. */
function compiledFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(js|json)$/.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .filter((f) => !f.startsWith(`${out}/`) && !f.startsWith(`${out}.`))
    .sort();
}
