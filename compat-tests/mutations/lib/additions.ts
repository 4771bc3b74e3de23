/**
 * Compatible changes: a new record, constant and typedef in every stable module, a new op
 * in every op set, a new flag on a fresh bit of every flag set, and an unstable constant
 * promoted to the stable namespace. (New union members and fields appended to growable
 * records are in records.ts, with the other changes of a field list.)
 */
import type { ConstantDecl, RecordDecl } from '../../../generators/src/model/types.js';
import { addConstant, declare, editSet, moveItems, type View } from './edit.js';
import { mutation, NAMESPACE, NEW, NEW_LOC, stableModules } from './common.js';
import { freeBit, freeOpNumber } from './sets.js';
import { compatible, type MutationKind } from './types.js';

function newConstant(view: View, name: string, module: string, value: bigint, extra: Partial<ConstantDecl> = {}): ConstantDecl {
  return { kind: 'constant', name, value: String(value), cType: 'unsigned int', spelling: 'dec', namespace: NAMESPACE, module, since: view.release, loc: NEW_LOC, doc: 'A constant a mutation added.', ...extra };
}

export const addRecord: MutationKind = (view) =>
  stableModules(view).map((module) => {
    const name = `${NEW}_${module}_new`;
    const record: RecordDecl = {
      kind: 'struct',
      name,
      tag: name,
      namespace: NAMESPACE,
      module,
      since: view.release,
      loc: NEW_LOC,
      doc: 'A record a mutation added.',
      fields: [{ name: 'value', type: { kind: 'scalar', name: 'uint32_t' }, loc: NEW_LOC }],
    };
    return mutation('add.record', module, {
      description: `add struct ${name} to module ${module}`,
      ...compatible([{ rule: 'RECORD_ADDED', item: name }]),
      apply: (v) => declare({ ...v, records: [...v.records, record] }, module, name),
    });
  });

export const addConstantKind: MutationKind = (view) =>
  stableModules(view).map((module) => {
    const name = `${NEW.toUpperCase()}_${module.toUpperCase()}_NEW`;
    return mutation('add.constant', module, {
      description: `add constant ${name} to module ${module}`,
      ...compatible([{ rule: 'CONSTANT_ADDED', item: name }]),
      apply: (v) => addConstant(v, newConstant(v, name, module, 7n)),
    });
  });

export const addTypedef: MutationKind = (view) =>
  stableModules(view).map((module) => {
    const name = `${NEW}_${module}_t`;
    return mutation('add.typedef', module, {
      description: `add typedef uint32_t ${name} to module ${module}`,
      ...compatible([{ rule: 'TYPEDEF_ADDED', item: name }]),
      apply: (v) =>
        declare({ ...v, aliases: [...v.aliases, { kind: 'alias', name, type: { kind: 'scalar', name: 'uint32_t' }, namespace: NAMESPACE, module, since: v.release, loc: NEW_LOC, doc: 'A typedef a mutation added.' }] }, module, name),
    });
  });

export const addOp: MutationKind = (view) =>
  view.sets
    .filter((s) => s.namespace === NAMESPACE && s.kind === 'ops')
    .map((s) => {
      const name = `${s.name}_${NEW}_new`;
      const number = freeOpNumber(view, s);
      return mutation('add.op', s.name, {
        description: `add op ${name} = ${number} to ${s.name}`,
        ...compatible([{ rule: 'OP_ADDED', item: name }]),
        apply: (v) => editSet(addConstant(v, newConstant(v, name, s.module, number, { set: s.name })), s.name, (x) => ({ ...x, ops: [...(x.ops ?? []), { constant: name }] })),
      });
    });

export const addFlag: MutationKind = (view) =>
  view.sets
    .filter((s) => s.namespace === NAMESPACE && s.kind === 'flags')
    .map((s) => {
      const bit = freeBit(s);
      const mask = `${s.name}_${NEW.toUpperCase()}_NEW`;
      const bitName = (s.flags ?? []).some((f) => f.bitConstant) ? `_${mask}` : undefined;
      return mutation('add.flag', s.name, {
        description: `add flag ${mask} on the free bit ${bit} of ${s.name}`,
        ...compatible([{ rule: 'FLAG_ADDED', item: mask }]),
        apply: (v) => {
          let next = bitName ? addConstant(v, newConstant(v, bitName, s.module, BigInt(bit), { set: s.name })) : v;
          next = addConstant(next, newConstant(next, mask, s.module, 1n << BigInt(bit), { set: s.name, spelling: 'hex', ...(bitName ? { bitConstant: bitName, spelling: 'shift' } : {}) }));
          return editSet(next, s.name, (x) => ({ ...x, flags: [...(x.flags ?? []), { mask, bit, ...(bitName ? { bitConstant: bitName } : {}) }] }));
        },
      });
    });

/** Unstable constants that belong to no set and guard nothing, promoted to a stable module. */
export const promoteConstant: MutationKind = (view) => {
  const guards = new Set(view.modules.flatMap((m) => (m.interfaceVersion ? [m.interfaceVersion.constant] : [])));
  const target = stableModules(view)[0] as string;
  return view.constants
    .filter((c) => c.namespace === 'unstable' && !c.set && !guards.has(c.name))
    .map((c) =>
      mutation('add.promote', c.name, {
        description: `promote the unstable constant ${c.name} to the stable module ${target}`,
        ...compatible([{ rule: 'NAMESPACE_PROMOTED', item: c.name }]),
        apply: (v) => moveItems(v, [c.name], { module: target, namespace: NAMESPACE }),
      }),
    );
};

export const ADDITION_KINDS: MutationKind[] = [addRecord, addConstantKind, addTypedef, addOp, addFlag, promoteConstant];
