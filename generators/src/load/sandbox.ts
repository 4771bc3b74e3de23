/**
 * Evaluating the ABI bundle in a realm of its own, with a time limit. The ABI modules are
 * code, and code can fail in ways that must not pass for success or hang a CI job: an
 * endless loop, a promise callback that loops, `Atomics.wait`, `process.exit(0)`, a throw
 * of something that is not an Error, a change to a built-in. So the bundle runs in a fresh
 * `vm` context (its own globals: no `process`, no timers, no `require`), as one script whose
 * microtasks run inside the same time limit; a failure is an outcome, never an exception.
 *
 * This isolates mistakes, not malice: Node's `vm` is no security boundary, and ABI modules
 * are the repository's own code.
 */
import { formatWithOptions, types } from 'node:util';
import vm from 'node:vm';
import type { FrameLocator } from '../dsl/location.js';
import { FRAME_LOCATOR } from '../dsl/location.js';
import { BUNDLE_FILE, EXPORTS_KEY } from './bundle-names.js';
import { copyOut } from './snapshot.js';

export type RunOutcome =
  | { kind: 'done'; exports: unknown[] }
  | { kind: 'threw'; error: unknown }
  | { kind: 'timeout' }
  | { kind: 'rejected'; reason: unknown }
  | { kind: 'no-exports' };

/** A compiled bundle in its fresh context, ready to run once. */
export interface PreparedBundle {
  context: vm.Context;
  script: vm.Script;
}

/**
 * Compiles the bundle in a fresh context where DSL calls locate themselves through `locate`
 * and `console` writes to stderr. Strict mode, as the modules were written (ES modules are
 * strict); the prefix shares the bundle's first line, which holds no module code, so every
 * mapped position stays where the source map says.
 */
export function prepareBundle(text: string, locate: FrameLocator): PreparedBundle {
  const context = vm.createContext({}, { name: 'xenabi abi/', microtaskMode: 'afterEvaluate', codeGeneration: { strings: false, wasm: false } });
  const install = vm.runInContext(
    `(locate, log, clone) => {
      const exports = Symbol.for(${JSON.stringify(EXPORTS_KEY)});
      Object.defineProperty(globalThis, Symbol.for(${JSON.stringify(FRAME_LOCATOR.description)}), { value: locate });
      Object.defineProperty(globalThis, Symbol.for(${JSON.stringify(READ_KEY)}), { value: () => clone(globalThis[exports]) });
      globalThis.console = { log, info: log, warn: log, error: log, debug: log, trace: log };
    }`,
    context,
  ) as (locate: FrameLocator, log: (...args: unknown[]) => void, clone: (value: unknown) => unknown) => void;
  install(locate, (...args) => process.stderr.write(`${formatWithOptions({ colors: false }, ...args)}\n`), structuredClone);
  return { context, script: new vm.Script(`"use strict";${text}`, { filename: BUNDLE_FILE }) };
}

/** Where the bundle's realm keeps the function that copies the exports out (with this realm's structuredClone). */
const READ_KEY = 'xenabi.abi.read';

/**
 * Runs a prepared bundle for at most `timeoutMs` (microtasks included) and copies the
 * modules' default exports out of its realm. A promise the modules rejected without a
 * handler is reported once Node has noticed it, a turn of the event loop later.
 */
export async function runBundle({ context, script }: PreparedBundle, timeoutMs: number): Promise<RunOutcome> {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown, promise: Promise<unknown>) => {
    // Only the modules' own promises: anything else keeps Node's default, a crash.
    if (Object.getPrototypeOf(promise) === Promise.prototype) throw reason;
    rejections.push(reason);
  };
  process.on('unhandledRejection', onRejection);
  try {
    const outcome = evaluate(context, script, timeoutMs);
    await new Promise((settle) => setImmediate(settle));
    return outcome.kind === 'done' && rejections.length > 0 ? { kind: 'rejected', reason: rejections[0] } : outcome;
  } finally {
    process.off('unhandledRejection', onRejection);
  }
}

function evaluate(context: vm.Context, script: vm.Script, timeoutMs: number): RunOutcome {
  try {
    script.runInContext(context, { timeout: timeoutMs });
    const copied = readExports(context, timeoutMs);
    return Array.isArray(copied) ? { kind: 'done', exports: copied } : { kind: 'no-exports' };
  } catch (error) {
    if (isTimeout(error)) return { kind: 'timeout' };
    return { kind: 'threw', error };
  }
}

/**
 * The modules' default exports as data of this realm. Fast: this realm's `structuredClone`,
 * called from the bundle's realm within the time limit (a getter it runs that loops is
 * stopped like any loop). What it cannot clone — a function, a symbol, a proxy — is bad
 * input, copied item by item (`snapshot.ts`) so the diagnostic can say which and where.
 */
function readExports(context: vm.Context, timeoutMs: number): unknown {
  try {
    return vm.runInContext(`globalThis[Symbol.for(${JSON.stringify(READ_KEY)})]()`, context, { timeout: timeoutMs });
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'DataCloneError')) throw error;
    const exported: unknown = vm.runInContext(`globalThis[Symbol.for(${JSON.stringify(EXPORTS_KEY)})]`, context, { timeout: timeoutMs });
    return copyOut([exported])[0];
  }
}

/** Node's own error for a script stopped at its time limit (made in the modules' realm, so told by its code). */
function isTimeout(error: unknown): boolean {
  return types.isNativeError(error) && !types.isProxy(error) && Object.getOwnPropertyDescriptor(error, 'code')?.value === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}
