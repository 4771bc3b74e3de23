/**
 * Evaluates the ABI modules under an `abi/` directory: bundled by esbuild into one script
 * (`build.ts`), run in a realm of its own with a time limit (`sandbox.ts`), every DSL call
 * located through the bundle's source map (`source-map.ts`). Whatever goes wrong — the
 * TypeScript does not build, a module throws, loops, or leaves a promise rejected — comes
 * back as a diagnostic located in the module, never as an exception or a hang.
 */
import { basename, resolve } from 'node:path';
import { types } from 'node:util';
import type { ModuleDef, RawLocation } from '../dsl/defs.js';
import { isOwnFrame, type FrameLocator } from '../dsl/location.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Namespace } from '../model/types.js';
import { bundleCachePath } from './bundle-cache.js';
import { buildBundle, relativePath } from './build.js';
import { BUNDLE_FILE } from './bundle-names.js';
import { loopSite, throwSite } from './failure-site.js';
import { prepareBundle, runBundle, type RunOutcome } from './sandbox.js';
import type { BundleMap } from './source-map.js';

import { listModuleFiles } from './module-files.js';

export { NAMESPACES } from '../model/namespaces.js';
export { listModuleFiles };

/** One evaluated ABI module file. */
export interface EvaluatedModule {
  namespace: Namespace;
  /** Absolute path of the file. */
  file: string;
  /** Its default export, when it evaluated: plain data of this realm (`snapshot.ts`). */
  exported: unknown;
}

/** How to evaluate. */
export interface EvaluateOptions {
  /** `false` bundles afresh even when the cached bundle is current. */
  cache?: boolean;
  /** How long evaluating `abi/` may take, in milliseconds (default: `loadTimeoutMs()`). */
  timeoutMs?: number;
}

/** The environment variable that sets the time limit, in seconds. */
export const TIMEOUT_VARIABLE = 'XENABI_LOAD_TIMEOUT';
const DEFAULT_TIMEOUT_S = 10;

/** The time limit for evaluating `abi/`: `XENABI_LOAD_TIMEOUT` seconds, else 10 s. */
export function loadTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env[TIMEOUT_VARIABLE]);
  return Math.round((Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_TIMEOUT_S) * 1000);
}

/**
 * Bundles and evaluates every module under `abiDir`. `repoRoot` makes the locations in
 * diagnostics relative, and holds the bundle cache (`bundle-cache.ts`). Returns the modules,
 * or the diagnostic of why they could not be evaluated.
 */
export async function evaluateAbi(
  abiDir: string,
  repoRoot: string,
  options: EvaluateOptions = {},
): Promise<{ modules: EvaluatedModule[]; diagnostics: Diagnostic[]; inputs?: string[] }> {
  const dir = resolve(abiDir);
  const files = listModuleFiles(dir);
  const built = await buildBundle(
    files.map((f) => f.file),
    dir,
    repoRoot,
    options.cache === false ? undefined : bundleCachePath(repoRoot, dir),
  );
  if ('diagnostics' in built) return { modules: [], diagnostics: built.diagnostics };
  const map = built.map;
  const calls = dslCallTracker(map);
  const timeoutMs = options.timeoutMs ?? loadTimeoutMs();
  let prepared;
  try {
    prepared = prepareBundle(built.text, calls.locate);
  } catch (error) {
    // esbuild's output compiles; a cached bundle that does not was damaged: build afresh.
    if (options.cache !== false) return evaluateAbi(abiDir, repoRoot, { ...options, cache: false });
    throw error;
  }
  const outcome = await runBundle(prepared, timeoutMs);
  if (outcome.kind === 'done') return { modules: files.map((f, i) => ({ ...f, exported: outcome.exports[i] })), diagnostics: [], ...(built.inputs ? { inputs: built.inputs } : {}) };
  const failure = await describeFailure(outcome, { text: built.text, map, locate: calls.locate, timeoutMs });
  return { modules: [], diagnostics: [failureDiagnostic(failure, calls.last(), files[0]?.file ?? dir, repoRoot)] };
}

