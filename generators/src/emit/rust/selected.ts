/**
 * The typed form of a record holding unions each selected by another of its members
 * (`model/selectors.ts`): a struct with the record's members, each union replaced by an enum of
 * its selected members (`EvtchnStatusU::Pirq(u32)`), or by the one member that always carries
 * its bytes; and `TaggedRecord` for it, writing and reading the record's bytes through the
 * member in use and refusing one the selecting member does not name. Plain strings for
 * `_selected.hbs`: offsets are Rust's `offset_of!` of the asserted layout, so nothing here
 * computes one.
 */
import type { RecordDecl, SelectedArm, UnionSelector } from '../../model/types.js';
import { ownerPath, type RustContext } from './context.js';
import { selectedUnions } from '../../model/selectors.js';
import { constantType, integerTypeOf } from './constants.js';
import { planOpSet } from '../../names/op-plan.js';
import { opSetBase } from '../../names/ops.js';
import { setTypeName } from '../../names/sets.js';
import { code, ident, recordName } from './names.js';
import { camelCase } from './ops.js';
import type { FieldView, RecordView } from './records.js';

export interface SelectedArmView {
  /** `cfg` lines of the member (and of the union's field). */
  cfgs: string[];
  docs: string[];
  variant: string;
  member: string;
  type: string;
  /** Whether the selecting member names this arm: of the typed value, and of the record read. */
  encodeTest: string;
  decodeTest: string;
  /** The arm in use when no other is. */
  otherwise: boolean;
  /** For the tests: the statement that makes `v`'s selecting member name this arm ("" for `otherwise`). */
  tagStatement: string;
}

export interface SelectedUnionView {
  field: string;
  cfg: string;
  unionType: string;
  /** The enum of the members, absent when one member always carries the bytes. */
  enumName?: string;
  enumDocs: string[];
  /** The selecting member, absent for an always-member union. */
  by?: string;
  arms: SelectedArmView[];
  /** Whether a value the selecting member names no arm for keeps the bytes as `Unselected`. */
  unselected: boolean;
  /** The variant of the `otherwise` arm, when there is one. */
  otherwise?: string;
  /** No arm is named: of the typed value, and of the record read. */
  encodeNone: string;
  decodeNone: string;
}

export interface SelectedRecordView {
  docs: string[];
  cfg: string;
  name: string;
  record: string;
  fields: (FieldView & { union?: SelectedUnionView })[];
  unions: SelectedUnionView[];
  /** Whether some member is not a union, read from the record as it is. */
  readsRecord: boolean;
}

/** The typed form of `record`, when its unions are all selected; `recordView` supplies the Rust views of the record and of each union. */
export function selectedRecordView(
  ctx: RustContext,
  record: RecordDecl,
  view: Pick<RecordView, 'fields' | 'cfg'>,
  unionView: (union: RecordDecl) => Pick<RecordView, 'fields' | 'cfg' | 'name'>,
): SelectedRecordView | undefined {
  if (record.kind !== 'struct' || !record.fields.some((f) => f.type.kind === 'record' && ctx.records.get(f.type.name)?.kind === 'union')) return undefined;
  const selectors = selectedUnions(ctx, record);
  if (!selectors) return undefined;
  const name = typedFormName(ctx, record);
  const unions = selectors.map((s) => unionPart(ctx, record, s, name, view, unionView));
  return {
    docs: [
      `${code(recordName(record))} with each union typed through the member in use: built and read without ${code('unsafe')}.`,
      `${code('to_bytes')} (of ${code('TaggedRecord')}) writes the record and refuses a union member its selecting member does not name.`,
    ],
    cfg: view.cfg,
    name,
    record: recordName(record),
    fields: view.fields.map((f) => {
      const union = unions.find((u) => u.field === f.name);
      return union ? { ...f, type: union.enumName ?? union.arms[0]!.type, union } : { ...f, union: undefined };
    }),
    unions,
    readsRecord: view.fields.some((f) => !unions.some((u) => u.field === f.name)),
  };
}

