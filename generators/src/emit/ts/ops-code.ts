/**
 * Op sets dispatched through a record (`xen_dm_op` for XEN_DMOP, `evtchn_op` for EVTCHNOP):
 * per architecture, an encoder that writes the op number and the payload member its `op`
 * names, a decoder that reads the op number and builds the matching variant in one object
 * literal, and a strict check of the dispatch record's and the payload's padding.
 */
import { ARCHES } from '../../model/arch.js';
import { memberBrand } from './brands.js';
import type { Arch, ConstantSetDecl, OpMember } from '../../model/types.js';
import { checkInt, newCtx, readInt, writeInt, offsetExpr, type CodeCtx } from './access.js';
import { opName, opSetBase, propKey, str } from './names.js';
import { zeroBytes } from './encode-code.js';
import { decodeProps, valueMembers, type Member } from './record-code.js';
import type { Variants } from './variants.js';

/** An op that travels inside the dispatch record. */
export interface DispatchedOp {
  name: string;
  number: string;
  member: string;
  record: string;
}

export interface OpVariant {
  index: number;
  archs: Arch[];
  enc: string[];
  dec: string[];
  chk: string[];
  helpers: Set<string>;
  /** Runtime types the functions name (brands). */
  types: Set<string>;
  refs: Map<string, string>;
  size: number;
}

/** The dispatch plan of a set: which ops go through the record, and the record's op and payload members. */
export interface Dispatch {
  set: ConstantSetDecl;
  base: string;
  record: string;
  opField: string;
  payloadField: string;
  ops: DispatchedOp[];
  /** Members of the dispatch record other than the op, the payload and padding, carried in every variant. */
  common: string[];
  /** The payloads go under `arg` instead of beside `op`, because one of them has a member named `op`. */
  nested: boolean;
}

/** True when some payload of the set has a member named `op` (or `arg`), so payloads cannot sit beside the discriminant. */
export function nestsPayload(set: ConstantSetDecl, variants: Variants, reserved: readonly string[] = []): boolean {
  return (set.ops ?? []).some((o) => o.record && variants.decl(o.record).fields.some((f) => f.name === 'op' || reserved.includes(f.name)));
}

export function dispatchOf(set: ConstantSetDecl, value: (constant: string) => string, variants: Variants): Dispatch | undefined {
  if (!set.dispatch || !set.dispatch.payloadField) return undefined;
  const { record, opField, payloadField } = set.dispatch;
  const ops = (set.ops ?? [])
    .map((o) => ({ ...o, record: payloadRecord(set, o, variants) }))
    .filter((o): o is Required<OpMember> => !!o.member && !!o.record)
    .map((o) => ({ name: opName(set, o.constant, o.member), number: value(o.constant), member: o.member, record: o.record }));
  const decl = variants.decl(record);
  const common = decl.fields.filter((f) => !f.padding && f.name !== opField && f.name !== payloadField).map((f) => f.name);
  if (common.includes('arg')) throw new Error(`ts emitter: ${record}.arg clashes with the \`arg\` of ${set.name} variants`);
  return { set, base: opSetBase(set.name), record, opField, payloadField, ops, common, nested: nestsPayload(set, variants, common) };
}

/**
 * The argument record of an op: the one the model names, or else the record type of the
 * payload member it travels in (an op whose member changed type over the releases names only
 * the member).
 */
export function payloadRecord(set: ConstantSetDecl, op: OpMember, variants: Variants): string | undefined {
  const payloadField = set.dispatch?.payloadField;
  if (op.record || !op.member || !set.dispatch || !payloadField) return op.record;
  const payload = variants.decl(set.dispatch.record).fields.find((f) => f.name === payloadField)?.type;
  const member = payload?.kind === 'record' ? variants.decl(payload.name).fields.find((f) => f.name === op.member) : undefined;
  return member?.type.kind === 'record' ? member.type.name : undefined;
}

/** The variants of a dispatched op set, one per distinct layout. */
export function opVariants(plan: Dispatch, variants: Variants): OpVariant[] {
  const out: OpVariant[] = [];
  const seen = new Map<string, OpVariant>();
  for (const arch of ARCHES.filter((a) => variants.archs(plan.record).includes(a))) {
    const made = makeOpVariant(plan, variants, arch);
    const key = JSON.stringify([made.enc, made.dec, made.chk]);
    const known = seen.get(key);
    if (known) known.archs.push(arch);
    else {
      const v = { ...made, index: out.length, archs: [arch] };
      seen.set(key, v);
      out.push(v);
    }
  }
  return out;
}

function field(all: Member[], name: string, where: string): Member {
  const m = all.find((x) => x.name === name);
  if (!m) throw new Error(`ts emitter: ${where} has no member ${name}`);
  return m;
}

