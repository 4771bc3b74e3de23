/**
 * What `xenabi verify` asks the compiler, built from the model as one release has it: for
 * every record its size and alignment, and every member's offset and size (the
 * bit position of bit-fields, the alignment of inline records, the signedness of integer
 * members); for every typedef its size, alignment and signedness; for every constant its
 * value and the size and signedness of its C type. Each check carries the number the
 * layout engine gives and a C expression over Xen's names that gives Xen's.
 */
import { archScalarChecks, recordChecks, type LayoutCheck } from '../emit/c/layout-checks.js';
import { COMMON_MODULE, declarationOrder } from '../emit/c/view-model.js';
import { memberExpression, recordTypeName } from '../emit/c/names.js';
import { DATA_MODELS } from '../layout/datamodels.js';
import { ArchLayout } from '../layout/engine.js';
import { onArch } from '../model/arch.js';
import type { AliasDecl, Arch, ConstantDecl, IntegerCType, MacroDecl, ModuleDecl, Namespace, RecordDecl, SourceLocation, TypeRef } from '../model/types.js';
import { evaluateMacro } from '../model/macros.js';
import type { ReleaseModel } from '../select/release.js';
import { C_TYPES, constantTypeExpression } from './c-types.js';

export type CheckWhat = 'size' | 'align' | 'offset' | 'bits' | 'signed' | 'value' | 'type';

/** The registry item a check is about, and where it is declared. */
export interface CheckSubject {
  kind: 'record' | 'field' | 'typedef' | 'constant';
  /** The item as findings name it: a record, `record.member.path`, a typedef or a constant. */
  item: string;
  /** The record a member belongs to: absent with it, reported once. */
  owner?: string;
  namespace: Namespace;
  module: string;
  loc: SourceLocation;
}

/** One number of ours that Xen's headers must reproduce. */
export interface VerifyCheck {
  subject: CheckSubject;
  what: CheckWhat;
  /**
   * How the compiler gives Xen's number: an integer constant expression, a record's bytes with
   * one bit-field set, or the bytes of a string literal (a `char` array initialised with it).
   */
  probe: { kind: 'value'; expr: string } | { kind: 'bits'; type: string; path: string } | { kind: 'text'; expr: string };
  /**
   * Ours, as the probe reads it back: unsigned 64 bits (for bits, `bitOffset * 256 + bitWidth`;
   * for a constant's type, `typeCode`; for text, `textNumber` of its bytes and the NUL).
   */
  expected: bigint;
  /** How ours is shown, when not the number (`unsigned int`, `bits 3:2`). */
  shown?: string;
}

export interface CheckCounts {
  records: number;
  members: number;
  typedefs: number;
  constants: number;
}

export interface ArchChecks {
  arch: Arch;
  /** Xen headers to include, under the include root: `xen/xen.h` and each module's header. */
  includes: string[];
  checks: VerifyCheck[];
  counts: CheckCounts;
}

/** Which items go into a set of checks (`verify` keeps those a guest sees for plain mode). */
export type ItemFilter = (item: Pick<RecordDecl, 'namespace' | 'xenOrigin' | 'toolsOnlyBefore' | 'toolsOnlySince'>, module: ModuleDecl, arch: Arch) => boolean;

/** Every check of the model on one architecture. */
export function verifyChecks(model: ReleaseModel, arch: Arch, keep: ItemFilter = () => true): ArchChecks {
  const layout = new ArchLayout(model, arch);
  const checks: VerifyCheck[] = [];
  const counts: CheckCounts = { records: 0, members: 0, typedefs: 0, constants: 0 };
  const records = new Map(model.records.map((r) => [r.name, r]));
  // A typedef spelled per architecture (`xen_callback_t`) is checked as this architecture spells it.
  const aliases = new Map(model.aliases.filter((a) => onArch(a, arch)).map((a) => [a.name, a]));
  const headers = new Set(['xen/xen.h']);
  // Linux's interface is not in Xen's headers: compat-tests/linux-headers checks it against Linux's.
  for (const m of model.modules.filter((mod) => onArch(mod, arch) && mod.namespace !== 'linux')) {
    const before = checks.length;
    if (m.name === COMMON_MODULE && keep(m, m, arch)) {
      for (const name of ['xen_ulong_t', 'xen_pfn_t'] as const) checks.push(...archScalarChecks(m.name, name, layout).map((c) => fromLayout(c, { kind: 'typedef', item: name, namespace: m.namespace, module: m.name, loc: m.loc })));
    }
    for (const name of declarationOrder(m)) {
      const record = records.get(name);
      if (record && record.module === m.name && layout.has(name) && keep(record, m, arch)) {
        checks.push(...recordVerifyChecks(model, record, layout, counts));
        continue;
      }
      const alias = aliases.get(name);
      if (alias && alias.module === m.name && onArch(alias, arch) && keep(alias, m, arch)) {
        counts.typedefs += 1;
        checks.push(...aliasChecks(model, alias, layout));
        continue;
      }
      const constant = model.constants.find((c) => c.name === name && c.module === m.name);
      if (constant && onArch(constant, arch) && keep(constant, m, arch)) {
        counts.constants += 1;
        checks.push(...constantChecks(constant, arch));
      }
    }
    for (const macro of (model.macros ?? []).filter((x) => x.module === m.name && x.namespace === m.namespace && onArch(x, arch) && keep(x, m, arch))) {
      counts.constants += 1;
      checks.push(...macroChecks(model, macro));
    }
    if (checks.length > before) headers.add(`xen/${m.xenHeader}`);
  }
  return { arch, includes: [...headers], checks, counts };
}