/**
 * The typed form's name: the record's in CamelCase (`EvtchnStatus`), with `Typed` after it when
 * a type the crate declares in the same module already has that name (an op set's enum, a value
 * set's type), so a new module cannot make two items collide.
 */
export function typedFormName(ctx: RustContext, record: RecordDecl): string {
  const plain = camelCase(recordName(record));
  const taken = new Set(
    ctx.model.sets
      .filter((s) => s.module === record.module && s.namespace === record.namespace)
      .flatMap((s) => (s.kind === 'ops' ? [opSetBase(s.name)] : [setTypeName(s), setTypeName(s, () => true)])),
  );
  const free = (name: string) => !taken.has(name) && !ctx.records.has(name);
  const unionEnums = record.fields.filter((f) => f.type.kind === 'record').map((f) => `${plain}${camelCase(f.name)}`);
  return free(plain) && unionEnums.every(free) ? plain : `${plain}Typed`;
}

function unionPart(
  ctx: RustContext,
  record: RecordDecl,
  selector: UnionSelector,
  base: string,
  view: Pick<RecordView, 'fields'>,
  unionView: (union: RecordDecl) => Pick<RecordView, 'fields' | 'cfg' | 'name'>,
): SelectedUnionView {
  const field = record.fields.find((f) => f.name === selector.union)!;
  const union = ctx.records.get((field.type as { name: string }).name)!;
  const members = unionView(union);
  const fieldCfg = view.fields.find((f) => f.name === ident(field.name))?.cfg ?? '';
  const by = selector.by === undefined ? undefined : selectingField(ctx, record, selector.by);
  // A constant newer than the record is not declared under every feature the record is: such a
  // value reads as no member named (sound, only less typed), so the code never names it.
  const known = ctx.releases.known;
  const everywhere = (c: string) => {
    const decl = ctx.constants.get(c);
    return !!decl && !decl.until && !decl.archs && known.indexOf(decl.since) <= known.indexOf(record.since);
  };
  const usable = selector.arms
    .map((arm) => (arm.values ? { ...arm, values: arm.values.filter(everywhere) } : arm))
    .filter((arm) => (arm.values ? arm.values.length > 0 : arm.flag ? everywhere(arm.flag) : true));
  selector = { ...selector, arms: usable };
  const at = (tag: string) => {
    const tests = selector.arms.map((arm) => armTest(ctx, record, arm, tag));
    const named = tests.filter((t) => t !== undefined);
    return { tests, none: named.length ? `!(${named.map((t) => `(${t})`).join(' || ')})` : 'true' };
  };
  const tagStatements = selector.arms.map((arm) => (by ? tagStatement(ctx, record, arm, by) : ''));
  const encode = at(by ? `i128::from(self.${by})` : '');
  const decode = at(by ? `i128::from(record.${by})` : '');
  const arms = selector.arms.flatMap((arm, i) => {
    const member = members.fields.find((m) => m.name === ident(arm.member));
    if (!member) return [];
    const variant = camelCase(arm.member.replace(/^_+/, ''));
    return [{ cfgs: [fieldCfg, member.cfg].filter(Boolean), docs: armDocs(selector, arm), variant, member: member.name, type: member.type, otherwise: !!arm.otherwise, tagStatement: tagStatements[i]!, encodeTest: encode.tests[i] ?? encode.none, decodeTest: decode.tests[i] ?? decode.none }];
  });
  return {
    field: ident(field.name),
    cfg: members.cfg,
    unionType: members.name,
    enumName: by ? `${base}${camelCase(field.name)}` : undefined,
    by,
    enumDocs: [`The member of ${code(`${record.name}.${field.name}`)} in use, as ${code(selector.by ?? '')} names it.`],
    arms,
    unselected: !selector.arms.some((a) => a.otherwise),
    otherwise: arms.find((a) => a.otherwise)?.variant,
    encodeNone: encode.none,
    decodeNone: decode.none,
  };
}