function makeOpVariant(plan: Dispatch, variants: Variants, arch: Arch): Omit<OpVariant, 'index' | 'archs'> {
  const refs = new Map<string, string>();
  const env = variants.env(arch, refs);
  const all = variants.members(plan.record, arch);
  const opMember = field(all, plan.opField, plan.record);
  const payload = field(all, plan.payloadField, plan.record);
  if (opMember.shape.kind !== 'int' || opMember.shape.big) throw new Error(`ts emitter: ${plan.record}.${plan.opField} must be an integer of at most 32 bits`);
  const opShape = opMember.shape;
  const opAt = offsetExpr('b', opMember.layout.offset);
  const commons = valueMembers(all).filter((m) => plan.common.includes(m.name));
  const enc = newCtx();
  const dec = newCtx();
  const chk = newCtx();
  const encLines = [...zeroBytes(enc, 'b', variants.layout(plan.record, arch).size), 'switch (v.op) {'];
  const decPre = [`const op = ${readInt(dec, 'd', opShape, opAt, false)};`, 'switch (op) {'];
  const chkLines: string[] = [];
  // An op whose payload record exists on some architectures only (domctl's x86 cpu_policy) is
  // encoded and decoded there; elsewhere it is an op number the architecture has no payload for.
  const ops = plan.ops.filter((op) => variants.archs(op.record).includes(arch));
  for (const op of ops) {
    encLines.push(`  case ${str(op.name)}:`, `    ${writeInt(enc, 'd', opShape, opAt, op.number, false)}`);
    const payloadAt = offsetExpr('b', payload.layout.offset);
    if (plan.nested) {
      enc.helpers.add('failObject');
      encLines.push(`    if (typeof v.arg !== 'object' || v.arg === null) failObject(v.arg, ${str(`${plan.set.name}.arg`)});`);
    }
    encLines.push(`    ${env.nested(op.record, 'enc')}(${plan.nested ? 'v.arg' : 'v'}, d, w, ${payloadAt});`, '    break;');
    const pre: string[] = [];
    const payloadProps = plan.nested
      ? [`arg: ${env.nested(op.record, 'dec')}(d, w, ${payloadAt})`]
      : decodeProps(dec, env, variants.layout(op.record, arch), variants.members(op.record, arch), payload.layout.offset, pre);
    const props = [`op: ${str(op.name)}`, ...commonProps(dec, commons), ...payloadProps];
    decPre.push(`  case ${op.number}: {`, ...pre.map((l) => `    ${l}`), `    return {\n      ${props.join(',\n      ')},\n    };`, '  }');
  }
  enc.helpers.add('failOpName');
  encLines.push('  default:', `    failOpName(${str(plan.set.name)}, (v as { op: unknown }).op);`, '}');
  for (const m of commons) {
    const x = `v.${m.name}`;
    if (m.shape.kind !== 'int') throw new Error(`ts emitter: ${plan.record}.${m.name}: only integer members may sit beside the op`);
    encLines.push(checkInt(enc, m.shape, x, `${plan.record}.${m.name}`), writeInt(enc, 'd', m.shape, offsetExpr('b', m.layout.offset), x, false));
  }
  dec.helpers.add('failOp');
  decPre.push('  default:', `    return failOp(${str(plan.set.name)}, ${str(`${plan.record}.${plan.opField}`)}, op);`, '}');
  if (variants.variant(plan.record, arch).chk.length) chkLines.push(`${env.nested(plan.record, 'chk')}(d, b);`);
  const checked = ops.filter((op) => variants.variant(op.record, arch).chk.length);
  if (checked.length) {
    chkLines.push(`switch (${readInt(chk, 'd', opShape, opAt, false)}) {`);
    for (const op of checked) chkLines.push(`  case ${op.number}:`, `    ${env.nested(op.record, 'chk')}(d, ${offsetExpr('b', payload.layout.offset)});`, '    break;');
    chkLines.push('}');
  }
  const words = (lines: string[], used: boolean) => (used ? ['const w8 = alignedWords(w, b);', ...lines] : lines);
  const helpers = new Set([...enc.helpers, ...dec.helpers, ...chk.helpers]);
  if (enc.words || dec.words) helpers.add('alignedWords');
  return {
    enc: words(encLines, enc.words),
    dec: words(decPre, dec.words),
    chk: chkLines,
    helpers,
    types: new Set([...enc.types, ...dec.types, ...chk.types]),
    refs,
    size: variants.layout(plan.record, arch).size,
  };
}

function commonProps(ctx: CodeCtx, commons: Member[]): string[] {
  return commons.map((m) => {
    if (m.shape.kind !== 'int') throw new Error(`ts emitter: only integer members may sit beside the op`);
    const read = readInt(ctx, 'd', m.shape, offsetExpr('b', m.layout.offset), m.layout.offset % 8 === 0);
    const branded = memberBrand(m.decl.type);
    if (branded) ctx.types.add(branded.brand);
    return `${propKey(m.name)}: ${branded ? `${read} as ${branded.type}` : read}`;
  });
}

