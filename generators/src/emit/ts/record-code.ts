/**
 * The per-architecture code of one record: the bodies of its encode, decode and strict-check
 * functions, straight-line with every offset a literal from the layout engine. Nested records
 * are calls to their own per-architecture functions; arrays are loops over elements.
 */
import type { FieldLayout, RecordLayout } from '../../layout/engine.js';
import { onArch } from '../../model/arch.js';
import type { Field, RecordDecl } from '../../model/types.js';
import {
  badBits,
  bitPlan,
  checkInt,
  local,
  offsetExpr,
  readBits,
  readInt,
  writeBits,
  writeInt,
  type CodeCtx,
} from './access.js';
import { str } from './names.js';
import { innermost, type Shape, type ShapeResolver } from './shapes.js';

/** What the code of one record needs to know about the others on the same architecture. */
export interface RecordEnv {
  resolver: ShapeResolver;
  /** The identifier of a nested record's function (or view class) on this architecture. */
  nested(record: string, part: 'enc' | 'dec' | 'chk' | 'V'): string;
  /** Whether a nested record has anything a strict decode checks. */
  nestedChecks(record: string): boolean;
}

/** One member of a record on one architecture: its declaration, its layout and its shape. */
export interface Member {
  name: string;
  decl: Field;
  layout: FieldLayout;
  shape: Shape;
}

/** The members of a record on the resolver's architecture, in layout order. */
export function members(record: RecordDecl, layout: RecordLayout, resolver: ShapeResolver): Member[] {
  const decls = record.fields.filter((f) => onArch(f, resolver.arch));
  return layout.fields.map((l, i) => {
    const decl = decls[i]!;
    if (decl.name === '') throw new Error(`ts emitter: ${record.name} has an anonymous member; the TypeScript emitter does not support those yet`);
    const shape = resolver.shape(decl.type);
    return { name: l.name, decl, layout: l, shape };
  });
}

/** Members a value carries: everything but padding. */
export function valueMembers(all: readonly Member[]): Member[] {
  return all.filter((m) => !m.layout.padding);
}

function aligned8(offset: number): boolean {
  return offset % 8 === 0;
}

// ---- Encode ---------------------------------------------------------------------------------

/** Statements writing checked `x` (of `shape`) at `at`. */
function encodeValue(ctx: CodeCtx, env: RecordEnv, shape: Shape, x: string, at: string, offset8: boolean, path: string, index?: string): string[] {
  switch (shape.kind) {
    case 'int':
      return [checkInt(ctx, shape, x, path, index), writeInt(ctx, 'd', shape, at, x, offset8)];
    case 'record':
      ctx.helpers.add('failObject');
      return [
        `if (typeof ${x} !== 'object' || ${x} === null) failObject(${x}, ${str(path)}${index ? `, ${index}` : ''});`,
        `${env.nested(shape.record, 'enc')}(${x}, d, w, ${at});`,
      ];
    case 'array': {
      ctx.helpers.add('checkArray');
      const a = local(ctx, 'a');
      const i = local(ctx, 'i');
      const e = local(ctx, 'e');
      const elementAt = `${at} + ${i} * ${shape.stride}`;
      return [
        `const ${a} = checkArray(${x}, ${shape.length}, ${str(path)});`,
        `for (let ${i} = 0; ${i} < ${shape.length}; ${i}++) {`,
        `  const ${e} = ${a}[${i}];`,
        ...encodeValue(ctx, env, shape.element, e, elementAt, offset8 && shape.stride % 8 === 0, path, i).map((l) => `  ${l}`),
        '}',
      ];
    }
  }
}

