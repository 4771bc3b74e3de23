/**
 * The encoder of one record on one architecture, `enc(v, d, w, b[, n])`: what `encode` and
 * `encodeInto` call. It reads and checks every value of the record before it writes a byte, so
 * a bad value leaves the caller's buffer as it was, and then writes every byte, padding as zero.
 *
 * Nested records, union members and array elements are written inline, not called, so every
 * offset is a literal and every error names its full path (`xen_argo_ring_data.data[1].ring.aport`).
 * A member outside unions and arrays is read once, into a local the writes use. Union members
 * and array elements are read again, and checked again, when they are written: the checks
 * there cost little, and a getter that answers something else the second time gets an error
 * rather than a wrong byte.
 */
import type { RecordLayout } from '../../layout/engine.js';
import type { RecordDecl } from '../../model/types.js';
import { isDirected, optionalOnEncode } from '../../model/directions.js';
import { badBits, bitPlan, checkIntAt, local, writeBits, writeInt, type BitPlan, type CodeCtx } from './access.js';
import { str } from './names.js';
import { holeStartBit, SELF, valueMembers, type Member, type RecordEnv } from './record-code.js';
import type { Shape } from './shapes.js';

// ---- Places ---------------------------------------------------------------------------------

/** Where a value sits in the bytes: an expression based on `b`, plus a literal offset. */
interface Addr {
  base: string;
  offset: number;
  /** The base is 8-byte aligned whenever `b` is. */
  base8: boolean;
}

function addr(base: string, offset: number, base8: boolean): Addr {
  return { base, offset, base8 };
}

function expr(a: Addr, plus = 0): string {
  const offset = a.offset + plus;
  return offset === 0 ? a.base : `${a.base} + ${offset}`;
}

function moved(a: Addr, plus: number): Addr {
  return { ...a, offset: a.offset + plus };
}

/** The address of element `i` of an array at `a`: a new base, aligned when the stride keeps it so. */
function elementAddr(a: Addr, i: string, stride: number): Addr {
  return addr(`${expr(a)} + ${i} * ${stride}`, 0, a.base8 && a.offset % 8 === 0 && stride % 8 === 0);
}

function aligned8(a: Addr, plus = 0): boolean {
  return a.base8 && (a.offset + plus) % 8 === 0;
}

/** Where a value sits in the value, for messages: text and loop indexes. */
type Where = readonly (string | { index: string })[];

