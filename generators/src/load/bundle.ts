/**
 * Evaluates the ABI modules under an `abi/` directory. They are TypeScript, so esbuild
 * bundles them (with the DSL) into one ES module with an inline source map; Node maps stack
 * frames back through it, which is how every DSL call learns its file and line (through a
 * frame locator, `withFrameLocator`, that maps only the frames' positions).
 */
import { existsSync, readdirSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { findSourceMap, type SourceMap, type SourceMapping } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Message } from 'esbuild';
import type { ModuleDef } from '../dsl/defs.js';
import { FRAME_LOCATOR, type FrameLocator } from '../dsl/location.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Namespace } from '../model/types.js';
import { bundleCachePath, cachedBundle, storeBundle } from './bundle-cache.js';

import { NAMESPACES } from '../model/namespaces.js';

export { NAMESPACES };

/** One evaluated ABI module file. */
export interface EvaluatedModule {
  namespace: Namespace;
  /** Absolute path of the file. */
  file: string;
  /** Its default export, when it evaluated. */
  exported: unknown;
}

/** ABI module files under `abiDir`, by namespace folder, sorted by name. */
export function listModuleFiles(abiDir: string): { namespace: Namespace; file: string }[] {
  return NAMESPACES.flatMap((namespace) => {
    const folder = join(abiDir, namespace);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
      .sort()
      .map((name) => ({ namespace, file: join(folder, name) }));
  });
}

function dslEntry(): string {
  const compiled = fileURLToPath(new URL('../dsl/index.js', import.meta.url));
  return existsSync(compiled) ? compiled : compiled.replace(/\.js$/, '.ts');
}

/** How to evaluate: `cache: false` bundles afresh even when the cached bundle is current. */
export interface EvaluateOptions {
  cache?: boolean;
}

/**
 * Bundles and evaluates every module under `abiDir`. `repoRoot` makes the locations in
 * diagnostics relative, and holds the bundle cache (`bundle-cache.ts`). Returns the modules,
 * or diagnostics when the TypeScript does not build.
 */
