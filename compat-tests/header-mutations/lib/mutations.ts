/**
 * Mechanical mutations of Xen's header text, each with the verdict `xenabi check` must give:
 * a breaking one must raise an error on its target; a compatible one must raise no error and
 * no warning. Edits are made on the real lines of the registry's headers, in file order, so
 * the list is the same on every run.
 */
import type { HeaderText } from './tree.js';

export interface HeaderMutation {
  /** `kind:file:line`, unique. */
  id: string;
  kind: string;
  file: string;
  /** What the mutation changes, for people. */
  description: string;
  verdict: 'breaking' | 'compatible';
  /** For a breaking mutation: an error must name this item (or a member or set of it). */
  target?: string;
  /** For a member's mutation: the member, which the unmutated tree must show. */
  member?: string;
  /** The header's text after the edit. */
  text: string;
}

interface Line {
  file: HeaderText;
  index: number;
  text: string;
}

const DEFINE = /^(\s*#\s*define\s+)([A-Za-z_]\w*)(\s+)(\(?)(0x[0-9a-fA-F]+|\d+)([uUlL]*)(\)?)(\s*(?:\/\*.*\*\/)?\s*)$/;
const MEMBER = /^(\s+)((?:u?int(?:8|16|32|64)_t))(\s+)([a-z_]\w*)(\s*\[\s*(\d+)\s*\])?(\s*:\s*(\d+))?\s*;(.*)$/;

function replaceLine(file: HeaderText, index: number, replacement: string[]): string {
  const lines = file.text.split('\n');
  lines.splice(index, 1, ...replacement);
  return lines.join('\n');
}

/** The record a member line belongs to: the nearest `struct|union NAME {` above it at its level. */
function recordAbove(lines: string[], index: number): string | undefined {
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const l = lines[i] ?? '';
    depth += (l.match(/\}/g) ?? []).length - (l.match(/\{/g) ?? []).length;
    const open = /^\s*(?:typedef\s+)?(?:struct|union)\s+(\w+)\s*\{/.exec(l);
    if (depth < 0 && open) return open[1];
    if (depth < 0) return undefined;
  }
  return undefined;
}

/** Every mutation of the headers; `paths` limits the headers edited (their includes are only read). */
export function headerMutations(files: readonly HeaderText[], paths: ReadonlySet<string>): HeaderMutation[] {
  const out: HeaderMutation[] = [];
  for (const file of files.filter((f) => paths.has(f.path))) {
    const lines = file.text.split('\n');
    const guard = /^\s*#\s*ifndef\s+(\w+)/m.exec(file.text)?.[1];
    lines.forEach((text, index) => {
      const at = { file, index, text };
      const define = DEFINE.exec(text);
      if (define && define[2] !== guard) out.push(...defineMutations(at, define));
      const member = MEMBER.exec(text);
      const record = member ? recordAbove(lines, index) : undefined;
      if (member && record) out.push(...memberMutations(at, member, record, lines));
    });
    const end = lines.length - 1 - [...lines].reverse().findIndex((l) => /^\s*#\s*endif/.test(l));
    out.push(
      mutation(file, end, 'add.define', 'a new constant', 'compatible', undefined, [`#define XENABI_MUTANT_NEW_${out.length} 4242`, lines[end] ?? '']),
      mutation(file, end, 'add.struct', 'a new record', 'compatible', undefined, [`struct xenabi_mutant_new_${out.length} { uint32_t a; uint32_t b; };`, lines[end] ?? '']),
    );
  }
  return out;
}

function mutation(file: HeaderText, index: number, kind: string, description: string, verdict: HeaderMutation['verdict'], target: string | undefined, replacement: string[]): HeaderMutation {
  return { id: `${kind}:${file.path}:${index + 1}`, kind, file: file.path, description, verdict, ...(target ? { target } : {}), text: replaceLine(file, index, replacement) };
}

function defineMutations(at: Line, m: RegExpExecArray): HeaderMutation[] {
  const [, head = '', name = '', space = '', open = '', literal = '', suffix = '', close = '', tail = ''] = m;
  const value = BigInt(literal);
  const spell = (v: bigint) => (literal.startsWith('0x') ? `0x${v.toString(16)}` : v.toString());
  const target = name.startsWith('_') ? name.slice(1) : name;
  return [
    mutation(at.file, at.index, 'define.value', `${name} ${literal} → ${spell(value + 1n)}`, 'breaking', target, [`${head}${name}${space}${open}${spell(value + 1n)}${suffix}${close}${tail}`]),
    mutation(at.file, at.index, 'define.remove', `${name} removed`, 'breaking', name, []),
    // The same value and type, spelled otherwise: hex for decimal and the other way round
    // (below 2^31, where both are an int; above, a hex literal may be unsigned where a decimal is long).
    ...(value < 2n ** 31n ? [mutation(at.file, at.index, 'define.respell', `${name} ${literal} respelled`, 'compatible', undefined, [`${head}${name}${space}${open}${literal.startsWith('0x') ? value.toString() : `0x${value.toString(16)}`}${suffix}${close}${tail}`])] : []),
  ];
}

const WIDER: Record<string, string> = { uint8_t: 'uint16_t', uint16_t: 'uint32_t', uint32_t: 'uint64_t', int8_t: 'int16_t', int16_t: 'int32_t', int32_t: 'int64_t' };
const OTHER_SIGN: Record<string, string> = { uint8_t: 'int8_t', uint16_t: 'int16_t', uint32_t: 'int32_t', uint64_t: 'int64_t', int8_t: 'uint8_t', int16_t: 'uint16_t', int32_t: 'uint32_t', int64_t: 'uint64_t' };

function memberMutations(at: Line, m: RegExpExecArray, record: string, lines: string[]): HeaderMutation[] {
  const [, indent = '', type = '', space = '', name = '', dims = '', length, bits = '', width, rest = ''] = m;
  const target = `${record}.${name}`;
  const line = (t: string, n: string, d: string, b: string) => `${indent}${t}${space}${n}${d}${b};${rest}`;
  const out: HeaderMutation[] = [];
  const push = out.push.bind(out);
  out.push = (...items: HeaderMutation[]) => push(...items.map((x) => (x.kind === 'comment' ? x : { ...x, member: name })));
  const pad = /^_?pad\d*$|^reserved/.test(name);
  // A rename is reported under the new name (FIELD_RENAMED record.name_renamed): any error on the record.
  if (!pad) out.push(mutation(at.file, at.index, 'field.rename', `${target} renamed`, 'breaking', record, [line(type, `${name}_renamed`, dims, bits)]));
  out.push(mutation(at.file, at.index, 'field.remove', `${target} removed`, 'breaking', record, []));
  if (WIDER[type] && !bits) out.push(mutation(at.file, at.index, 'field.widen', `${target} ${type} → ${WIDER[type]}`, 'breaking', record, [line(WIDER[type] as string, name, dims, bits)]));
  if (OTHER_SIGN[type] && !bits) out.push(mutation(at.file, at.index, 'field.signedness', `${target} ${type} → ${OTHER_SIGN[type]}`, 'breaking', target, [line(OTHER_SIGN[type] as string, name, dims, bits)]));
  if (length !== undefined) out.push(mutation(at.file, at.index, 'field.array-longer', `${target}[${length}] → [${Number(length) + 1}]`, 'breaking', record, [line(type, name, `[${Number(length) + 1}]`, bits)]));
  if (width !== undefined && Number(width) > 1) out.push(mutation(at.file, at.index, 'field.bits-narrower', `${target}:${width} → :${Number(width) - 1}`, 'breaking', record, [line(type, name, dims, ` : ${Number(width) - 1}`)]));
  const next = MEMBER.exec(lines[at.index + 1] ?? '');
  if (next && next[2] !== type && !bits && !next[7]) {
    const swapped = [...lines];
    swapped.splice(at.index, 2, lines[at.index + 1] ?? '', at.text);
    out.push({ ...mutation(at.file, at.index, 'field.swap', `${target} swapped with ${next[4]}`, 'breaking', record, []), text: swapped.join('\n') });
  }
  out.push(mutation(at.file, at.index, 'comment', `a comment before ${target}`, 'compatible', undefined, [`${indent}/* xenabi mutant: a comment changes nothing */`, at.text]));
  return out;
}

/** Every `per`-th mutation of each kind, at even spacing: a sample with every kind in it. */
export function sample(all: readonly HeaderMutation[], perKind: number): HeaderMutation[] {
  const byKind = new Map<string, HeaderMutation[]>();
  for (const m of all) byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), m]);
  return [...byKind.values()].flatMap((list) => {
    if (list.length <= perKind) return list;
    const step = list.length / perKind;
    return Array.from({ length: perKind }, (_, i) => list[Math.floor(i * step)] as HeaderMutation);
  });
}
