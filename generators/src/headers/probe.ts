/**
 * The probe: numbers of Xen's headers as the compiler computes them, on any target, without
 * running anything. Every integer constant expression becomes an element of one array, and
 * every object whose bytes matter (a record with one bit-field set) a definition of its own,
 * in one C file compiled with `-S`; the values are read back from the assembly. Lines the
 * compiler rejects (a member Xen does not have, a header that does not compile in this mode)
 * are dropped and reported, and the file is compiled again.
 */
import type { Arch } from '../model/types.js';
import { parseAssemblyData, WORD_BYTES } from './assembly.js';
import { baseArgs, runClang, type HeaderMode } from './clang.js';

export interface ProbeInput {
  /** Headers to include, as `<…>` names under the include root (`xen/hvm/dm_op.h`). */
  includes: readonly string[];
  /** Integer constant expressions over the headers' names, each read back as 64 bits. */
  values: readonly string[];
  /**
   * Objects read back as bytes: a type and its initializer (`{ .flags = -1 }`); with `array`,
   * an array of that type sized by its initializer (`char[]` from a string literal).
   */
  objects: readonly { type: string; init: string; array?: boolean }[];
}

/** Why one line of the probe was dropped: the compiler's first error on it. */
export interface Rejection {
  error: string;
}

export interface ProbeOutput {
  /** One per input value, unsigned 64-bit; undefined when the compiler rejected it. */
  values: (bigint | undefined)[];
  /** One per input object; undefined when rejected. */
  objects: (Uint8Array | undefined)[];
  rejectedValues: Map<number, Rejection>;
  rejectedObjects: Map<number, Rejection>;
  rejectedIncludes: Map<string, Rejection>;
  /** Set when the probe could not be compiled at all: the compiler's output. */
  failure?: string;
  /** Compiler runs it took (1 when every line compiled). */
  rounds: number;
}

/** Helper macros the expressions may use (the same spellings xenabi's headers assert with). */
export const PROBE_HELPERS = [
  '#define XENABI_ALIGNOF(type) _Alignof(type)',
  '#define XENABI_TYPEOF(expr) __typeof__(expr)',
  '#define XENABI_OFFSETOF(type, member) __builtin_offsetof(type, member)',
  '#define XENABI_NO_OBJECT(type) ((type *)0)',
];

export const VALUES_LABEL = 'xenabi_probe';
export const objectLabel = (i: number): string => `xenabi_object_${i}`;

type Slot = { kind: 'include'; name: string } | { kind: 'value'; index: number } | { kind: 'object'; index: number } | { kind: 'fixed' };

/** The C text of a probe and, per line, what it holds. */
export function probeSource(input: ProbeInput, dropped: { includes: ReadonlySet<string>; values: ReadonlySet<number>; objects: ReadonlySet<number> }): { text: string; slots: Slot[] } {
  const lines: string[] = [];
  const slots: Slot[] = [];
  const add = (line: string, slot: Slot) => {
    lines.push(line);
    slots.push(slot);
  };
  add('/* xenabi probe: every number below is read back from the assembly. */', { kind: 'fixed' });
  add('#include <stdint.h>', { kind: 'fixed' });
  add('#include <stddef.h>', { kind: 'fixed' });
  for (const name of input.includes) if (!dropped.includes.has(name)) add(`#include <${name}>`, { kind: 'include', name });
  for (const line of PROBE_HELPERS) add(line, { kind: 'fixed' });
  if (input.values.length) {
    add(`const unsigned long long ${VALUES_LABEL}[] = {`, { kind: 'fixed' });
    input.values.forEach((expr, index) => add(dropped.values.has(index) ? '  0ULL,' : `  (unsigned long long)(${expr}),`, { kind: 'value', index }));
    add('};', { kind: 'fixed' });
  }
  input.objects.forEach((o, index) => {
    if (!dropped.objects.has(index)) add(`const ${o.type} ${objectLabel(index)}${o.array ? '[]' : ''} = ${o.init};`, { kind: 'object', index });
  });
  return { text: `${lines.join('\n')}\n`, slots };
}

/**
 * Compiler errors by the probe line they belong to (1-based): an error on the line itself,
 * or in a header that line includes. `unplaced` holds errors that belong to no line.
 */