export async function evaluateAbi(
  abiDir: string,
  repoRoot: string,
  options: EvaluateOptions = {},
): Promise<{ modules: EvaluatedModule[]; diagnostics: Diagnostic[] }> {
  const files = listModuleFiles(resolve(abiDir));
  const entry = files.map((f, i) => `export * as m${i} from ${JSON.stringify(f.file)};`).join('\n');
  const workDir = mkdtempSync(join(tmpdir(), 'xenabi-abi-'));
  const outfile = join(workDir, 'abi.mjs');
  try {
    const built = await bundle(entry, resolve(abiDir), outfile, options.cache === false ? undefined : bundleCachePath(repoRoot, resolve(abiDir)));
    if ('errors' in built) return { modules: [], diagnostics: built.errors.map((m) => buildDiagnostic(m, abiDir, repoRoot)) };
    if (built.text === undefined) return { modules: [], diagnostics: [] };
    writeFileSync(outfile, built.text);
    const url = pathToFileURL(outfile).href;
    const loaded = await withSourceMaps(() => withFrameLocator([url, outfile], () => import(url) as Promise<Record<string, { default?: unknown }>>));
    const modules = files.map((f, i) => ({ ...f, exported: loaded[`m${i}`]?.default }));
    return { modules, diagnostics: [] };
  } catch (error) {
    return { modules: [], diagnostics: [evaluationDiagnostic(error, repoRoot)] };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * Runs `evaluate` with Node's source maps on, as the bundle is loaded, so that its stack frames
 * map to the ABI modules; then as they were, so that modules loaded later (the emitters, while
 * the ABI loads) are not made to read their own source maps. A thrown error's stack is
 * formatted before that, so that `evaluationDiagnostic` reads it mapped.
 */
async function withSourceMaps<T>(evaluate: () => Promise<T>): Promise<T> {
  const before = process.sourceMapsEnabled ?? false;
  process.setSourceMapsEnabled(true);
  try {
    return await evaluate();
  } catch (error) {
    // Format the stack now, while the maps are on: Node formats it when it is first read.
    if (error instanceof Error) void error.stack;
    throw error;
  } finally {
    process.setSourceMapsEnabled(before);
  }
}

/**
 * Runs `evaluate` with a frame locator installed for the DSL (`dsl/location.ts`): it maps a
 * generated position through the source map Node cached for that file, exactly as Node's
 * source-mapped stack strings do, without formatting a stack string per DSL call. When Node
 * holds no source map for the bundle (`bundle`: its URL and path), because something else
 * evaluated it (a test runner), the DSL reads the stack string, mapped by whoever did.
 */
async function withFrameLocator<T>(bundle: readonly string[], evaluate: () => Promise<T>): Promise<T> {
  const global = globalThis as { [FRAME_LOCATOR]?: FrameLocator };
  const maps = new Map<string, SourceMap | undefined>();
  const paths = new Map<string, string>();
  global[FRAME_LOCATOR] = (file, line, column) => {
    if (!maps.has(file)) maps.set(file, findSourceMap(file));
    const map = maps.get(file);
    if (!map) return bundle.includes(file) ? null : undefined;
    const entry = map.findEntry(line - 1, column - 1) as Partial<SourceMapping>;
    const source = entry.originalSource;
    if (source === undefined || entry.originalLine === undefined || entry.originalColumn === undefined) return undefined;
    let path = paths.get(source);
    if (path === undefined) {
      path = source.startsWith('file://') ? fileURLToPath(source) : source;
      paths.set(source, path);
    }
    return { file: path, line: entry.originalLine + 1, column: entry.originalColumn + 1 };
  };
  try {
    return await evaluate();
  } finally {
    delete global[FRAME_LOCATOR];
  }
}

/**
 * The ABI as one ES module with an inline source map: from the cache when it is current,
 * else from esbuild (imported only then), cached for the next run.
 */
async function bundle(entry: string, abiDir: string, outfile: string, cachePath: string | undefined): Promise<{ text?: string } | { errors: Message[] }> {
  const options = {
    stdin: { contents: entry || 'export {};', resolveDir: abiDir, sourcefile: 'xenabi-abi-entry.ts', loader: 'ts' as const },
    bundle: true,
    write: false,
    format: 'esm' as const,
    platform: 'neutral' as const,
    target: 'es2022',
    // esbuild reports error locations relative to this; buildDiagnostic resolves them against abiDir.
    absWorkingDir: abiDir,
    sourcemap: 'inline' as const,
    sourcesContent: false,
    logLevel: 'silent' as const,
    alias: { 'xenabi/dsl': dslEntry() },
  };
  // The source map's paths are relative to the output's directory, a fresh one in the same place each run.
  const recipe = { options: JSON.stringify({ ...options, outDirIn: dirname(dirname(outfile)) }) };
  const cached = cachePath ? cachedBundle(cachePath, recipe) : undefined;
  if (cached !== undefined) return { text: cached };
  const { build } = await import('esbuild');
  const result = await build({ ...options, outfile, metafile: true }).catch((error: { errors?: Message[] }) => ({ errors: error.errors ?? [], outputFiles: [], metafile: undefined }));
  if (result.errors.length > 0) return { errors: result.errors };
  const text = result.outputFiles?.[0]?.text;
  if (text !== undefined && cachePath && result.metafile) {
    const inputs = Object.keys(result.metafile.inputs).filter((i) => i !== options.stdin.sourcefile).map((i) => resolve(abiDir, i));
    storeBundle(cachePath, recipe, inputs, text);
  }
  return { text };
}

function buildDiagnostic(message: Message, abiDir: string, repoRoot: string): Diagnostic {
  const file = message.location?.file ? resolve(abiDir, message.location.file) : abiDir;
  return {
    severity: 'error',
    rule: 'typescript',
    loc: { file: relative(repoRoot, file).split('\\').join('/'), line: message.location?.line ?? 0, column: (message.location?.column ?? 0) + 1 },
    item: basename(file, '.ts'),
    message: message.text,
  };
}

function evaluationDiagnostic(error: unknown, repoRoot: string): Diagnostic {
  const text = error instanceof Error ? error.message : String(error);
  const frame = /\(?([^\s()]+\.ts):(\d+):(\d+)\)?/.exec(error instanceof Error ? (error.stack ?? '') : '');
  const file = frame?.[1] ? relative(repoRoot, frame[1].replace(/^file:\/\//, '')) : 'abi';
  return {
    severity: 'error',
    rule: 'evaluation',
    loc: { file: file.split('\\').join('/'), line: Number(frame?.[2] ?? 0), column: Number(frame?.[3] ?? 0) },
    item: basename(file, '.ts'),
    message: `the module threw while loading: ${text}`,
  };
}

export type { ModuleDef };
