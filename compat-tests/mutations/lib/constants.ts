/**
 * Mutations of a stable constant (remove, rename, another value, another module or
 * namespace, another first release, one architecture fewer) and of a stable typedef
 * (another width or signedness, removed, renamed, moved, another first release).
 */
import { ARCHES } from '../../../generators/src/model/arch.js';
import type { AliasDecl, ConstantDecl } from '../../../generators/src/model/types.js';
import { editAlias, editConstant, flipped, mapTypes, moveItems, releaseAfter, removeConstants, renameConstant, resized, scalarOf, type View } from './edit.js';
import { mutation, NAMESPACE, opConstants, otherModule, spell, stableConstants, unstableModule } from './common.js';
import { breaking, type Mutation, type MutationKind } from './types.js';

/** Removing or renaming an op is OP_REMOVED (binary); any other constant, CONSTANT_REMOVED (source). */
const goneRule = (view: View, name: string) => (opConstants(view).has(name) ? 'OP_REMOVED' : 'CONSTANT_REMOVED');

export const removeConstant: MutationKind = (view) =>
  stableConstants(view).map((c) =>
    mutation('constant.remove', c.name, {
      description: `remove ${c.name}`,
      ...breaking([{ rule: goneRule(view, c.name), item: c.name }]),
      apply: (v) => removeConstants(v, [c.name]),
    }),
  );

export const renameConstantKind: MutationKind = (view) =>
  stableConstants(view).map((c) =>
    mutation('constant.rename', c.name, {
      description: `rename ${c.name} to ${c.name}_RENAMED`,
      ...breaking([{ rule: goneRule(view, c.name), item: c.name }]),
      apply: (v) => renameConstant(v, c.name, `${c.name}_RENAMED`),
    }),
  );

/** One less, or one more for zero and negative values: still fits the literal's type. */
const nudgeInteger = (value: string) => String(BigInt(value) > 0n ? BigInt(value) - 1n : BigInt(value) + 1n);

/** A string constant's text with one character more: still printable ASCII. */
const nudgeText = (value: string) => `${value}x`;

/** A new value (op numbers are renumbered by the op mutations instead). */
export const changeValue: MutationKind = (view) => {
  const ops = opConstants(view);
  return stableConstants(view)
    .filter((c) => !ops.has(c.name))
    .map((c) => {
      const nudge = c.cType === 'string' ? nudgeText : nudgeInteger;
      const values = c.values ? Object.fromEntries(Object.entries(c.values).map(([a, v]) => [a, nudge(v as string)])) : undefined;
      return mutation('constant.value', c.name, {
        description: c.values ? `${c.name}: every architecture's value changes by one` : `${c.name}: ${c.value} → ${nudge(c.value)}`,
        ...breaking([{ rule: 'CONSTANT_VALUE_CHANGED', item: c.name }]),
        // A mask spelled (1U << _BIT) whose value is no longer a bit is spelled in hex, and an
        // array spelled with the constant (`buf_ioreq[IOREQ_BUFFER_SLOT_NUM]`) gets the new length.
        apply: (v) =>
          mapTypes(
            editConstant(v, c.name, ({ bitConstant: _bit, ...x }) => ({ ...x, value: nudge(x.value), ...(values ? { values } : {}), ...(x.spelling === 'shift' ? { spelling: 'hex' as const } : {}) })),
            (t) => (t.kind === 'array' && t.lengthConstant === c.name ? { ...t, length: Number(nudge(String(t.length))) } : t),
          ),
      });
    });
};

/** Items that can move: constants and typedefs share these kinds. */
type Movable = ConstantDecl | AliasDecl;

function placement(kindOf: string, items: (view: View) => Movable[], edit: (v: View, name: string, since: string) => View): MutationKind {
  return (view) =>
    items(view).flatMap((c): Mutation[] => {
      const later = releaseAfter(c.since, 1);
      const earlier = releaseAfter(c.since, -1);
      const module = otherModule(view, c.module, [c.name]);
      const unstable = unstableModule(view);
      return [
        ...(module
          ? [
              mutation(`${kindOf}.module`, c.name, {
                description: `move ${c.name} from module ${c.module} to ${module}`,
                ...breaking([{ rule: 'MODULE_CHANGED', item: c.name }]),
                apply: (v: View) => moveItems(v, [c.name], { module, namespace: NAMESPACE }),
              }),
            ]
          : []),
        mutation(`${kindOf}.to-unstable`, c.name, {
          description: `move ${c.name} to the unstable module ${unstable}`,
          ...breaking([{ rule: 'NAMESPACE_MOVED', item: c.name }]),
          apply: (v) => moveItems(v, [c.name], { module: unstable, namespace: 'unstable' }),
        }),
        ...(later && c.since !== view.release
          ? [mutation(`${kindOf}.since-later`, c.name, { description: `${c.name} now claims Xen ${later} instead of ${c.since}`, ...breaking([{ rule: 'REMOVED_FROM_RELEASE', item: c.name }]), apply: (v: View) => edit(v, c.name, later) })]
          : []),
        ...(earlier
          ? [mutation(`${kindOf}.since-earlier`, c.name, { description: `${c.name} now claims Xen ${earlier} instead of ${c.since}`, ...breaking([{ rule: 'SINCE_CHANGED', item: c.name }]), apply: (v: View) => edit(v, c.name, earlier) })]
          : []),
      ];
    });
}

