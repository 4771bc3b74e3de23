/**
 * The typed op layers of the Rust crate checked against the shared vectors: every vector of a
 * record that is an op's payload goes through that op's typed form and must come out as the
 * vector's bytes. For an op set whose number travels apart (`EvtchnOp`, `GnttabOp`, …) the
 * vector's bytes are read with `from_parts` and written back with `arg_bytes`; for a tagged set
 * (`DmOp`) the payload is wrapped in its variant and `to_bytes` must hold the vector's bytes at
 * the payload union's offset, and read back to the same call; for one whose dispatch record has
 * a header (`DomctlOp`, `SysctlOp`, `FlaskOp`, `XenpfOp`) the bytes must also carry the interface
 * version and the domain given, and read back only as that version. An op whose record holds
 * selected unions (`EvtchnOp::Status`) is checked on every vector that is a value of its typed
 * form (`tags.ts`): read with `from_parts`, its union comes out as the member the vector fills
 * (its `Debug` names it), and `arg_bytes`, written back through that member, are the vector's.
 * Which ops are typed, and how, is the set's plan (`generators/src/names/op-plan.ts`), as for
 * the emitter.
 */
import { camelCase, taggedVariant } from '../../generators/src/emit/rust/ops.js';
import { ident, modulePath, recordName } from '../../generators/src/emit/rust/names.js';
import { planOpSet, type OpSetPlan } from '../../generators/src/names/op-plan.js';
import type { ConstantSetDecl } from '../../generators/src/model/types.js';
import { opSetBase } from '../../generators/src/names/ops.js';
import { compareReleases } from '../../generators/src/model/releases.js';
import type { ReleaseModel } from '../../generators/src/select/release.js';
import type { Case } from './catalog.js';
import { isTypedValue, type TagLookup } from './tags.js';

/** One typed op whose payload is a record with vectors. */
export interface TypedOpUse {
  shape: 'tagged' | 'args';
  /** `xenabi::stable::event_channel` */
  path: string;
  enumName: string;
  variant: string;
  constant: string;
  /**
   * For a tagged set: the dispatch record and its payload field, and its header: the member
   * holding the interface version with the constant's path, and the members the caller gives.
   */
  dispatch?: { record: string; payloadField: string; version?: { field: string; constant: string }; given: string[] };
  /** The record holds selected unions: checked on vectors that are typed values. */
  selected?: boolean;
}

const external = (namespace: string, module: string) => modulePath(namespace as never, module).replace(/^crate::/, 'xenabi::');

/** The typed ops of `model`, by the name of their payload record. */
export function typedOpUses(model: ReleaseModel): Map<string, TypedOpUse[]> {
  const lookup = {
    records: new Map(model.records.map((r) => [r.name, r])),
    aliases: new Map(model.aliases.map((a) => [a.name, a])),
    constants: new Map(model.constants.map((c) => [c.name, c])),
    // The op sets, for the selectors a dispatch implies (`xen_hvm_altp2m_op.cmd`), as the emitter has them.
    model,
  };
  const out = new Map<string, TypedOpUse[]>();
  for (const set of model.sets) {
    const plan = planOpSet(lookup, set);
    if (!plan) continue;
    const dispatch = set.dispatch && plan.shape === 'tagged' ? lookup.records.get(set.dispatch.record) : undefined;
    if (plan.shape === 'tagged' && !dispatch) continue;
    for (const op of plan.ops) {
      if (!op.record) continue;
      const use: TypedOpUse = {
        shape: plan.shape,
        path: external(set.namespace, set.module),
        enumName: opSetBase(set.name),
        variant: plan.shape === 'tagged' ? taggedVariant(set, op.constant) : camelCase(op.name),
        constant: `${external(set.namespace, lookup.constants.get(op.constant)!.module)}::${ident(op.constant)}`,
        ...(dispatch ? { dispatch: dispatchUse(lookup, set, plan, recordName(dispatch)) } : {}),
        ...(op.selected ? { selected: true } : {}),
      };
      out.set(op.record, [...(out.get(op.record) ?? []), use]);
    }
  }
  return out;
}

function dispatchUse(lookup: { constants: ReadonlyMap<string, { module: string; namespace: string }> }, set: ConstantSetDecl, plan: OpSetPlan, record: string): NonNullable<TypedOpUse['dispatch']> {
  const v = plan.header?.version;
  const k = v ? lookup.constants.get(v.constant)! : undefined;
  return {
    record,
    payloadField: ident(set.dispatch!.payloadField!),
    ...(v && k ? { version: { field: ident(v.field), constant: `${external(k.namespace, k.module)}::${ident(v.constant)}` } } : {}),
    given: (plan.header?.given ?? []).map(ident),
  };
}

