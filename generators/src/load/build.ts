/**
 * Bundling the ABI: esbuild turns the TypeScript modules under `abi/` (with the DSL) into one
 * classic script with an inline source map, which `sandbox.ts` evaluates. A script, not an
 * ES module, because a script runs to its end synchronously, so a time limit can stop it:
 * top-level `await` is refused here, with the line that awaits, since nothing an ABI module
 * declares can depend on waiting and a promise that never settles would end the process
 * without an answer. Imports that go round in a circle are refused too: while one module of
 * the circle evaluates, the items it imports from the other are still undefined.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Message, Metafile } from 'esbuild';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { cachedBundle, storeBundle, type BundleRecipe } from './bundle-cache.js';
import { BUNDLE_FILE, EXPORTS_KEY } from './bundle-names.js';
import { BundleMap } from './source-map.js';


/**
 * The script that evaluates `files` (absolute paths) in order and leaves their default exports
 * under `EXPORTS_KEY`. Each file is taken with `require`, so that esbuild puts each module's
 * code in a function of its own (its lazy `__esm` initialiser, run when first required, its
 * imports first: the order a plain `import` of each file would give). That costs nothing at run
 * time and matters for the DSL: a DSL call reads its caller's line from V8's call sites
 * (`dsl/location.ts`), and V8 finds a frame's position by walking the source-position table of
 * the function the frame is in from its start. With every module's top level in the one
 * function of the bundle, each call walked a table the size of the whole registry, and
 * evaluating `abi/` grew with the square of its size (about 0.9 s of a cold check at 650 records).
 */
export function entrySource(files: readonly string[]): string {
  const defaults = files.map((file) => `require(${JSON.stringify(file)}).default`).join(',\n');
  return `globalThis[Symbol.for(${JSON.stringify(EXPORTS_KEY)})] = [\n${defaults}];\n`;
}

function dslEntry(): string {
  const compiled = fileURLToPath(new URL('../dsl/index.js', import.meta.url));
  return existsSync(compiled) ? compiled : compiled.replace(/\.js$/, '.ts');
}

/** esbuild's options for the bundle of `files` (absolute paths) under `abiDir`. */
function bundleOptions(files: readonly string[], abiDir: string) {
  return {
    stdin: { contents: entrySource(files), resolveDir: abiDir, sourcefile: 'xenabi-abi-entry.ts', loader: 'ts' as const },
    bundle: true,
    write: false,
    format: 'iife' as const,
    platform: 'neutral' as const,
    target: 'es2022',
    outfile: join(abiDir, BUNDLE_FILE),
    // esbuild reports error locations relative to this; buildDiagnostic resolves them against abiDir.
    absWorkingDir: abiDir,
    sourcemap: 'inline' as const,
    sourcesContent: false,
    logLevel: 'silent' as const,
    alias: { 'xenabi/dsl': dslEntry() },
  };
}

/** What the bundle of `files` under `abiDir` is keyed by besides its inputs (`bundle-cache.ts`). */
export function bundleRecipe(files: readonly string[], abiDir: string): BundleRecipe {
  return { options: JSON.stringify(bundleOptions(files, abiDir)) };
}

/**
 * The ABI as one script: from the cache (`bundle-cache.ts`) when it is current, else from
 * esbuild (imported only then), cached for the next run. Diagnostics when it does not build.
 * `inputs`: the files it was built from, when known (absolute).
 */