/**
 * A function-like macro, called with each of its sample arguments: Xen's result, reduced to the
 * macro's width, must be the one its body gives (a macro Xen lacks does not compile: absent).
 */
function macroChecks(model: ReleaseModel, macro: MacroDecl): VerifyCheck[] {
  const constant = (name: string) => BigInt(model.constants.find((c) => c.name === name && c.module === macro.module)?.value ?? '0');
  const mask = `0x${((1n << BigInt(macro.width)) - 1n).toString(16)}ULL`;
  return macro.samples.map((args) => {
    const call = `${macro.name}(${args.join(', ')})`;
    const subject: CheckSubject = { kind: 'constant', item: call, namespace: macro.namespace, module: macro.module, loc: macro.loc };
    const expected = evaluateMacro(macro, args.map(BigInt), constant);
    return { subject, what: 'value', probe: { kind: 'value', expr: `((unsigned long long)(${call}) & ${mask})` }, expected };
  });
}

function fromLayout(c: LayoutCheck, subject: CheckSubject): VerifyCheck {
  return { subject, what: c.what, probe: { kind: 'value', expr: c.expr }, expected: BigInt(c.expected) };
}

/** Size, alignment and typedef of a record; offset, size, bits, alignment and signedness of its members. */
function recordVerifyChecks(model: ReleaseModel, record: RecordDecl, layout: ArchLayout, counts: CheckCounts): VerifyCheck[] {
  const type = recordTypeName(record);
  const subject = (path: string): CheckSubject => ({
    kind: path ? 'field' : 'record',
    item: path ? `${record.name}.${path}` : record.name,
    ...(path ? { owner: record.name } : {}),
    namespace: record.namespace,
    module: record.module,
    loc: path ? fieldLoc(model, record, path) : record.loc,
  });
  const out = recordChecks(record.module, record, layout, type).map((c) => fromLayout(c, subject(c.field)));
  counts.records += 1;
  for (const m of layout.members(record.name)) {
    counts.members += 1;
    if (m.record) counts.records += 1;
    if (m.bitField) {
      out.push({ subject: subject(m.path), what: 'bits', probe: { kind: 'bits', type, path: m.path }, expected: bitsValue(m.bitOffset ?? 0, m.bitWidth ?? 0), shown: bitsText(m.bitOffset ?? 0, m.bitWidth ?? 0) });
      continue;
    }
    const signed = integerSignedness(model, memberType(model, record, m.path), layout.arch);
    if (signed !== undefined) out.push({ subject: subject(m.path), what: 'signed', probe: { kind: 'value', expr: signednessExpression(`XENABI_TYPEOF(${memberExpression(type, m.path)})`) }, expected: signed ? 1n : 0n, shown: signed ? 'signed' : 'unsigned' });
  }
  return out;
}

function aliasChecks(model: ReleaseModel, alias: AliasDecl, layout: ArchLayout): VerifyCheck[] {
  const subject: CheckSubject = { kind: 'typedef', item: alias.name, namespace: alias.namespace, module: alias.module, loc: alias.loc };
  const sa = layout.sizeAlign({ kind: 'alias', name: alias.name });
  const out: VerifyCheck[] = [
    { subject, what: 'size', probe: { kind: 'value', expr: `sizeof(${alias.name})` }, expected: BigInt(sa.size) },
    { subject, what: 'align', probe: { kind: 'value', expr: `XENABI_ALIGNOF(${alias.name})` }, expected: BigInt(sa.align) },
  ];
  const signed = integerSignedness(model, alias.type, layout.arch);
  if (signed !== undefined) out.push({ subject, what: 'signed', probe: { kind: 'value', expr: signednessExpression(alias.name) }, expected: signed ? 1n : 0n, shown: signed ? 'signed' : 'unsigned' });
  return out;
}