/** The selecting member, an integer; the typed form compares its value with constants. */
function selectingField(ctx: RustContext, record: RecordDecl, by: string): string {
  const f = record.fields.find((x) => x.name === by)!;
  if (f.bitWidth !== undefined || !integerTypeOf(f.type, ctx)) throw new Error(`rust emitter: ${record.name}.${by} selects a union member but is not a plain integer member`);
  return ident(by);
}

/** A constant as the record's module spells it. */
function constantIn(ctx: RustContext, record: RecordDecl, name: string): string {
  const decl = ctx.constants.get(name);
  return decl && (decl.module !== record.module || decl.namespace !== record.namespace) ? `${ownerPath(decl)}::${ident(name)}` : ident(name);
}

function tagStatement(ctx: RustContext, record: RecordDecl, arm: SelectedArm, by: string): string {
  const constant = (name: string) => constantIn(ctx, record, name).replace(/^crate::/, 'xenabi::');
  if (arm.values) return `v.${by} = i128::from(${constant(arm.values[0]!)}) as _;`;
  if (arm.flag) return `v.${by} = (i128::from(v.${by}) | i128::from(${constant(arm.flag)})) as _;`;
  return '';
}

function armTest(ctx: RustContext, record: RecordDecl, arm: SelectedArm, tag: string): string | undefined {
  const constant = (name: string) => constantIn(ctx, record, name);
  if (arm.values) return arm.values.map((c) => `${tag} == i128::from(${constant(c)})`).join(' || ');
  if (arm.flag) return `${tag} & i128::from(${constant(arm.flag)}) != 0`;
  return undefined;
}

function armDocs(selector: UnionSelector, arm: SelectedArm): string[] {
  const by = code(selector.by ?? '');
  if (arm.values) return [`${code(arm.member)}: when ${by} is ${arm.values.map(code).join(' or ')}.`];
  if (arm.flag) return [`${code(arm.member)}: when ${by} has ${code(arm.flag)} set.`];
  return [selector.by ? `${code(arm.member)}: when ${by} names no other member.` : `${code(arm.member)}: the member that always carries the union's bytes.`];
}

export interface SelectedTestView {
  cfgs: string[];
  testModule: string;
  path: string;
  name: string;
  record: string;
  /** One block per selected member: it goes through its bytes, and another member with the same selector is refused. */
  blocks: { cfgs: string[]; lines: string[] }[];
}

/** The `tests/tagged.rs` entry of a record's typed form. */
export function selectedTestView(path: string, testModule: string, cfgs: readonly string[], view: SelectedRecordView): SelectedTestView {
  const blocks = view.unions.flatMap((u) => (u.enumName ? u.arms.map((arm, i) => armBlock(view, u, arm, u.arms[(i + 1) % u.arms.length]!)) : []));
  return { cfgs: cfgs.filter(Boolean), testModule, path: path.replace(/^crate::/, 'xenabi::'), name: view.name, record: view.record, blocks };
}

function armBlock(view: SelectedRecordView, u: SelectedUnionView, arm: SelectedArmView, other: SelectedArmView): { cfgs: string[]; lines: string[] } {
  const wrong = other !== arm ? `${u.enumName}::${other.variant}(patterned())` : u.unselected ? `${u.enumName}::Unselected(patterned())` : undefined;
  const cfgs = [...new Set([...arm.cfgs, ...(other !== arm ? other.cfgs : [])])];
  return {
    cfgs,
    lines: [
      'let mut v = base;',
      ...(arm.tagStatement ? [arm.tagStatement] : []),
      `v.${u.field} = ${u.enumName}::${arm.variant}(patterned());`,
      'let bytes = check(v);',
      `let ${u.enumName}::${arm.variant}(member) = v.${u.field} else { unreachable!() };`,
      `let at = offset_of!(${view.record}, ${u.field});`,
      `assert_eq!(&bytes[at..at + size_of_val(&member)], member.as_bytes(), "${view.record}.${u.field}.${arm.member}: the member's bytes");`,
      ...(wrong
        ? [`v.${u.field} = ${wrong};`, `assert_eq!(v.to_bytes(), Err(UnionMismatch { record: "${view.record}", union: "${u.field}", by: "${u.by}" }), "${view.record}.${u.field}: a member \`${u.by}\` does not name");`]
        : []),
    ],
  };
}