/**
 * The diagnostic of a failed evaluation, at the failure's line; when that cannot be found,
 * at the last line a DSL call came from (the failure is after it), else at the first module.
 */
function failureDiagnostic(failure: { message: string; at?: RawLocation }, lastCall: RawLocation | undefined, firstFile: string, repoRoot: string): Diagnostic {
  const at = failure.at ?? lastCall ?? { file: firstFile, line: 1, column: 1 };
  const note = failure.at ? '' : lastCall ? ' (xenabi could not find the line: it is after this one, the last DSL call that returned)' : ' (xenabi could not find the line)';
  const file = relativePath(repoRoot, at.file);
  return { severity: 'error', rule: 'evaluation', loc: { file, line: at.line, column: at.column }, item: basename(file, '.ts'), message: `${failure.message}${note}` };
}

/**
 * The frame locator of the DSL calls (`dsl/location.ts`), which also remembers the last
 * ABI-module line a DSL call came from: the best guess of where a failure without a
 * location happened.
 */
function dslCallTracker(map: BundleMap): { locate: FrameLocator; last: () => RawLocation | undefined } {
  let last: RawLocation | undefined;
  const locate: FrameLocator = (file, line, column) => {
    if (file !== BUNDLE_FILE) return undefined;
    const at = map.locate(line, column);
    if (at && !isOwnFrame(at.file)) last = at;
    return at;
  };
  return { locate, last: () => last };
}

interface FailureContext {
  text: string;
  map: BundleMap;
  locate: FrameLocator;
  timeoutMs: number;
}

/** What went wrong, and where when that can be found. */
async function describeFailure(outcome: Exclude<RunOutcome, { kind: 'done' }>, c: FailureContext): Promise<{ message: string; at?: RawLocation }> {
  switch (outcome.kind) {
    case 'threw': {
      const thrown = describeThrown(outcome.error);
      const at = (thrown.stack && c.map.firstModuleFrame(thrown.stack)) || (await throwSite(c.text, c.map, c.locate, c.timeoutMs));
      return { message: thrown.error ? `the module threw while loading: ${thrown.what}` : `the module threw ${thrown.what} while loading`, at };
    }
    case 'timeout': {
      const at = await loopSite(c.text, c.map, c.locate);
      const running = at ? ': this line was running when it was stopped' : '';
      return { message: `the module did not finish loading within ${c.timeoutMs / 1000} s${running} (an endless loop? if it is only slow, set ${TIMEOUT_VARIABLE}=SECONDS)`, at };
    }
    case 'rejected': {
      const thrown = describeThrown(outcome.reason);
      return { message: `a promise the module created was rejected (${thrown.what}) and nothing handled it`, at: thrown.stack ? c.map.firstModuleFrame(thrown.stack) : undefined };
    }
    case 'no-exports':
      return { message: `the ABI bundle left no exports behind: a module replaced \`globalThis\` or \`Symbol.for\`` };
  }
}

/**
 * A thrown value in words, and its stack when it is an Error, read from another realm without
 * calling anything it defines: an Error's message, `the string "x"`, `null`.
 */
function describeThrown(value: unknown): { what: string; error?: true; stack?: string } {
  if (types.isNativeError(value) && !types.isProxy(value)) {
    const own = (key: string) => {
      const v = Object.getOwnPropertyDescriptor(value, key)?.value as unknown;
      return typeof v === 'string' ? v : undefined;
    };
    return { what: own('message') || 'an Error without a message', error: true, stack: own('stack') };
  }
  if (typeof value === 'string') return { what: `the string ${JSON.stringify(value)}` };
  if (value === null || value === undefined) return { what: String(value) };
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return { what: `the ${typeof value} ${String(value)}` };
  if (typeof value === 'symbol') return { what: 'a symbol' };
  return { what: typeof value === 'function' ? 'a function' : 'an object that is not an Error' };
}

export type { ModuleDef };
