/**
 * The typed layer of an op set dispatched through a record with a payload union
 * (`xen_dm_op`, `evtchn_op`): an enum with one variant per op, each holding its payload record,
 * so an op number cannot be paired with another op's payload; conversion of the enum to and from
 * the record's bytes through zerocopy; and a `Debug` of the record that prints the member its op
 * names. A set whose payloads hold a union gets the `Debug` only: such a payload is not
 * `IntoBytes`, so its calls have no safe bytes. Plain strings for `_ops.hbs`; every size and offset is Rust's `size_of`/`offset_of`
 * of the asserted layout, so nothing here computes one.
 */
import type { ConstantSetDecl, RecordDecl } from '../../model/types.js';
import type { RustContext, Uses } from './context.js';
import type { Presence } from './releases.js';
import { opSetBase } from '../../names/ops.js';
import { dispatchHeader, planOpSet, type OpSetPlan } from '../../names/op-plan.js';
import { constantType } from './constants.js';
import { cfgIn, itemPresence, ownerPath } from './context.js';
import { typedFormName } from './selected.js';
import { code, docLines, ident, recordName } from './names.js';
import type { FieldView, OpMethodView } from './records.js';

export interface TypedVariantView {
  cfg: string;
  docs: string[];
  variant: string;
  constant: string;
  payloadType: string;
  getter: string;
  /** The union member that carries the payload. */
  getterMember: string;
}

/** What a call fills in the dispatch record besides the op and the payload (`xen_domctl`'s header). */
export interface TypedHeaderView {
  /** Whether the record has a header at all (every key is set either way: the templates are strict). */
  on: boolean;
  /** The member holding the interface version, and the value a call puts there (`XEN_DOMCTL_INTERFACE_VERSION`). */
  version: { field: string; constant: string; value: string } | undefined;
  /** The members the caller gives (`domain`), with their types. */
  given: { name: string; type: string }[];
  /** `, domain: domid_t`: the given members as parameters of `to_bytes`. */
  params: string;
  /** `self.domain`: the given members as a record passes them on. */
  fromSelf: string;
  /** `7`: a value for each given member, for the tests. */
  testArgs: string;
  /** The offset and size of each header member a call sets, for the tests (`size_of_member` is theirs). */
  ranges: string;
}

export interface TypedOpsView {
  docs: string[];
  enumName: string;
  record: string;
  opField: string;
  opType: string;
  payloadField: string;
  payloadUnion: string;
  /** For a record with a header (`xen_domctl`): what a call fills in it; `on` false for one without. */
  header: TypedHeaderView;
  variants: TypedVariantView[];
}

export interface TaggedDebugView {
  /** The record's fields other than the payload, printed as they are. */
  fields: { cfg: string; name: string }[];
  payloadField: string;
  members: { cfg: string; member: string; getter: string }[];
}