export function errorsByLine(stderr: string): { byLine: Map<number, string>; unplaced: string[] } {
  const byLine = new Map<number, string>();
  const unplaced: string[] = [];
  // clang prints the include chain once, before the first diagnostic of a header reached
  // through another include; later diagnostics in the same place come without it.
  let includedFrom: number | undefined;
  let chainStarted = false;
  for (const line of stderr.split('\n')) {
    if (line.startsWith('In file included from ')) {
      const outer = /^In file included from <stdin>:(\d+):/.exec(line);
      if (!chainStarted) includedFrom = outer ? Number(outer[1]) : undefined;
      chainStarted = true;
      continue;
    }
    chainStarted = false;
    const diagnostic = /^(.+?):(\d+):\d+: (fatal error|error|warning|note): (.*)$/.exec(line);
    if (!diagnostic) continue;
    const [, file, lineNo, kind, message] = diagnostic;
    const inProbe = file === '<stdin>';
    if (inProbe && kind !== 'note') includedFrom = undefined;
    if (kind !== 'error' && kind !== 'fatal error') continue;
    const at = inProbe ? Number(lineNo) : includedFrom;
    const text = inProbe ? (message ?? '') : `${file}:${lineNo}: ${message}`;
    if (at === undefined) unplaced.push(line);
    else if (!byLine.has(at)) byLine.set(at, text);
  }
  return { byLine, unplaced };
}

/** Compiles the probe for one architecture and mode, dropping rejected lines until it compiles. */
export async function runProbe(input: ProbeInput, arch: Arch, mode: HeaderMode, includeRoot: string, maxRounds = 6): Promise<ProbeOutput> {
  const dropped = { includes: new Set<string>(), values: new Set<number>(), objects: new Set<number>() };
  const out: ProbeOutput = { values: [], objects: [], rejectedValues: new Map(), rejectedObjects: new Map(), rejectedIncludes: new Map(), rounds: 0 };
  const args = [...baseArgs(arch, mode, includeRoot), '-S', '-o', '-', '-x', 'c', '-'];
  for (let round = 1; round <= maxRounds; round++) {
    out.rounds = round;
    const { text, slots } = probeSource(input, dropped);
    const result = await runClang(args, text);
    if (result.code === 0) return { ...out, ...readBack(input, result.stdout, WORD_BYTES[arch], dropped) };
    const { byLine, unplaced } = errorsByLine(result.stderr.split(`${includeRoot}/`).join(''));
    let progress = false;
    for (const [line, error] of byLine) {
      const slot = slots[line - 1];
      if (!slot || slot.kind === 'fixed') continue;
      progress = true;
      if (slot.kind === 'include') {
        dropped.includes.add(slot.name);
        out.rejectedIncludes.set(slot.name, { error });
      } else if (slot.kind === 'value') {
        dropped.values.add(slot.index);
        out.rejectedValues.set(slot.index, { error });
      } else {
        dropped.objects.add(slot.index);
        out.rejectedObjects.set(slot.index, { error });
      }
    }
    if (!progress || unplaced.length) return { ...out, failure: result.stderr || `clang exited with ${result.code}` };
  }
  return { ...out, failure: `the probe still did not compile after ${maxRounds} rounds` };
}

function readBack(input: ProbeInput, asm: string, word: 2 | 4, dropped: { values: ReadonlySet<number>; objects: ReadonlySet<number> }): Pick<ProbeOutput, 'values' | 'objects'> {
  const data = parseAssemblyData(asm, word);
  const values: (bigint | undefined)[] = [];
  if (input.values.length) {
    const bytes = data.get(VALUES_LABEL);
    if (!bytes || bytes.length !== input.values.length * 8) throw new Error(`the probe's assembly holds ${bytes?.length ?? 0} bytes for ${input.values.length} values`);
    for (let i = 0; i < input.values.length; i++) values.push(dropped.values.has(i) ? undefined : littleEndian(bytes.subarray(i * 8, i * 8 + 8)));
  }
  const objects = input.objects.map((_, i) => (dropped.objects.has(i) ? undefined : data.get(objectLabel(i))));
  return { values, objects };
}

/** An unsigned little-endian number. */
export function littleEndian(bytes: Uint8Array): bigint {
  let v = 0n;
  for (let b = bytes.length - 1; b >= 0; b--) v = (v << 8n) | BigInt(bytes[b] ?? 0);
  return v;
}