/** Statements writing a flexible array member of `n` elements; none run for the usual `n` of 0. */
function encodeFlex(ctx: CodeCtx, env: RecordEnv, m: Member, path: string): string[] {
  if (m.shape.kind !== 'array') throw new Error(`ts emitter: flexible member ${path} is not an array`);
  ctx.helpers.add('flexArray');
  const a = local(ctx, 'a');
  const i = local(ctx, 'i');
  const e = local(ctx, 'e');
  const at = `b + ${m.layout.offset} + ${i} * ${m.shape.stride}`;
  const offset8 = aligned8(m.layout.offset) && m.shape.stride % 8 === 0;
  return [
    'if (n > 0) {',
    `  const ${a} = flexArray(v.${m.name}, ${str(path)});`,
    `  for (let ${i} = 0; ${i} < n; ${i}++) {`,
    `    const ${e} = ${a}[${i}];`,
    ...encodeValue(ctx, env, m.shape.element, e, at, offset8, path, i).map((l) => `    ${l}`),
    '  }',
    '}',
  ];
}

/** Statements writing one member of `v` into the record at `b`. */
function encodeMember(ctx: CodeCtx, env: RecordEnv, record: string, size: number, m: Member): string[] {
  const path = `${record}.${m.name}`;
  if (m.layout.flexibleArray) return encodeFlex(ctx, env, m, path);
  const x = local(ctx);
  if (m.layout.bitWidth !== undefined && m.layout.bitOffset !== undefined && m.shape.kind === 'int') {
    const plan = bitPlan(m.layout.bitOffset, m.layout.bitWidth, m.shape.signed, size);
    const fail = plan.width > 32 ? 'failBigInt' : 'failInt';
    ctx.helpers.add(fail);
    return [
      `const ${x} = v.${m.name}${m.decl.archs ? '!' : ''};`,
      `if (${badBits(plan, x)}) ${fail}(${x}, ${str(path)}, ${str(`${m.shape.ctype}:${plan.width}`)}, ${plan.width});`,
      writeBits(ctx, 'd', 'b', plan, x),
    ];
  }
  const read = `v.${m.name}${m.decl.archs ? '!' : ''}`;
  return [`const ${x} = ${read};`, ...encodeValue(ctx, env, m.shape, x, offsetExpr('b', m.layout.offset), aligned8(m.layout.offset), path)];
}

/** Records up to this many bytes are zeroed by straight-line 32-bit stores rather than a call. */
const UNROLL_ZERO = 64;

/** Statements writing zero to `size` bytes at `at`. */
export function zeroBytes(ctx: CodeCtx, at: string, size: number): string[] {
  switch (size) {
    case 0:
      return [];
    case 1:
      return [`d.setUint8(${at}, 0);`];
    case 2:
      return [`d.setUint16(${at}, 0);`];
    default:
      if (size % 4 === 0 && size <= UNROLL_ZERO) {
        return Array.from({ length: size / 4 }, (_, k) => `d.setUint32(${k === 0 ? at : `${at} + ${k * 4}`}, 0);`);
      }
      ctx.helpers.add('zero');
      return [`zero(d, ${at}, ${size});`];
  }
}

/** Statements writing zero to a padding member or a hole, so the record's every byte is written. */
function zeroPadding(ctx: CodeCtx, layout: RecordLayout, m: Member | undefined, hole?: RecordLayout['holes'][number]): string[] {
  if (m && m.layout.bitWidth !== undefined && m.layout.bitOffset !== undefined) {
    return [writeBits(ctx, 'd', 'b', bitPlan(m.layout.bitOffset, m.layout.bitWidth, false, layout.size), '0')];
  }
  if (m) return zeroBytes(ctx, offsetExpr('b', m.layout.offset), m.layout.size);
  const from = holeStartBit(layout, hole!);
  if (from % 8 === 0 && hole!.bits % 8 === 0) return zeroBytes(ctx, offsetExpr('b', from / 8), hole!.bits / 8);
  ctx.helpers.add('writeBits');
  return [`writeBits(d, b, ${from}, ${hole!.bits}, 0);`];
}

