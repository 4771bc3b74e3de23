/**
 * What abidiff compares: the C headers of a model, rendered by the real C emitter, and a
 * translation unit that includes every stable header and exports one function per stable
 * record and typedef, taking a pointer to it (libabigail sees the types reachable from
 * exported symbols), built as a shared object with every type in its debug info.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCHeaders } from '../../compat-tests/lib/c-headers.js';
import type { View } from '../../compat-tests/mutations/lib/edit.js';
import { onArch } from '../../generators/src/model/arch.js';
import type { Arch } from '../../generators/src/model/types.js';

/** The architecture abidiff sees (GCC's native target here). */
export const ARCH = 'x86_64';

/** GCC flags for the shared object: every type kept in the debug info. */
export const GCC = ['-shared', '-fPIC', '-g', '-O0', '-fno-eliminate-unused-debug-types', '-std=c11'];

/**
 * The translation unit. Records are named by their typedef when they have one, so a typedef
 * change shows as a parameter type change; functions are named after the record or typedef.
 */
export function translationUnit(view: View, headers: string[], arch: Arch = ARCH): string {
  const stable = headers.filter((h) => h.startsWith('xenabi/stable/'));
  const records = view.records.filter((r) => r.namespace === 'stable' && !r.parent && onArch(r, arch));
  const aliases = view.aliases.filter((a) => a.namespace === 'stable' && onArch(a, arch));
  const ident = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');
  return [
    '#include <stdint.h>',
    ...stable.map((h) => `#include <${h}>`),
    ...records.map((r) => `void xenabi_bench_record_${ident(r.name)}(${r.typedef ?? `${r.kind} ${r.tag ?? r.name}`} *p) { (void)p; }`),
    ...aliases.map((a) => `void xenabi_bench_typedef_${ident(a.name)}(${a.name} *p) { (void)p; }`),
    '',
  ].join('\n');
}

export interface Build {
  dir: string;
  source: string;
  object: string;
  include: string;
  /** The headers the C emitter wrote, relative to `include`. */
  headers: string[];
}

/** Writes a view's headers and translation unit into `dir` (throws when the emitter refuses the view). */
export async function prepare(view: View, dir: string): Promise<Build> {
  const { includeDir, headers } = await writeCHeaders(view, view.release, join(dir, 'out'));
  const source = join(dir, 'tu.c');
  writeFileSync(source, translationUnit(view, headers));
  return { dir, source, object: join(dir, 'abi.so'), include: includeDir, headers };
}

/**
 * The translation unit of `view` for another architecture, beside `b`'s (`tu-ARCH.c`): only
 * the records and typedefs that architecture has (a cross compiler does not see the others).
 */
export function archSource(view: View, b: Build, arch: Arch): string {
  const source = join(b.dir, `tu-${arch}.c`);
  writeFileSync(source, translationUnit(view, b.headers, arch));
  return source;
}

/** The compiler arguments that build `b` (or another translation unit of it) into `object`. */
export const gccArgs = (b: Build, object = b.object, source = b.source) => [...GCC, '-I', b.include, '-o', object, source];

/** Runs a process without a shell; resolves with its exit code and output. */
export function run(command: string, argv: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('close', (code) => resolve({ code: code ?? 70, out }));
  });
}