export async function buildBundle(
  files: readonly string[],
  abiDir: string,
  repoRoot: string,
  cachePath: string | undefined,
): Promise<{ text: string; map: BundleMap; inputs?: string[] } | { diagnostics: Diagnostic[] }> {
  const options = bundleOptions(files, abiDir);
  const recipe = bundleRecipe(files, abiDir);
  const cached = cachePath ? cachedBundle(cachePath, recipe) : undefined;
  if (cached !== undefined) return { text: cached.code, map: new BundleMap(cached.code, abiDir, cached.map), inputs: cached.inputs };
  const { build } = await import('esbuild');
  const result = await build({ ...options, metafile: true }).catch((error: { errors?: Message[] }) => ({ errors: error.errors ?? [], outputFiles: [], metafile: undefined }));
  if (result.errors.length > 0) return { diagnostics: result.errors.map((m) => buildDiagnostic(m, abiDir, repoRoot)) };
  const text = result.outputFiles?.[0]?.text ?? '';
  const metafile = result.metafile as Metafile | undefined;
  const cycles = metafile ? importCycles(metafile, abiDir, repoRoot) : [];
  if (cycles.length > 0) return { diagnostics: cycles };
  const map = new BundleMap(text, abiDir);
  const inputs = metafile ? Object.keys(metafile.inputs).filter((i) => i !== options.stdin.sourcefile).map((i) => resolve(abiDir, i)) : undefined;
  if (cachePath && inputs) storeBundle(cachePath, recipe, inputs, text, map.serialized());
  return { text, map, ...(inputs ? { inputs } : {}) };
}

const TOP_LEVEL_AWAIT = /^Top-level await is (currently )?not (supported|available)/;

function buildDiagnostic(message: Message, abiDir: string, repoRoot: string): Diagnostic {
  const file = message.location?.file ? resolve(abiDir, message.location.file) : abiDir;
  const awaits = TOP_LEVEL_AWAIT.test(message.text);
  return {
    severity: 'error',
    rule: awaits ? 'evaluation' : 'typescript',
    loc: { file: relativePath(repoRoot, file), line: message.location?.line ?? 0, column: (message.location?.column ?? 0) + 1 },
    item: basename(file, '.ts'),
    message: awaits
      ? 'top-level await is not allowed in an ABI module: its items must be declared without waiting, so that loading abi/ always ends (and a time limit can stop it)'
      : message.text,
  };
}

/** Every circle of imports among the files esbuild read, reported once, at the import that closes it. */
function importCycles(metafile: Metafile, abiDir: string, repoRoot: string): Diagnostic[] {
  const graph = new Map<string, { path: string; original: string }[]>();
  for (const [input, info] of Object.entries(metafile.inputs)) {
    graph.set(input, info.imports.filter((i) => !i.external && i.kind === 'import-statement').map((i) => ({ path: i.path, original: i.original ?? i.path })));
  }
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const edge of graph.get(node) ?? []) {
      if (state.get(edge.path) === 'open') {
        const circle = stack.slice(stack.indexOf(edge.path));
        const key = [...circle].sort().join('\n');
        // Only circles through abi/ itself: the rest is the DSL's or a package's business.
        if (!reported.has(key) && circle.some((i) => !i.startsWith('..'))) {
          reported.add(key);
          diagnostics.push(cycleDiagnostic(circle, node, edge.original, abiDir, repoRoot));
        }
      } else if (!state.has(edge.path)) {
        visit(edge.path);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const input of [...graph.keys()].sort()) if (!state.has(input)) visit(input);
  return diagnostics;
}

function cycleDiagnostic(circle: string[], closer: string, specifier: string, abiDir: string, repoRoot: string): Diagnostic {
  const file = resolve(abiDir, closer);
  const names = [...circle, circle[0] as string].map((i) => relativePath(repoRoot, resolve(abiDir, i)));
  const at = importLine(file, specifier);
  return {
    severity: 'error',
    rule: 'import-cycle',
    loc: { file: relativePath(repoRoot, file), line: at.line, column: at.column },
    item: basename(file, '.ts'),
    message: `imports go round in a circle (${names.join(' → ')}): while one of these modules evaluates, what it imports from the others is still undefined; move the shared items into a module that imports none of them`,
  };
}

/** The line and column of the import of `specifier` in `file`; 1:1 when it cannot be found. */
function importLine(file: string, specifier: string): { line: number; column: number } {
  try {
    const lines = readFileSync(file, 'utf8').split('\n');
    const quoted = [`'${specifier}'`, `"${specifier}"`];
    const index = lines.findIndex((l) => quoted.some((q) => l.includes(q)));
    return index < 0 ? { line: 1, column: 1 } : { line: index + 1, column: 1 };
  } catch {
    return { line: 1, column: 1 };
  }
}

export function relativePath(repoRoot: string, file: string): string {
  return relative(repoRoot, file).split('\\').join('/');
}