/** The body of `enc(v, d, w, b[, n])`: writes every byte of the record, padding as zero. */
export function encodeBody(ctx: CodeCtx, env: RecordEnv, record: RecordDecl, layout: RecordLayout, all: readonly Member[]): string[] {
  const values = valueMembers(all);
  if (layout.kind === 'struct') {
    return [
      ...all.flatMap((m) => (m.layout.padding ? zeroPadding(ctx, layout, m) : encodeMember(ctx, env, record.name, layout.size, m))),
      ...layout.holes.flatMap((h) => zeroPadding(ctx, layout, undefined, h)),
    ];
  }
  const lines = [...zeroBytes(ctx, 'b', layout.size), 'let k = 0;'];
  for (const m of values) {
    const inner = encodeMember(ctx, env, record.name, layout.size, m);
    lines.push(`if (v.${m.name} !== undefined) {`, '  k++;', ...inner.map((l) => `  ${l}`), '}');
  }
  ctx.helpers.add('failUnion');
  lines.push(`if (k > 1) failUnion(${str(record.name)}, k);`);
  return lines;
}

// ---- Decode ---------------------------------------------------------------------------------

/** An expression reading a value of `shape` at `at`; arrays push their loop into `pre`. */
function decodeValue(ctx: CodeCtx, env: RecordEnv, shape: Shape, at: string, offset8: boolean, pre: string[], count?: string): string {
  switch (shape.kind) {
    case 'int':
      return readInt(ctx, 'd', shape, at, offset8);
    case 'record':
      return `${env.nested(shape.record, 'dec')}(d, w, ${at})`;
    case 'array': {
      const a = local(ctx, 'a');
      const i = local(ctx, 'i');
      const length = count ?? String(shape.length);
      const inner: string[] = [];
      const value = decodeValue(ctx, env, shape.element, `${at} + ${i} * ${shape.stride}`, offset8 && shape.stride % 8 === 0, inner);
      pre.push(
        `const ${a} = ${count === 'n' ? 'n === 0 ? [] : new Array(n)' : `new Array(${length})`};`,
        `for (let ${i} = 0; ${i} < ${length}; ${i}++) {`,
        ...inner.map((l) => `  ${l}`),
        `  ${a}[${i}] = ${value};`,
        '}',
      );
      return a;
    }
  }
}

/** The body of `dec(d, w, b[, n])`. */
export function decodeBody(ctx: CodeCtx, env: RecordEnv, record: RecordDecl, layout: RecordLayout, all: readonly Member[]): string[] {
  const pre: string[] = [];
  const props = valueMembers(all).map((m) => {
    if (m.layout.bitWidth !== undefined && m.layout.bitOffset !== undefined && m.shape.kind === 'int') {
      return `${m.name}: ${readBits(ctx, 'd', 'b', bitPlan(m.layout.bitOffset, m.layout.bitWidth, m.shape.signed, layout.size))}`;
    }
    const count = m.layout.flexibleArray ? 'n' : undefined;
    return `${m.name}: ${decodeValue(ctx, env, m.shape, offsetExpr('b', m.layout.offset), aligned8(m.layout.offset), pre, count)}`;
  });
  return [...pre, `return {${props.length ? `\n  ${props.join(',\n  ')},\n` : ''}};`];
}

/**
 * Decode expressions of the members of a record placed `at` bytes into an enclosing record
 * whose offset is `b`, for op codecs that build the object themselves.
 */
export function decodeProps(ctx: CodeCtx, env: RecordEnv, layout: RecordLayout, all: readonly Member[], at: number, pre: string[]): string[] {
  return valueMembers(all).map((m) => {
    if (m.layout.bitWidth !== undefined && m.layout.bitOffset !== undefined && m.shape.kind === 'int') {
      const plan = bitPlan(m.layout.bitOffset, m.layout.bitWidth, m.shape.signed, layout.size);
      const placed = { ...plan, start: plan.start < 0 ? -1 : plan.start + at, bitOffset: plan.bitOffset + at * 8 };
      return `${m.name}: ${readBits(ctx, 'd', 'b', placed)}`;
    }
    const offset = at + m.layout.offset;
    return `${m.name}: ${decodeValue(ctx, env, m.shape, offsetExpr('b', offset), aligned8(offset), pre, m.layout.flexibleArray ? '0' : undefined)}`;
  });
}

