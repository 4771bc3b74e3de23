/**
 * The one place xenabi runs a C compiler: clang with `--target=` for each architecture, in
 * Xen's two header modes, the source on standard input. Commands run as processes of their
 * own (never through a shell), a few at a time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { Arch } from '../model/types.js';

/** The compiler; `XENABI_CLANG` overrides it (another version, a wrapper). */
export const CLANG = process.env.XENABI_CLANG ?? 'clang';

/** clang's target triple for each architecture. */
export const TARGET_TRIPLES: Record<Arch, string> = {
  x86_32: 'i386-linux-gnu',
  x86_64: 'x86_64-linux-gnu',
  arm32: 'arm-linux-gnueabihf',
  arm64: 'aarch64-linux-gnu',
};

/**
 * How Xen's headers are included. `tools`: with `__XEN_TOOLS__`, as the hypervisor's
 * toolstack builds; every item, the unstable ones included, in the layout xenabi follows.
 * `plain`: without it, as a guest or device model builds, at the newest guest interface
 * version the tree has (`__XEN_INTERFACE_VERSION__` = `__XEN_LATEST_INTERFACE_VERSION__`,
 * which is what xenabi's own headers show when the includer sets nothing).
 */
export type HeaderMode = 'tools' | 'plain';

export const MODE_DEFINES: Record<HeaderMode, string[]> = {
  tools: ['-D__XEN_TOOLS__'],
  plain: ['-D__XEN_INTERFACE_VERSION__=__XEN_LATEST_INTERFACE_VERSION__'],
};

/**
 * The arguments every compile shares: the target, C11 with GNU extensions (Xen's headers use
 * them), no warnings (Xen's are not ours), every error reported (the probe drops each
 * failing line at once), and the tree's include root as a system directory.
 */
export function baseArgs(arch: Arch, mode: HeaderMode, includeRoot: string): string[] {
  return [`--target=${TARGET_TRIPLES[arch]}`, '-std=gnu11', '-w', '-ferror-limit=0', '-fno-color-diagnostics', ...MODE_DEFINES[mode], '-isystem', includeRoot];
}

export interface ClangResult {
  args: string[];
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs clang with `args`, feeding `source` on standard input (pass `-x c -` in `args`). At most
 * one clang per core runs at a time, the others wait their turn in the order asked: a tree's
 * architectures finish one after another, so each is read while the next compiles.
 */
export async function runClang(args: readonly string[], source: string): Promise<ClangResult> {
  await slot();
  try {
    return await spawnClang(args, source);
  } finally {
    release();
  }
}

function spawnClang(args: readonly string[], source: string): Promise<ClangResult> {
  return new Promise((resolve) => {
    const child = spawn(CLANG, [...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => resolve({ args: [...args], code: 127, stdout: '', stderr: `${CLANG}: ${e.message}` }));
    child.on('close', (code) => resolve({ args: [...args], code: code ?? 1, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(source);
  });
}

/** clang processes running, and those waiting for one to finish. */
let running = 0;
const waiting: (() => void)[] = [];

function slot(): Promise<void> {
  if (running < Math.max(2, availableParallelism())) {
    running += 1;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

/** Runs `tasks` at most `limit` at a time (one per core by default); results in task order. */
export async function inParallel<T>(tasks: readonly (() => Promise<T>)[], limit = Math.max(2, availableParallelism())): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** Why clang cannot be used here (naming the Debian package), or undefined when it can. */
export function clangProblem(): string | undefined {
  return versionProbe().problem;
}

/** clang's version line, which goes into cache keys (another compiler may lay out otherwise). */
export function clangVersion(): string {
  return versionProbe().version;
}

/** `clang --version`, run once a process: a check asks whether clang runs and keys two trees with its version. */
function versionProbe(): { version: string; problem?: string } {
  if (probed) return probed;
  const run = spawnSync(CLANG, ['--version'], { encoding: 'utf8' });
  const problem = run.error || run.status !== 0 ? `${CLANG} is not installed or does not run: apt-get install clang` : undefined;
  probed = { version: (run.stdout ?? '').split('\n')[0] ?? CLANG, ...(problem ? { problem } : {}) };
  return probed;
}

let probed: { version: string; problem?: string } | undefined;