/** `create_ioreq_server` → `CreateIoreqServer`: a variant of a typed op enum. */
export function camelCase(name: string): string {
  return name
    .split(/[_.]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/**
 * The op set that dispatches through `record` with a payload union, when its header is the op
 * and padding, or besides them an interface version and integer members the caller gives
 * (`names/op-plan.ts`).
 */
export function typedOpSet(ctx: RustContext, record: RecordDecl): ConstantSetDecl | undefined {
  const sets = ctx.model.sets.filter((s) => s.kind === 'ops' && s.dispatch?.record === record.name && s.dispatch.payloadField);
  const set = sets.length === 1 ? sets[0] : undefined;
  return set && dispatchHeader(ctx, set) ? set : undefined;
}

/**
 * The variant of a tagged op: its constant without the words every op constant of the set
 * starts with (`XEN_DOMCTL_pausedomain` → `Pausedomain`, `FLASK_RELABEL_DOMAIN` →
 * `RelabelDomain`, `HVMOP_altp2m_get_domain_state` → `GetDomainState`).
 */
export function taggedVariant(set: ConstantSetDecl, constant: string): string {
  const words = (set.ops ?? []).map((o) => o.constant.split('_'));
  let shared = 0;
  while (words.every((w) => w.length > shared + 1 && w[shared] === words[0]![shared])) shared++;
  return camelCase(constant.split('_').slice(shared).join('_').toLowerCase());
}

export function typedOpsView(ctx: RustContext, record: RecordDecl, set: ConstantSetDecl, plan: OpSetPlan, all: readonly OpMethodView[], uses: Uses, where: Presence): TypedOpsView {
  const byConstant = new Map(all.map((m) => [m.constant, m]));
  const { opField, payloadField } = set.dispatch!;
  const opDecl = record.fields.find((f) => f.name === opField)!;
  const unionDecl = record.fields.find((f) => f.name === payloadField)!;
  const unionName = unionDecl.type.kind === 'record' ? recordName(ctx.records.get(unionDecl.type.name)!) : '';
  const name = recordName(record);
  const enumName = opSetBase(set.name);
  // An op goes where its record's op method goes (the architectures it has the payload on). An
  // op the model names no record for stays `Other`, as in the TypeScript dispatch form: the
  // model cannot tell an op without payload (`XEN_DOMCTL_pausedomain`) from one whose payload it
  // does not tie to the op (`XEN_SYSCTL_dt_overlay`).
  const variants = plan.ops.flatMap((o): TypedVariantView[] => {
    const constant = ident(o.constant);
    const m = o.record ? byConstant.get(constant) : undefined;
    if (!m) return [];
    return [{ docs: [`${code(constant)}${docSuffix(ctx, o.constant)}`], variant: taggedVariant(set, o.constant), constant, cfg: m.cfg, payloadType: m.payloadType, getter: m.getter, getterMember: m.member }];
  });
  const header = headerView(ctx, record, plan.header ?? { given: [] }, uses, where);
  return {
    docs: [
      `The calls of op set ${code(set.name)} with their payloads: what a ${code(name)} holds, typed, so that no op`,
      `number goes with another op's payload. Convert with ${code('to_bytes')}/${code('from_bytes')} (the bytes Xen`,
      `reads: the op, its payload, zero elsewhere) or ${header.given.length ? '' : `${code(`${name}::from`)}/`}${code(`${name}::typed`)}. An op this`,
      'crate does not declare (from a newer Xen, or one a cargo feature leaves out) stays representable as',
      `${code('Other')}, with the payload bytes as they came.`,
      ...headerDocs(name, header),
      ...leftOutDocs(plan),
    ],
    enumName,
    record: name,
    opField: ident(opField),
    opType: uses.type(opDecl.type, where),
    payloadField: ident(payloadField!),
    payloadUnion: unionName,
    header,
    variants,
  };
}

function headerView(ctx: RustContext, record: RecordDecl, header: NonNullable<OpSetPlan['header']>, uses: Uses, where: Presence): TypedHeaderView {
  const name = recordName(record);
  const typeOf = (field: string) => uses.type(record.fields.find((f) => f.name === field)!.type, where);
  const given = header.given.map((g) => ({ name: ident(g), type: typeOf(g) }));
  const version = header.version ? versionView(ctx, record, header.version, typeOf(header.version.field)) : undefined;
  const members = [...(version ? [version.field] : []), ...given.map((g) => g.name)];
  return {
    on: !!version || given.length > 0,
    version,
    given,
    params: given.map((g) => `, ${g.name}: ${g.type}`).join(''),
    fromSelf: given.map((g) => `self.${g.name}`).join(', '),
    testArgs: given.map(() => '7').join(', '),
    ranges: `[${members.map((m) => `(offset_of!(${name}, ${m}), size_of_member(|r: &${name}| &r.${m}))`).join(', ')}]`,
  };
}

export function versionView(ctx: RustContext, record: RecordDecl, version: { field: string; constant: string }, fieldType: string): TypedHeaderView['version'] {
  if (fieldType !== 'u32') throw new Error(`rust emitter: ${record.name}.${version.field} holds an interface version but is ${fieldType}, not u32`);
  const spelled = constantType(ctx.constants.get(version.constant)!, ctx).spelled;
  const constant = ident(version.constant);
  return { field: ident(version.field), constant, value: spelled === 'u32' ? constant : `${constant} as u32` };
}

function headerDocs(name: string, header: TypedHeaderView): string[] {
  if (!header.on) return [];
  const given = header.given.map((g) => code(g.name));
  return [
    '',
    ...(header.version
      ? [
          `A call's bytes carry ${code(header.version.constant)} in ${code(`${name}.${header.version.field}`)}, the version of the release the cargo`,
          `features select; ${code('from_bytes')} refuses bytes made for another version, whose payloads Xen may lay out differently.`,
        ]
      : []),
    ...(given.length ? [`The caller gives ${given.join(', ')} to ${code('to_bytes')}; a record read back keeps ${given.length > 1 ? 'them' : 'it'}.`] : []),
  ];
}

function docSuffix(ctx: RustContext, constant: string): string {
  const doc = ctx.constants.get(constant)?.doc;
  return doc ? `: ${docLines(doc).join(' ')}` : '.';
}

export function taggedDebugView(fields: readonly FieldView[], payloadField: string, methods: readonly OpMethodView[]): TaggedDebugView {
  return {
    fields: fields.filter((f) => f.name !== payloadField).map((f) => ({ cfg: f.cfg, name: f.name })),
    payloadField,
    members: methods.map((m) => ({ cfg: m.cfg, member: m.member, getter: m.getter })),
  };
}

export interface OpsTestView {
  /** `cfg` lines the set needs: its namespace's, its module's and its record's. */
  cfgs: string[];
  testModule: string;
  path: string;
  ops: TypedOpsView;
}

/** The `tests/ops.rs` entry of one typed op set: where it lives and under which `cfg`s. */
export function opsTestView(path: string, testModule: string, cfgs: readonly string[], ops: TypedOpsView): OpsTestView {
  return { cfgs: cfgs.filter(Boolean), testModule, path: path.replace(/^crate::/, 'xenabi::'), ops };
}

// ---- Ops whose number travels apart from their argument record --------------------------------

export interface ArgOpVariantView {
  cfgs: string[];
  docs: string[];
  variant: string;
  constant: string;
  /** The argument record, absent for an op without one. */
  payloadType?: string;
  /** For a record holding selected unions: its typed form, which the variant holds `Checked`. */
  typedForm?: string;
  /** The same, as the crate's tests spell it. */
  typedFormTest?: string;
}

export interface ArgOpsView {
  docs: string[];
  /** The set's own `cfg` (its release and architectures), "" where the module's covers it. */
  cfg: string;
  enumName: string;
  setName: string;
  opType: string;
  variants: ArgOpVariantView[];
}

/**
 * The typed layer of an op set whose hypercall takes the op number and a pointer to the
 * argument record as two arguments (`SCHEDOP`, `XEN_ARGO_OP`, `EVTCHNOP`, `GNTTABOP`):
 * an enum of the ops with their records, the op number, the record's bytes and back. Which
 * ops it types is the set's plan (`names/op-plan.ts`); an op left out there (a record holding
 * a union) reads back as `None`, like an op from a newer Xen. Not for a set whose op numbers
 * differ in type.
 */
export function argOpsView(ctx: RustContext, set: ConstantSetDecl, uses: Uses, scope: Presence): ArgOpsView | undefined {
  const plan = planOpSet(ctx, set);
  if (!plan || plan.shape !== 'args') return undefined;
  const ops = plan.ops.map((o) => ({ o, constant: ctx.constants.get(o.constant)!, record: o.record ? ctx.records.get(o.record) : undefined }));
  const types = new Set(ops.map((x) => constantType(x.constant, ctx).spelled));
  if (types.size !== 1) return undefined;
  return {
    docs: [
      `The ops of ${code(set.name)} with their argument records, typed, so that no op number goes with another`,
      `op's record: ${code('op()')} is the hypercall's op argument and ${code('arg_bytes()')} the record it points to`,
      `(empty for an op without one); ${code('from_parts')} reads them back.`,
      ...leftOutDocs(plan),
    ],
    enumName: opSetBase(set.name),
    cfg: cfgIn(ctx, itemPresence(ctx, set), scope),
    setName: set.name,
    opType: [...types][0]!,
    variants: ops.map(({ o, constant, record }) => {
      const at = itemPresence(ctx, constant);
      const payloadAt = record ? itemPresence(ctx, record) : undefined;
      return {
        cfgs: [cfgIn(ctx, at, scope), payloadAt ? cfgIn(ctx, payloadAt, scope) : ''].filter((c, i, all) => c && all.indexOf(c) === i),
        docs: [`${code(constant.name)}${docSuffix(ctx, constant.name)}`],
        variant: camelCase(o.name),
        constant: ident(constant.name),
        ...(record && !o.selected ? { payloadType: uses.type({ kind: 'record', name: record.name }, payloadAt!) } : {}),
        ...(record && o.selected ? selectedPayload(ctx, set, record) : {}),
      };
    }),
  };
}

/** The variant's payload for a record holding selected unions: its typed form (`selected.ts`), checked. */
function selectedPayload(ctx: RustContext, set: ConstantSetDecl, record: RecordDecl): { payloadType: string; typedForm: string; typedFormTest: string } {
  const name = typedFormName(ctx, record);
  const typedForm = record.module === set.module && record.namespace === set.namespace ? name : `${ownerPath(record)}::${name}`;
  return { payloadType: `crate::tagged::Checked<${typedForm}>`, typedForm, typedFormTest: typedForm.replace(/^crate::/, 'xenabi::') };
}

/** The doc paragraph naming the ops a typed layer leaves out, and why. */
export function leftOutDocs(plan: OpSetPlan): string[] {
  if (!plan.leftOut.length) return [];
  const byReason = new Map<string, string[]>();
  for (const l of plan.leftOut) byReason.set(l.reason, [...(byReason.get(l.reason) ?? []), code(l.constant)]);
  return ['', ...[...byReason].map(([reason, names]) => `Not typed here (${reason}): ${names.join(', ')}; use the record itself.`)];
}