// ---- Strict check ---------------------------------------------------------------------------

/** A condition true when `size` bytes at `at` are not all zero. */
function bytesSet(ctx: CodeCtx, at: string, size: number): string {
  switch (size) {
    case 1:
      return `d.getUint8(${at}) !== 0`;
    case 2:
      return `d.getUint16(${at}) !== 0`;
    case 4:
      return `d.getUint32(${at}) !== 0`;
    case 8:
      return `(d.getUint32(${at}) | d.getUint32(${at} + 4)) !== 0`;
    default:
      ctx.helpers.add('nonZero');
      return `nonZero(d, ${at}, ${size})`;
  }
}

/** Where a hole starts, in bits: the end of the field it follows (the layout gives whole bytes only). */
function holeStartBit(layout: RecordLayout, hole: RecordLayout['holes'][number]): number {
  if (layout.kind === 'union') return hole.offset * 8;
  const ends = layout.fields.map((f) => (f.bitWidth !== undefined && f.bitOffset !== undefined ? f.bitOffset + f.bitWidth : (f.offset + f.size) * 8));
  const inByte = ends.filter((e) => Math.floor(e / 8) === hole.offset);
  return inByte.length ? Math.max(...inByte) : hole.offset * 8;
}

/** Statements checking a nested value of `shape` at `at`, when it has anything to check. */
function checkValue(ctx: CodeCtx, env: RecordEnv, shape: Shape, at: string, count?: string): string[] {
  const { element, dims } = innermost(shape);
  if (element.kind !== 'record' || !env.nestedChecks(element.record)) return [];
  const call = env.nested(element.record, 'chk');
  if (dims.length === 0) return [`${call}(d, ${at});`];
  const total = count ?? String(dims.reduce((a, b) => a * b, 1));
  const i = local(ctx, 'i');
  return [`for (let ${i} = 0; ${i} < ${total}; ${i}++) ${call}(d, ${at} + ${i} * ${element.size});`];
}

/** The body of `chk(d, b[, n])`: throws on the first non-zero padding. Empty when nothing is checked. */
export function checkBody(ctx: CodeCtx, env: RecordEnv, record: RecordDecl, layout: RecordLayout, all: readonly Member[]): string[] {
  const lines: string[] = [];
  const fail = (path: string) => {
    ctx.helpers.add('failPadding');
    return `failPadding(${str(path)})`;
  };
  for (const m of layout.kind === 'struct' ? all : []) {
    const path = `${record.name}.${m.name}`;
    if (m.layout.padding && m.layout.bitWidth !== undefined && m.layout.bitOffset !== undefined) {
      const plan = bitPlan(m.layout.bitOffset, m.layout.bitWidth, false, layout.size);
      lines.push(`if (${readBits(ctx, 'd', 'b', plan)} !== 0) ${fail(path)};`);
    } else if (m.layout.padding) {
      lines.push(`if (${bytesSet(ctx, offsetExpr('b', m.layout.offset), m.layout.size)}) ${fail(path)};`);
    } else {
      lines.push(...checkValue(ctx, env, m.shape, offsetExpr('b', m.layout.offset), m.layout.flexibleArray ? 'n' : undefined));
    }
  }
  for (const hole of layout.holes) {
    const from = holeStartBit(layout, hole);
    const path = `${record.name} (padding after ${hole.after})`;
    if (from % 8 === 0 && hole.bits % 8 === 0) {
      lines.push(`if (${bytesSet(ctx, offsetExpr('b', from / 8), hole.bits / 8)}) ${fail(path)};`);
    } else {
      ctx.helpers.add('bitsNonZero');
      lines.push(`if (bitsNonZero(d, b, ${from}, ${hole.bits})) ${fail(path)};`);
    }
  }
  return lines;
}