/**
 * A doctest for the README: an op whose record holds a selected union, built with the member its
 * tag names, and the same value with another member refused. The first such op whose union is
 * selected by values of a member present on every architecture and release; none when no op is.
 */
export function taggedExample(ctx: RustContext): string[] {
  for (const set of ctx.model.sets) {
    const plan = planOpSet(ctx, set);
    if (plan?.shape !== 'args') continue;
    for (const op of plan.ops.filter((o) => o.selected)) {
      const record = ctx.records.get(op.record!)!;
      const selector = (selectedUnions(ctx, record) ?? []).find((s) => s.by && s.arms.length > 1 && s.arms[0]!.values && !s.arms.slice(0, 2).some((a) => unionMember(ctx, record, s, a.member)?.since));
      if (!selector || record.since !== ctx.releases.known[0] || record.archs) continue;
      const [arm, other] = selector.arms as [SelectedArm, SelectedArm];
      const by = record.fields.find((f) => f.name === selector.by)!;
      const constant = ctx.constants.get(arm.values![0]!)!;
      const same = constantType(constant, ctx).spelled === integerTypeOf(by.type, ctx)?.spelled;
      const name = typedFormName(ctx, record);
      const unionEnum = `${name}${camelCase(selector.union)}`;
      // Named imports, grouped by module, and each member built by its own type's `default()`:
      // the example passes `clippy::pedantic` (no wildcard import, no `Default::default()`).
      const imports = new Map<string, Set<string>>();
      const use = (item: { namespace: RecordDecl['namespace']; module: string }, name: string) => {
        const path = ownerPath(item).replace(/^crate::/, 'xenabi::');
        imports.set(path, (imports.get(path) ?? new Set()).add(name));
        return name;
      };
      use(record, name);
      use(record, unionEnum);
      use(record, recordName(record));
      use(set, opSetBase(set.name));
      use(ctx.constants.get(op.constant)!, ident(op.constant));
      use(constant, ident(constant.name));
      const value = (member: string) => {
        const type = unionMember(ctx, record, selector, member)!.type;
        const held = type.kind === 'record' ? ctx.records.get(type.name) : undefined;
        return held ? `${use(held, recordName(held))}::default()` : '0';
      };
      const [first, second] = [value(arm.member), value(other.member)];
      const useLines = [...imports].sort(([a], [b]) => a.localeCompare(b)).map(([path, names]) => `use ${path}::{${[...names].sort().join(', ')}};`);
      return [
        '#[cfg(feature = "zerocopy")]',
        '{',
        'use xenabi::tagged::{Checked, TaggedRecord};',
        ...useLines,
        '',
        `// ${code(recordName(record))} holds a union; its typed form holds the member ${code(selector.by!)} names.`,
        `let mut arg = <${name} as TaggedRecord>::from_prefix(&[0; core::mem::size_of::<${recordName(record)}>()]).unwrap();`,
        `arg.${ident(selector.by!)} = ${same ? ident(constant.name) : `i128::from(${ident(constant.name)}) as _`};`,
        `arg.${ident(selector.union)} = ${unionEnum}::${camelCase(arm.member.replace(/^_+/, ''))}(${first});`,
        `let call = ${opSetBase(set.name)}::${camelCase(op.name)}(Checked::new(arg).unwrap());`,
        `assert_eq!(call.op(), ${ident(op.constant)});`,
        '',
        `// Another member with the same ${code(selector.by!)} is refused rather than written.`,
        `arg.${ident(selector.union)} = ${unionEnum}::${camelCase(other.member.replace(/^_+/, ''))}(${second});`,
        'assert!(Checked::new(arg).is_err());',
        '}',
      ];
    }
  }
  return [];
}

function unionMember(ctx: RustContext, record: RecordDecl, selector: UnionSelector, member: string) {
  const field = record.fields.find((f) => f.name === selector.union)!;
  return ctx.records.get((field.type as { name: string }).name)?.fields.find((f) => f.name === member);
}
