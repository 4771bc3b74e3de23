/**
 * Evaluates the ABI modules under an `abi/` directory. They are TypeScript, so esbuild
 * bundles them (with the DSL) into one ES module with an inline source map; Node maps stack
 * frames back through it, which is how every DSL call learns its file and line.
 */
import { existsSync, readdirSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Message } from 'esbuild';
import type { ModuleDef } from '../dsl/defs.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Namespace } from '../model/types.js';

export const NAMESPACES: readonly Namespace[] = ['stable', 'unstable'];

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

/**
 * Bundles and evaluates every module under `abiDir`. `repoRoot` makes the locations in
 * diagnostics relative. Returns the modules, or diagnostics when the TypeScript does not build.
 */
export async function evaluateAbi(
  abiDir: string,
  repoRoot: string,
): Promise<{ modules: EvaluatedModule[]; diagnostics: Diagnostic[] }> {
  const files = listModuleFiles(resolve(abiDir));
  const entry = files.map((f, i) => `export * as m${i} from ${JSON.stringify(f.file)};`).join('\n');
  const workDir = mkdtempSync(join(tmpdir(), 'xenabi-abi-'));
  const outfile = join(workDir, 'abi.mjs');
  try {
    const result = await build({
      stdin: { contents: entry || 'export {};', resolveDir: resolve(abiDir), sourcefile: 'xenabi-abi-entry.ts', loader: 'ts' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      outfile,
      // esbuild reports error locations relative to this; buildDiagnostic resolves them against abiDir.
      absWorkingDir: resolve(abiDir),
      sourcemap: 'inline',
      sourcesContent: false,
      logLevel: 'silent',
      alias: { 'xenabi/dsl': dslEntry() },
    }).catch((error: { errors?: Message[] }) => ({ errors: error.errors ?? [], outputFiles: [] }));
    if (result.errors.length > 0) return { modules: [], diagnostics: result.errors.map((m) => buildDiagnostic(m, abiDir, repoRoot)) };
    const output = result.outputFiles?.[0];
    if (!output) return { modules: [], diagnostics: [] };
    writeFileSync(outfile, output.text);
    process.setSourceMapsEnabled(true);
    const loaded = (await import(pathToFileURL(outfile).href)) as Record<string, { default?: unknown }>;
    const modules = files.map((f, i) => ({ ...f, exported: loaded[`m${i}`]?.default }));
    return { modules, diagnostics: [] };
  } catch (error) {
    return { modules: [], diagnostics: [evaluationDiagnostic(error, repoRoot)] };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
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