/**
 * The lines checking vector `index` (its bytes in `want`, the record type `T`) through one typed
 * op; `members` are the typed form's union variants the vector must read as (`Pirq`), for an op
 * whose record holds selected unions.
 */
export function typedOpCheck(use: TypedOpUse, index: number, members: readonly string[] = []): string[] {
  const name = `${use.enumName}::${use.variant}`;
  const type = `${use.path}::${use.enumName}`;
  const body =
    use.shape === 'args'
      ? [
          `let call = ${type}::from_parts(${use.constant}, &want).expect("${name}: from_parts");`,
          `assert!(matches!(call, ${type}::${use.variant}(_)), "${name}: {call:?}");`,
          ...members.map((m) => `assert!(format!("{call:?}").contains(": ${m}("), "${name}: not read as ${m}: {call:?}");`),
          `r.bytes(${index}, "${name}", call.arg_bytes(), &want[..size_of::<T>()]);`,
        ]
      : taggedCheck(use, index, name, type);
  return ['        #[cfg(feature = "zerocopy")]', '        {', ...body.map((l) => `            ${l}`), '        }'];
}

/**
 * A tagged call: the vector is the payload of the op's variant, which `to_bytes` must place at
 * the payload union's offset; a set whose record has a header also gets the interface version
 * (its constant, compared as `u32` as the record holds it) and each given member (7), and the
 * call reads back only with that version.
 */
function taggedCheck(use: TypedOpUse, index: number, name: string, type: string): string[] {
  const d = use.dispatch!;
  const record = `${use.path}::${d.record}`;
  return [
    `let call = ${type}::${use.variant}(read::<T>(&want));`,
    `let bytes = call.to_bytes(${d.given.map(() => '7').join(', ')});`,
    `let at = core::mem::offset_of!(${record}, ${d.payloadField});`,
    `r.bytes(${index}, "${name}", &bytes[at..at + size_of::<T>()], &want[..size_of::<T>()]);`,
    ...(d.version
      ? [
          `let raw = ${record}::from_bytes(&bytes);`,
          `assert_eq!(raw.${d.version.field}, ${d.version.constant} as u32, "${name}: the interface version");`,
          ...d.given.map((g) => `assert_eq!(raw.${g}, 7, "${name}: ${g} as given");`),
          `assert_eq!(${type}::from_bytes(&bytes), Ok(call), "${name}: back from its bytes");`,
        ]
      : [`assert_eq!(${type}::from_bytes(&bytes), call, "${name}: back from its bytes");`]),
  ];
}

/**
 * The typed form's union variants a vector reads as, one per union selected by a member
 * (`Pirq`, or `Unselected` for a member no arm the crate names); undefined when the vector is no
 * value of the typed form. An arm whose constant is newer than the record, or not on every
 * architecture, is not named by the crate (`emit/rust/selected.ts`): its member reads as
 * `Unselected`.
 */
export function typedMembers(model: ReleaseModel, tags: TagLookup, c: Pick<Case, 'record' | 'vector' | 'arch'>): string[] | undefined {
  const fields = c.vector.fields;
  const valueAt = (path: string) => (fields[path] === undefined ? undefined : BigInt(fields[path]!));
  if (!isTypedValue(tags, c.record, c.vector.union, valueAt, c.arch)) return undefined;
  const constants = new Map(model.constants.map((k) => [k.name, k]));
  const everywhere = (name: string) => {
    const k = constants.get(name);
    return !!k && !k.until && !k.archs && compareReleases(k.since ?? '4.6', c.record.since ?? '4.6') <= 0;
  };
  const out: string[] = [];
  for (const selector of tags.selectors(c.record)) {
    const member = c.vector.union.find((u) => u.startsWith(`${selector.union}.`) && !u.slice(selector.union.length + 1).includes('.'))?.slice(selector.union.length + 1);
    if (member === undefined || selector.by === undefined) continue;
    const arm = selector.arms.find((a) => a.member === member);
    const usable = arm && (arm.values ? arm.values.some(everywhere) : arm.flag ? everywhere(arm.flag) : true);
    if (usable) out.push(camelCase(member.replace(/^_+/, '')));
    else if (selector.arms.some((a) => a.otherwise)) return undefined;
    else out.push('Unselected');
  }
  return out;
}