export const constantPlacement = placement('constant', stableConstants, (v, name, since) => editConstant(v, name, (c) => ({ ...c, since })));

export const constantDropArch: MutationKind = (view) =>
  stableConstants(view).flatMap((c) => {
    const archs = c.archs ?? ARCHES;
    if (archs.length < 2) return [];
    const [gone] = archs;
    const kept = archs.slice(1);
    return [
      mutation('constant.drop-arch', c.name, {
        description: `${c.name} no longer exists on ${gone}`,
        ...breaking([{ rule: 'CONSTANT_REMOVED', item: c.name }]),
        apply: (v) =>
          editConstant(v, c.name, (x) => ({
            ...x,
            archs: [...kept],
            ...(x.values ? { values: Object.fromEntries(Object.entries(x.values).filter(([a]) => a !== gone)) } : {}),
          })),
      }),
    ];
  });

// ---- Typedefs ------------------------------------------------------------------------------

/**
 * The stable typedefs with one spelling: one spelled per architecture (`xen_callback_t`) has no
 * single type to retarget or to spell its users with once removed, and its spellings share a name.
 */
const stableAliases = (view: View) => {
  const stable = view.aliases.filter((a) => a.namespace === NAMESPACE);
  return stable.filter((a) => stable.filter((b) => b.name === a.name).length === 1);
};

export const retargetAlias: MutationKind = (view) =>
  stableAliases(view).flatMap((a) => {
    const s = scalarOf(view, a.type);
    if (!s || a.type.kind !== 'scalar') return [];
    const targets = [
      ['typedef.widen', resized(s, 1)],
      ['typedef.narrow', resized(s, -1)],
      ['typedef.signedness', flipped(s)],
    ] as const;
    return targets.flatMap(([kind, to]) =>
      to
        ? [
            mutation(kind, a.name, {
              description: `typedef ${a.name}: ${s} → ${to}`,
              ...breaking([{ rule: 'TYPEDEF_CHANGED', item: a.name }]),
              apply: (v: View) => editAlias(v, a.name, (x) => ({ ...x, type: { kind: 'scalar', name: to } })),
            }),
          ]
        : [],
    );
  });

export const removeAlias: MutationKind = (view) =>
  stableAliases(view).flatMap((a) => [
    mutation('typedef.remove', a.name, {
      description: `remove typedef ${a.name}; its users are spelled ${spell(view, a.type)}`,
      ...breaking([{ rule: 'TYPEDEF_REMOVED', item: a.name }]),
      apply: (v) => {
        const spelled = mapTypes(v, (t) => (t.kind === 'alias' && t.name === a.name ? a.type : t));
        return { ...spelled, aliases: spelled.aliases.filter((x) => x.name !== a.name) };
      },
    }),
    mutation('typedef.rename', a.name, {
      description: `rename typedef ${a.name} to ${a.name}2, and its users`,
      ...breaking([{ rule: 'TYPEDEF_REMOVED', item: a.name }]),
      apply: (v) => {
        const to = `${a.name}2`;
        const spelled = mapTypes(v, (t) => (t.kind === 'alias' && t.name === a.name ? { ...t, name: to } : t));
        return {
          ...spelled,
          aliases: spelled.aliases.map((x) => (x.name === a.name ? { ...x, name: to } : x)),
          modules: spelled.modules.map((m) => ({ ...m, order: m.order.map((n) => (n === a.name ? to : n)) })),
        };
      },
    }),
  ]);

export const aliasPlacement = placement('typedef', stableAliases, (v, name, since) => editAlias(v, name, (a) => ({ ...a, since })));

export const CONSTANT_KINDS: MutationKind[] = [removeConstant, renameConstantKind, changeValue, constantPlacement, constantDropArch, retargetAlias, removeAlias, aliasPlacement];
