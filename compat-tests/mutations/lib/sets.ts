/**
 * Mutations of the stable op and flag sets: an op renumbered (to a free number, or swapped
 * with its neighbour), given another payload, or dropped from its set; a flag moved to a
 * free bit, swapped with its neighbour, or its bit handed to a new flag.
 */
import type { ConstantDecl, ConstantSetDecl, FlagMember, OpMember } from '../../../generators/src/model/types.js';
import { addConstant, editConstant, editSet, removeConstants, type View } from './edit.js';
import { mutation, NAMESPACE, NEW, NEW_LOC } from './common.js';
import { breaking, type Mutation, type MutationKind } from './types.js';

const stableSets = (view: View, kind: 'ops' | 'flags') => view.sets.filter((s) => s.namespace === NAMESPACE && s.kind === kind);

const valueOf = (view: View, name: string) => BigInt(view.constants.find((c) => c.name === name)?.value ?? '0');

const setValue = (view: View, name: string, value: bigint) => editConstant(view, name, (c) => ({ ...c, value: String(value) }));

/** One more than the largest number of the set. */
export function freeOpNumber(view: View, set: ConstantSetDecl): bigint {
  return (set.ops ?? []).reduce((max, o) => (valueOf(view, o.constant) > max ? valueOf(view, o.constant) : max), -1n) + 1n;
}

/** The bit after the highest bit any flag of the set uses. */
export function freeBit(set: ConstantSetDecl): number {
  return Math.max(-1, ...(set.flags ?? []).map((f) => f.bit)) + 1;
}

type Each<T> = (view: View, set: ConstantSetDecl, member: T, next: T | undefined) => Mutation[];

function perOp(each: Each<OpMember>): MutationKind {
  return (view) => stableSets(view, 'ops').flatMap((s) => (s.ops ?? []).flatMap((o, i, all) => each(view, s, o, all[i + 1])));
}

function perFlag(each: Each<FlagMember>): MutationKind {
  return (view) => stableSets(view, 'flags').flatMap((s) => (s.flags ?? []).flatMap((f, i, all) => each(view, s, f, all[i + 1])));
}

export const renumberOp: MutationKind = perOp((view, s, o, next) => {
  const fresh = freeOpNumber(view, s);
  return [
    mutation('op.renumber', o.constant, {
      description: `op ${o.constant} of ${s.name}: ${valueOf(view, o.constant)} → ${fresh}, a free number`,
      ...breaking([{ rule: 'OP_RENUMBERED', item: o.constant }]),
      apply: (v) => setValue(v, o.constant, fresh),
    }),
    ...(next
      ? [
          mutation('op.swap', `${o.constant}<>${next.constant}`, {
            description: `ops ${o.constant} and ${next.constant} of ${s.name} swap numbers`,
            ...breaking([
              { rule: 'OP_RENUMBERED', item: o.constant },
              { rule: 'OP_RENUMBERED', item: next.constant },
            ]),
            apply: (v: View) => setValue(setValue(v, o.constant, valueOf(view, next.constant)), next.constant, valueOf(view, o.constant)),
          }),
        ]
      : []),
  ];
});

/** The op carries the next op's payload (the first op's, for the last), when that differs. */
export const changeOpPayload: MutationKind = (view) =>
  stableSets(view, 'ops').flatMap((s) => {
    const ops = s.ops ?? [];
    return ops.flatMap((o, i) => {
      const other = ops.slice(i + 1).concat(ops.slice(0, i)).find((x) => (x.member ?? '') !== (o.member ?? '') || (x.record ?? '') !== (o.record ?? ''));
      if (!other) return [];
      const payload = { ...(other.member ? { member: other.member } : {}), ...(other.record ? { record: other.record } : {}) };
      return [
        mutation('op.payload', o.constant, {
          description: `op ${o.constant} carries ${other.record ?? 'no record'}${other.member ? ` in member ${other.member}` : ''} instead of ${o.record ?? 'no record'}`,
          ...breaking([{ rule: 'OP_PAYLOAD_CHANGED', item: o.constant }]),
          apply: (v) => editSet(v, s.name, (x) => ({ ...x, ops: (x.ops ?? []).map((y) => (y.constant === o.constant ? { constant: o.constant, ...payload } : y)) })),
        }),
      ];
    });
  });

export const unlistOp: MutationKind = perOp((_view, s, o) => [
  mutation('op.unlist', o.constant, {
    description: `op ${o.constant} leaves ${s.name}; the constant stays`,
    ...breaking([{ rule: 'OP_REMOVED', item: o.constant }]),
    apply: (v) => editSet(v, s.name, (x) => ({ ...x, ops: (x.ops ?? []).filter((y) => y.constant !== o.constant) })),
  }),
]);

/** Puts a flag on another bit: the set, its mask and its bit-number constant. */
function moveFlag(view: View, set: string, flag: FlagMember, bit: number): View {
  let next = editSet(view, set, (s) => ({ ...s, flags: (s.flags ?? []).map((f) => (f.mask === flag.mask ? { ...f, bit } : f)) }));
  next = setValue(next, flag.mask, 1n << BigInt(bit));
  return flag.bitConstant ? setValue(next, flag.bitConstant, BigInt(bit)) : next;
}

export const moveFlagKind: MutationKind = perFlag((_view, s, f, next) => {
  const bit = freeBit(s);
  return [
    mutation('flag.move', f.mask, {
      description: `flag ${f.mask} of ${s.name}: bit ${f.bit} → ${bit}, a free bit`,
      ...breaking([{ rule: 'FLAG_BIT_MOVED', item: f.mask }]),
      apply: (v) => moveFlag(v, s.name, f, bit),
    }),
    ...(next
      ? [
          mutation('flag.swap', `${f.mask}<>${next.mask}`, {
            description: `flags ${f.mask} and ${next.mask} of ${s.name} swap bits`,
            ...breaking([
              { rule: 'FLAG_BIT_MOVED', item: f.mask },
              { rule: 'FLAG_BIT_MOVED', item: next.mask },
            ]),
            apply: (v: View) => moveFlag(moveFlag(v, s.name, f, next.bit), s.name, next, f.bit),
          }),
        ]
      : []),
  ];
});

/** A flag removed and its bit given to a new flag of the same set. */
export const reuseFlagBit: MutationKind = perFlag((view, s, f) => {
  const mask = `${f.mask}_${NEW.toUpperCase()}`;
  const old = view.constants.find((c) => c.name === f.mask) as ConstantDecl;
  const created: ConstantDecl = { ...old, name: mask, since: view.release, loc: NEW_LOC, doc: 'A flag a mutation added.' };
  const { bitConstant: _b, ...plain } = created;
  return [
    mutation('flag.reuse-bit', f.mask, {
      description: `flag ${f.mask} of ${s.name} is removed and its bit ${f.bit} given to a new flag ${mask}`,
      ...breaking([{ rule: 'FLAG_BIT_REUSED', item: mask }]),
      apply: (v) => {
        const removed = removeConstants(v, [f.mask, ...(f.bitConstant ? [f.bitConstant] : [])]);
        const added = addConstant(removed, { ...plain, spelling: 'hex' });
        return editSet(added, s.name, (x) => ({ ...x, flags: (x.flags ?? []).map((y) => (y.mask === f.mask ? { mask, bit: f.bit } : y)) }));
      },
    }),
  ];
});

export const SET_KINDS: MutationKind[] = [renumberOp, changeOpPayload, unlistOp, moveFlagKind, reuseFlagBit];