function constantChecks(constant: ConstantDecl, arch: Arch): VerifyCheck[] {
  const subject: CheckSubject = { kind: 'constant', item: constant.name, namespace: constant.namespace, module: constant.module, loc: constant.loc };
  const cType = constant.cType;
  // A string macro is compared byte for byte, terminating NUL included; a macro that is no string literal does not compile and is reported absent.
  if (cType === 'string') return [{ subject, what: 'value', probe: { kind: 'text', expr: constant.name }, expected: textNumber(textBytes(constant.values?.[arch] ?? constant.value)), shown: 'text' }];
  return [
    { subject, what: 'value', probe: { kind: 'value', expr: constant.name }, expected: BigInt.asUintN(64, BigInt(constant.values?.[arch] ?? constant.value)) },
    { subject, what: 'type', probe: { kind: 'value', expr: constantTypeExpression(constant.name, cType) }, expected: typeCode(cType, true), shown: cType },
  ];
}

/** A text's bytes as C stores the literal: ASCII, then the terminating NUL. */
export function textBytes(text: string): Uint8Array {
  return Uint8Array.from([...Buffer.from(text, 'latin1'), 0]);
}

/** Bytes as one number, so a text compares like any other check: a leading 1, then each byte, big-endian. */
export function textNumber(bytes: Uint8Array): bigint {
  let n = 1n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** The text of a `textNumber`, without the terminating NUL, as a C string literal shows it. */
export function numberText(n: bigint): string {
  const bytes: number[] = [];
  for (let rest = n; rest >= 256n; rest >>= 8n) bytes.unshift(Number(rest & 0xffn));
  if (bytes.at(-1) === 0) bytes.pop();
  return JSON.stringify(String.fromCharCode(...bytes));
}

/** The expected value of a constant's type probe: "same size and signedness" and our type's code. */
export function typeCode(cType: IntegerCType, compatible: boolean): bigint {
  return BigInt((compatible ? 16 : 0) + C_TYPES.indexOf(cType) + 1);
}

/** A bit-field's position as one number: its first bit times 256 plus its width. */
export function bitsValue(bitOffset: number, bitWidth: number): bigint {
  return BigInt(bitOffset) * 256n + BigInt(bitWidth);
}

export function bitsText(bitOffset: number, bitWidth: number): string {
  return `bit ${bitOffset}, ${bitWidth} wide`;
}

/** 1 when the (integer) type is signed: `(T)-1 < 0`. */
function signednessExpression(type: string): string {
  return `((${type})-1 < 0)`;
}

/** Whether a type is a signed integer, an unsigned one, or no integer at all (undefined). */
export function integerSignedness(model: Pick<ReleaseModel, 'aliases'>, type: TypeRef | undefined, arch?: Arch): boolean | undefined {
  for (let depth = 0; type && depth < 16; depth++) {
    // Plain char is signed or not as the architecture's data model says (signed on x86, not on Arm).
    if (type.kind === 'scalar' && type.name === 'char') return arch === undefined ? undefined : DATA_MODELS[arch].charSigned;
    if (type.kind === 'scalar') return type.name.startsWith('int');
    if (type.kind === 'archScalar') return type.name === 'int64_aligned_t';
    if (type.kind !== 'alias') return undefined;
    const name = type.name;
    type = model.aliases.find((a) => a.name === name && (arch === undefined || onArch(a, arch)))?.type;
  }
  return undefined;
}

/** The declared type of a member reached by `path` through inline records. */
function memberType(model: ReleaseModel, record: RecordDecl, path: string): TypeRef | undefined {
  return memberField(model, record, path)?.type;
}

/** The field a member path names, through inline (and anonymous) records. */
function memberField(model: ReleaseModel, record: RecordDecl, path: string) {
  let current: RecordDecl | undefined = record;
  const parts = path.split('.');
  for (let i = 0; current && i < parts.length; i++) {
    const found = findField(model, current, parts[i] ?? '');
    if (!found) return undefined;
    if (i === parts.length - 1) return found;
    current = found.type.kind === 'record' ? model.records.find((r) => r.name === (found.type as { name: string }).name) : undefined;
  }
  return undefined;
}

/** A named field of a record, looking into its anonymous members as C does. */
function findField(model: ReleaseModel, record: RecordDecl, name: string): RecordDecl['fields'][number] | undefined {
  for (const f of record.fields) {
    if (f.name === name) return f;
    if (f.name === '' && f.type.kind === 'record') {
      const inner = model.records.find((r) => r.name === (f.type as { name: string }).name);
      const found = inner ? findField(model, inner, name) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** Where a member is declared: its field, else the record. */
function fieldLoc(model: ReleaseModel, record: RecordDecl, path: string): SourceLocation {
  return memberField(model, record, path)?.loc ?? record.loc;
}
