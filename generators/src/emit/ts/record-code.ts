/**
 * The per-architecture code of one record: its members, and the bodies of its decode and
 * strict-check functions (the encoder is in `encode-code.ts`), straight-line with every offset
 * a literal from the layout engine. Nested records are calls to their own per-architecture
 * functions; arrays are loops over elements.
 */
import type { FieldLayout, RecordLayout } from '../../layout/engine.js';
import { onArch } from '../../model/arch.js';
import type { Field, RecordDecl } from '../../model/types.js';
import { bitPlan, local, offsetExpr, readBits, readInt, type CodeCtx } from './access.js';
import { propKey, str } from './names.js';
import { memberBrand } from './brands.js';
import { innermost, type Shape, type ShapeResolver } from './shapes.js';

/** What the code of one record needs to know about the others on the same architecture. */
export interface RecordEnv {
  resolver: ShapeResolver;
  /** The identifier of a nested record's function (or view class) on this architecture. */
  nested(record: string, part: 'enc' | 'dec' | 'chk' | 'V'): string;
  /** Whether a nested record has anything a strict decode checks. */
  nestedChecks(record: string): boolean;
  /** Whether a record is a union. */
  isUnion(record: string): boolean;
  /**
   * Whether a record declares a member under one name with other types on other architectures
   * (`vcpu_guest_context.user_regs`: `cpu_user_regs` on x86, `vcpu_guest_core_regs` on Arm), so
   * its value's property is a union of them that code for one architecture narrows.
   */
  retyped(record: string, member: string): boolean;
  /** Another record's members on this architecture, for code that writes it inline. */
  members(record: string): Member[];
  /** Another record's layout on this architecture. */
  layout(record: string): RecordLayout;
  /** The record whose code is being made (its own functions are `SELF`). */
  self: string;
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
    const shape = resolver.shape(decl.type);
    return { name: l.name, decl, layout: l, shape };
  });
}

/** Members a value carries: everything but padding. */
export function valueMembers(all: readonly Member[]): Member[] {
  return all.filter((m) => !m.layout.padding);
}

/**
 * Placeholders for the record's own functions on this architecture, whose names are known only
 * once `Variants` has compared the code with the other architectures' (it replaces them then).
 */
export const SELF = { enc: '%self:enc%', dec: '%self:dec%' } as const;

function aligned8(offset: number): boolean {
  return offset % 8 === 0;
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

/**
 * The body of `dec(d, w, b[, n])`. A union decodes every member, and keeps the bytes it came
 * from, so that encode can take the value back as it is (`encodeDecodedUnion`).
 */
export function decodeBody(ctx: CodeCtx, env: RecordEnv, record: RecordDecl, layout: RecordLayout, all: readonly Member[]): string[] {
  const pre: string[] = [];
  const props = decodeProps(ctx, env, layout, all, 0, pre, 'n');
  const literal = `{${props.length ? `\n  ${props.join(',\n  ')},\n` : ''}}`;
  if (layout.kind === 'struct') return [...pre, `return ${literal};`];
  ctx.helpers.add('decodedFrom');
  return [...pre, `return decodedFrom(${literal}, ${SELF.dec}, d, b, ${layout.size});`];
}

/**
 * Decode expressions of the members of a record placed `at` bytes into an enclosing record
 * whose offset is `b` (`key: expression`); `count` is the flexible array's length.
 */
export function decodeProps(ctx: CodeCtx, env: RecordEnv, layout: RecordLayout, all: readonly Member[], at: number, pre: string[], count: 'n' | '0' = '0'): string[] {
  return valueMembers(all).map((m) => `${propKey(m.name)}: ${decodeMember(ctx, env, layout, m, at, pre, count)}`);
}

function decodeMember(ctx: CodeCtx, env: RecordEnv, layout: RecordLayout, m: Member, at: number, pre: string[], count: 'n' | '0'): string {
  const branded = memberBrand(m.decl.type);
  if (!branded) return decodePlain(ctx, env, layout, m, at, pre, count);
  // The bytes hold a plain integer; the value's type says what it means (`runtime-brands.ts`).
  ctx.types.add(branded.brand);
  return `${decodePlain(ctx, env, layout, m, at, pre, count)} as ${branded.type}`;
}

function decodePlain(ctx: CodeCtx, env: RecordEnv, layout: RecordLayout, m: Member, at: number, pre: string[], count: 'n' | '0'): string {
  if (m.layout.bitWidth !== undefined && m.layout.bitOffset !== undefined && m.shape.kind === 'int') {
    const plan = bitPlan(m.layout.bitOffset, m.layout.bitWidth, m.shape.signed, layout.size);
    return readBits(ctx, 'd', 'b', { ...plan, start: plan.start < 0 ? -1 : plan.start + at, bitOffset: plan.bitOffset + at * 8 });
  }
  const offset = at + m.layout.offset;
  return decodeValue(ctx, env, m.shape, offsetExpr('b', offset), aligned8(offset), pre, m.layout.flexibleArray ? count : undefined);
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
export function holeStartBit(layout: RecordLayout, hole: RecordLayout['holes'][number]): number {
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
  const flex = all.find((m) => m.layout.flexibleArray);
  for (const hole of layout.holes) {
    const from = holeStartBit(layout, hole);
    const path = `${record.name} (padding after ${hole.after})`;
    // Tail padding after a flexible array holds its first elements when there are any.
    const unless = flex && hole.after === flex.name ? 'n === 0 && ' : '';
    if (from % 8 === 0 && hole.bits % 8 === 0) {
      lines.push(`if (${unless}${bytesSet(ctx, offsetExpr('b', from / 8), hole.bits / 8)}) ${fail(path)};`);
    } else {
      ctx.helpers.add('bitsNonZero');
      lines.push(`if (bitsNonZero(d, b, ${from}, ${hole.bits})) ${fail(path)};`);
    }
  }
  return lines;
}