/** The expression of a path: a string literal, or a template literal inside loops. */
function spell(where: Where): string {
  if (where.every((p) => typeof p === 'string')) return str(where.join(''));
  const text = where.map((p) => (typeof p === 'string' ? p.replace(/[`\\$]/g, '\\$&') : `[\${${p.index}}]`)).join('');
  return `\`${text}\``;
}

// ---- Code -----------------------------------------------------------------------------------

/**
 * The two halves of an encoder: reads and checks, then writes. `first` opens the second half:
 * checks that may still fail there, since nothing has been written before them.
 */
interface Halves {
  check: string[];
  first: string[];
  write: string[];
}

function halves(): Halves {
  return { check: [], first: [], write: [] };
}

/** Both halves of one value as one run of lines, for a union member or an array element. */
function together(h: Halves): string[] {
  return [...h.check, ...h.first, ...h.write];
}

function indent(lines: string[], by = '  '): string[] {
  return lines.map((l) => `${by}${l}`);
}

function objectCheck(ctx: CodeCtx, x: string, where: Where): string {
  ctx.helpers.add('failObject');
  return `if (typeof ${x} !== 'object' || ${x} === null) failObject(${x}, ${spell(where)});`;
}

function bitsCheck(ctx: CodeCtx, ctype: string, plan: BitPlan, x: string, where: Where): string {
  const fail = plan.width > 32 ? 'failBigInt' : 'failInt';
  ctx.helpers.add(fail);
  return `if (${badBits(plan, x)}) ${fail}(${x}, ${spell(where)}, ${str(`${ctype}:${plan.width}`)}, ${plan.width});`;
}

/**
 * The code of value `x`, of `shape`, at `a`, into `out`. `top`: the value is read in the
 * encoder's own scope (not in a loop or a union member), where its locals outlive the first half.
 */
function value(ctx: CodeCtx, env: RecordEnv, shape: Shape, x: string, a: Addr, where: Where, out: Halves, top: boolean): void {
  switch (shape.kind) {
    case 'int':
      out.check.push(checkIntAt(ctx, shape, x, spell(where)));
      out.write.push(writeInt(ctx, 'd', shape, expr(a), x, aligned8(a)));
      return;
    case 'record':
      out.check.push(objectCheck(ctx, x, where));
      if (env.isUnion(shape.record)) union(ctx, env, shape.record, x, a, where, out, top);
      else struct(ctx, env, shape.record, x, a, where, out, top);
      return;
    case 'array': {
      ctx.helpers.add('checkArray');
      const list = local(ctx, 'a');
      out.check.push(`const ${list} = checkArray(${x}, ${shape.length}, ${spell(where)});`);
      elements(ctx, env, shape.element, list, String(shape.length), shape.stride, a, where, out);
      return;
    }
  }
}

/**
 * A loop over `count` elements of `list`: checked in the first half, checked again and written
 * in the second (the loop's locals do not outlive it).
 */
function elements(ctx: CodeCtx, env: RecordEnv, element: Shape, list: string, count: string, stride: number, a: Addr, where: Where, out: Halves): void {
  const pass = (write: boolean): string[] => {
    const i = local(ctx, 'i');
    const e = local(ctx, 'e');
    const inner = halves();
    value(ctx, env, element, e, elementAddr(a, i, stride), [...where, { index: i }], inner, false);
    return [`for (let ${i} = 0; ${i} < ${count}; ${i}++) {`, `  const ${e} = ${list}[${i}];`, ...indent(write ? together(inner) : inner.check), '}'];
  };
  out.check.push(...pass(false));
  out.write.push(...pass(true));
}

/** A struct's members at `a`: read once into locals and checked, then written, padding as zero. */
function struct(ctx: CodeCtx, env: RecordEnv, record: string, x: string, a: Addr, where: Where, out: Halves, top: boolean): void {
  const layout = env.layout(record);
  const all = env.members(record);
  const decls = { fields: all.map((m) => m.decl) };
  const directed = isDirected(decls);
  // Holes first: a flexible array may start inside the tail padding (xen_hypfs_dirlistentry.name at 14 of 16).
  const holes = layout.holes.flatMap((hole) => zeroPadding(ctx, layout, a, undefined, hole));
  const flexible = all.some((m) => m.layout.flexibleArray);
  if (flexible) out.write.push(...holes);
  for (const m of all) {
    const at = moved(a, m.layout.offset);
    if (m.layout.padding) {
      out.write.push(...zeroPadding(ctx, layout, a, m));
      continue;
    }
    const path = [...where, `.${m.name}`];
    if (m.layout.flexibleArray) {
      flex(ctx, env, x, m, a, path, out);
      continue;
    }
    const y = local(ctx);
    // An integer a caller need not set (an output of a directed payload) is zero when absent.
    const absent = directed && m.shape.kind === 'int' && optionalOnEncode(decls, m.decl) ? ` ?? ${m.shape.big ? '0n' : '0'}` : '';
    out.check.push(`const ${y} = ${narrowed(env, record, x, m) ?? `${x}.${m.name}${absent || (m.decl.archs ? '!' : '')}`};`);
    const plan = bitsOf(m, layout.size);
    if (plan) {
      out.check.push(bitsCheck(ctx, m.shape.kind === 'int' ? m.shape.ctype : '', plan, y, path));
      out.write.push(writeBits(ctx, 'd', expr(a), plan, y));
    } else {
      value(ctx, env, m.shape, y, at, path, out, top);
    }
  }
  if (!flexible) out.write.push(...holes);
}

/**
 * A record member whose type depends on the architecture, read as this architecture's type:
 * cast to the value type the member record's own encoder takes.
 */
function narrowed(env: RecordEnv, record: string, x: string, m: Member): string | undefined {
  if (m.shape.kind !== 'record' || !env.retyped(record, m.name)) return undefined;
  return `${x}.${m.name} as Parameters<typeof ${env.nested(m.shape.record, 'enc')}>[0]`;
}

/**
 * A flexible array member of `n` elements at the top (C allows one last in a struct). In a
 * record embedded in another (x86's PMU contexts in `xen_pmu_arch.c`) the elements would
 * overlap the bytes after the embedded record, so none are written and a value giving some is
 * refused.
 */
function flex(ctx: CodeCtx, env: RecordEnv, x: string, m: Member, a: Addr, where: Where, out: Halves): void {
  if (m.shape.kind !== 'array') throw new Error(`ts emitter: flexible member ${spell(where)} is not an array`);
  if (x !== 'v') {
    ctx.helpers.add('checkEmbeddedFlex');
    out.check.push(`checkEmbeddedFlex(${x}.${m.name}, ${spell(where)});`);
    return;
  }
  ctx.helpers.add('flexArray');
  const list = local(ctx, 'a');
  const inner = halves();
  elements(ctx, env, m.shape.element, list, 'n', m.shape.stride, moved(a, m.layout.offset), where, inner);
  // Each half takes the array in a block of its own.
  const block = (lines: string[]) => ['if (n > 0) {', `  const ${list} = flexArray(${x}.${m.name}, ${spell(where)});`, ...indent(lines), '}'];
  out.check.push(...block(inner.check));
  out.write.push(...block(inner.write));
}

/**
 * A union at `a`: in the first half, the members counted, and `j` the one set (-1: none, -2:
 * several, as decode made them); in the second, the bytes zeroed and member `j` checked and
 * written, from a read of its own. The member is checked in the first half too, unless it can be
 * checked before the second half writes anything: the first union the encoder meets at its own
 * scope, whose member is then checked and written by the only switch on `j`.
 */
function union(ctx: CodeCtx, env: RecordEnv, record: string, x: string, a: Addr, where: Where, out: Halves, top: boolean): void {
  const layout = env.layout(record);
  const members = valueMembers(env.members(record));
  const k = local(ctx, 'k');
  const j = local(ctx, 'j');
  const names = `[${members.map((m) => str(m.name)).join(', ')}]`;
  const self = env.self === record;
  const dec = self ? SELF.dec : env.nested(record, 'dec');
  const enc = self ? SELF.enc : env.nested(record, 'enc');
  const memberCode = (m: Member): Halves => {
    const h = halves();
    const y = local(ctx);
    h.check.push(`const ${y} = ${x}.${m.name}!;`);
    const plan = bitsOf(m, layout.size);
    if (plan) {
      h.check.push(bitsCheck(ctx, m.shape.kind === 'int' ? m.shape.ctype : '', plan, y, [...where, `.${m.name}`]));
      h.write.push(writeBits(ctx, 'd', expr(a), plan, y));
    } else {
      value(ctx, env, m.shape, y, a, [...where, `.${m.name}`], h, false);
    }
    return h;
  };
  const deferred = top && !ctx.deferred;
  if (deferred) ctx.deferred = true;
  ctx.helpers.add('checkDecodedUnion').add('checkEmptyUnion').add('encodeDecodedUnion');
  out.check.push(`let ${k} = 0;`, `let ${j} = -1;`);
  members.forEach((m, i) => {
    out.check.push(`if (${x}.${m.name} !== undefined) {`, `  ${k}++;`, `  ${j} = ${i};`, ...(deferred ? [] : indent(memberCode(m).check)), '}');
  });
  out.check.push(
    `if (${k} > 1) {`,
    `  checkDecodedUnion(${x}, ${k}, ${layout.size}, ${spell(where)}, ${names}, ${dec}, ${enc});`,
    `  ${j} = -2;`,
    `} else if (${k} === 0) checkEmptyUnion(${x}, ${spell(where)});`,
  );
  const zero = zeroBytes(ctx, expr(a), layout.size);
  const cases = members.flatMap((m, i) => {
    const h = memberCode(m);
    return [`  case ${i}: {`, ...indent([...h.check, ...h.first, ...zero, ...h.write], '    '), '    break;', '  }'];
  });
  (deferred ? out.first : out.write).push(
    `if (${j} === -2) {`,
    `  encodeDecodedUnion(${x}, 2, d, w, ${expr(a)}, ${layout.size}, ${spell(where)}, ${names}, ${dec}, ${enc}${tailPadding(layout)});`,
    '} else {',
    `  switch (${j}) {`,
    ...indent(cases),
    '    default:',
    ...indent(zero, '      '),
    '  }',
    '}',
  );
}

function bitsOf(m: Member, size: number): BitPlan | undefined {
  if (m.layout.bitWidth === undefined || m.layout.bitOffset === undefined || m.shape.kind !== 'int') return undefined;
  return bitPlan(m.layout.bitOffset, m.layout.bitWidth, m.shape.signed, size);
}

// ---- Zero -----------------------------------------------------------------------------------

/** Records up to this many bytes are zeroed by straight-line 32-bit stores rather than a call. */
const UNROLL_ZERO = 64;

/** Statements writing zero to `size` bytes at `at`. */
export function zeroBytes(ctx: CodeCtx, at: string, size: number): string[] {
  if (size > 0) ctx.touches = true;
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

/** Statements writing zero to a padding member or a hole of a record at `a`. */
function zeroPadding(ctx: CodeCtx, layout: RecordLayout, a: Addr, m: Member | undefined, hole?: RecordLayout['holes'][number]): string[] {
  if (m && m.layout.bitWidth !== undefined && m.layout.bitOffset !== undefined) {
    return [writeBits(ctx, 'd', expr(a), bitPlan(m.layout.bitOffset, m.layout.bitWidth, false, layout.size), '0')];
  }
  if (m) return zeroBytes(ctx, expr(a, m.layout.offset), m.layout.size);
  const from = holeStartBit(layout, hole!);
  if (from % 8 === 0 && hole!.bits % 8 === 0) return zeroBytes(ctx, expr(a, from / 8), hole!.bits / 8);
  ctx.helpers.add('writeBits');
  ctx.touches = true;
  return [`writeBits(d, ${expr(a)}, ${from}, ${hole!.bits}, 0);`];
}

// ---- The encoder ----------------------------------------------------------------------------

/**
 * The body of `enc(v, d, w, b[, n])`. An encoder that would write only through the word array
 * first touches the `DataView`: a word store to a detached buffer is dropped without a word,
 * where the `DataView` throws.
 */
export function encodeBody(ctx: CodeCtx, env: RecordEnv, record: RecordDecl, layout: RecordLayout): string[] {
  const out = halves();
  const at = addr('b', 0, true);
  if (layout.kind === 'union') union(ctx, env, record.name, 'v', at, [record.name], out, true);
  else struct(ctx, env, record.name, 'v', at, [record.name], out, true);
  const guard = ctx.words && !ctx.touches ? ['// A detached buffer throws here, where word stores to it would be dropped.', 'd.getUint8(b);'] : [];
  return [...out.check, ...guard, ...out.first, ...out.write];
}

/** `, 12` when a union ends in tail padding at byte 12 (no member covers it), else nothing. */
function tailPadding(layout: RecordLayout): string {
  const tail = layout.holes.find((h) => h.tail && h.size > 0);
  return tail && tail.offset < layout.size ? `, ${tail.offset}` : '';
}
