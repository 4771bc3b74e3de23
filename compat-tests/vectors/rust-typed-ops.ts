/**
 * The typed op layers of the Rust crate checked against the shared vectors: every vector of a
 * record that is an op's payload goes through that op's typed form and must come out as the
 * vector's bytes. For an op set whose number travels apart (`EvtchnOp`, `GnttabOp`, …) the
 * vector's bytes are read with `from_parts` and written back with `arg_bytes`; for a tagged set
 * (`DmOp`) the payload is wrapped in its variant and `to_bytes` must hold the vector's bytes at
 * the payload union's offset, and read back to the same call. Which ops are typed, and how,
 * is the set's plan (`generators/src/names/op-plan.ts`), as for the emitter.
 */
import { camelCase } from '../../generators/src/emit/rust/ops.js';
import { ident, modulePath, recordName } from '../../generators/src/emit/rust/names.js';
import { planOpSet } from '../../generators/src/names/op-plan.js';
import { opSetBase } from '../../generators/src/names/ops.js';
import type { ReleaseModel } from '../../generators/src/select/release.js';

/** One typed op whose payload is a record with vectors. */
export interface TypedOpUse {
  shape: 'tagged' | 'args';
  /** `xenabi::stable::event_channel` */
  path: string;
  enumName: string;
  variant: string;
  constant: string;
  /** For a tagged set: the dispatch record and its payload field. */
  dispatch?: { record: string; payloadField: string };
}

const external = (namespace: string, module: string) => modulePath(namespace as never, module).replace(/^crate::/, 'xenabi::');

/** The typed ops of `model`, by the name of their payload record. */
export function typedOpUses(model: ReleaseModel): Map<string, TypedOpUse[]> {
  const lookup = {
    records: new Map(model.records.map((r) => [r.name, r])),
    aliases: new Map(model.aliases.map((a) => [a.name, a])),
    constants: new Map(model.constants.map((c) => [c.name, c])),
  };
  const out = new Map<string, TypedOpUse[]>();
  for (const set of model.sets) {
    const plan = planOpSet(lookup, set);
    if (!plan) continue;
    const dispatch = set.dispatch && plan.shape === 'tagged' ? lookup.records.get(set.dispatch.record) : undefined;
    if (plan.shape === 'tagged' && !dispatch) continue;
    for (const op of plan.ops) {
      // A record holding selected unions is typed through the member its tag names; the vectors
      // fill a member whatever the tag says, so their bytes are not a typed value's.
      if (!op.record || op.selected) continue;
      const use: TypedOpUse = {
        shape: plan.shape,
        path: external(set.namespace, set.module),
        enumName: opSetBase(set.name),
        variant: camelCase(plan.shape === 'tagged' ? op.member! : op.name),
        constant: `${external(set.namespace, lookup.constants.get(op.constant)!.module)}::${ident(op.constant)}`,
        ...(dispatch ? { dispatch: { record: recordName(dispatch), payloadField: ident(set.dispatch!.payloadField!) } } : {}),
      };
      out.set(op.record, [...(out.get(op.record) ?? []), use]);
    }
  }
  return out;
}

/** The lines checking vector `index` (its bytes in `want`, the record type `T`) through one typed op. */
export function typedOpCheck(use: TypedOpUse, index: number): string[] {
  const name = `${use.enumName}::${use.variant}`;
  const type = `${use.path}::${use.enumName}`;
  const body =
    use.shape === 'args'
      ? [
          `let call = ${type}::from_parts(${use.constant}, &want).expect("${name}: from_parts");`,
          `assert!(matches!(call, ${type}::${use.variant}(_)), "${name}: {call:?}");`,
          `r.bytes(${index}, "${name}", call.arg_bytes(), &want[..size_of::<T>()]);`,
        ]
      : [
          `let call = ${type}::${use.variant}(read::<T>(&want));`,
          'let bytes = call.to_bytes();',
          `let at = core::mem::offset_of!(${use.path}::${use.dispatch!.record}, ${use.dispatch!.payloadField});`,
          `r.bytes(${index}, "${name}", &bytes[at..at + size_of::<T>()], &want[..size_of::<T>()]);`,
          `assert_eq!(${type}::from_bytes(&bytes), call, "${name}: back from its bytes");`,
        ];
  return ['        #[cfg(feature = "zerocopy")]', '        {', ...body.map((l) => `            ${l}`), '        }'];
}
