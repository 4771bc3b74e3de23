/**
 * Mutations of a stable function-like macro: removed, renamed, a parameter more or fewer,
 * another value (the body plus one, a literal nudged), another module, namespace or first
 * release, and a new macro in every stable module; and the changes that must raise nothing:
 * the body respelled (literals in the other base, commutative operands swapped, so the
 * normalised text differs) and the parameters renamed.
 */
import { printMacroBody } from '../../../generators/src/model/macros.js';
import type { MacroDecl, MacroExpr } from '../../../generators/src/model/types.js';
import { declare, releaseAfter, type View } from './edit.js';
import { mutation, NAMESPACE, NEW, NEW_LOC, otherModule, stableModules, unstableModule } from './common.js';
import { breaking, compatible, type Mutation, type MutationKind } from './types.js';

const stableMacros = (view: View): MacroDecl[] => (view.macros ?? []).filter((m) => m.namespace === NAMESPACE);

/** The view with one macro replaced (or removed, when `edit` returns undefined). */
export function editMacro(view: View, name: string, edit: (m: MacroDecl) => MacroDecl | undefined): View {
  return { ...view, macros: (view.macros ?? []).flatMap((m) => (m.name === name ? (edit(m) ?? []) : [m])) };
}

function renameMacro(view: View, from: string, to: string): View {
  const moved = editMacro(view, from, (m) => ({ ...m, name: to }));
  return { ...moved, modules: moved.modules.map((m) => ({ ...m, order: m.order.map((n) => (n === from ? to : n)) })) };
}

const int = (value: bigint): MacroExpr => ({ kind: 'int', value: value.toString(), text: value.toString() });

/** The tree with each leaf (parameter, literal, constant) replaced by `leaf`'s answer. */
function mapTree(e: MacroExpr, leaf: (e: MacroExpr) => MacroExpr): MacroExpr {
  if (e.kind === 'not') return { kind: 'not', operand: mapTree(e.operand, leaf) };
  if (e.kind === 'binary') return { ...e, left: mapTree(e.left, leaf), right: mapTree(e.right, leaf) };
  return leaf(e);
}

/** The first integer literal of the body with its value one more (its text spelled to match). */
function nudgeLiteral(e: MacroExpr): MacroExpr | undefined {
  let done = false;
  const out = mapTree(e, (x) => {
    if (done || x.kind !== 'int') return x;
    done = true;
    return int(BigInt(x.value) + 1n);
  });
  return done ? out : undefined;
}

/** The same arithmetic spelled otherwise: literals in the other base, operands of commutative operators swapped. */
function respell(e: MacroExpr): MacroExpr {
  if (e.kind === 'int') {
    const v = BigInt(e.value);
    return { ...e, text: /^0[xX]/.test(e.text) ? v.toString() : `0x${v.toString(16)}` };
  }
  if (e.kind === 'not') return { kind: 'not', operand: respell(e.operand) };
  if (e.kind !== 'binary') return e;
  const [left, right] = [respell(e.left), respell(e.right)];
  return ['+', '*', '&', '|', '^'].includes(e.op) ? { ...e, left: right, right: left } : { ...e, left, right };
}

export const macroRemoveRename: MutationKind = (view) =>
  stableMacros(view).flatMap((m) => [
    mutation('macro.remove', m.name, {
      description: `remove ${m.name}()`,
      ...breaking([{ rule: 'MACRO_REMOVED', item: m.name }]),
      apply: (v) => ({ ...editMacro(v, m.name, () => undefined), modules: v.modules.map((x) => ({ ...x, order: x.order.filter((n) => n !== m.name) })) }),
    }),
    mutation('macro.rename', m.name, {
      description: `rename ${m.name} to ${m.name}_RENAMED`,
      ...breaking([{ rule: 'MACRO_REMOVED', item: m.name }]),
      apply: (v) => renameMacro(v, m.name, `${m.name}_RENAMED`),
    }),
  ]);

export const macroParams: MutationKind = (view) =>
  stableMacros(view).flatMap((m): Mutation[] => {
    const extra = `${NEW}_arg`;
    const more = mutation('macro.add-param', m.name, {
      description: `${m.name} takes a parameter more, which adds nothing`,
      ...breaking([{ rule: 'MACRO_PARAMS_CHANGED', item: m.name }]),
      apply: (v) =>
        editMacro(v, m.name, (x) => ({
          ...x,
          params: [...x.params, extra],
          body: { kind: 'binary', op: '+', left: x.body, right: { kind: 'binary', op: '*', left: { kind: 'param', name: extra }, right: int(0n) } },
          samples: x.samples.map((s) => [...s, '0']),
        })),
    });
    const last = m.params[m.params.length - 1];
    const fewer =
      m.params.length > 1 && last
        ? [
            mutation('macro.drop-param', m.name, {
              description: `${m.name} loses its last parameter ${last}, read as 0`,
              ...breaking([{ rule: 'MACRO_PARAMS_CHANGED', item: m.name }]),
              apply: (v: View) =>
                editMacro(v, m.name, (x) => ({ ...x, params: x.params.slice(0, -1), body: mapTree(x.body, (e) => (e.kind === 'param' && e.name === last ? int(0n) : e)), samples: x.samples.map((s) => s.slice(0, -1)) })),
            }),
          ]
        : [];
    return [more, ...fewer];
  });

export const macroValue: MutationKind = (view) =>
  stableMacros(view).flatMap((m): Mutation[] => {
    const nudged = nudgeLiteral(m.body);
    return [
      mutation('macro.value', m.name, {
        description: `${m.name} computes one more`,
        ...breaking([{ rule: 'MACRO_VALUE_CHANGED', item: m.name }]),
        apply: (v) => editMacro(v, m.name, (x) => ({ ...x, body: { kind: 'binary', op: '+', left: x.body, right: int(1n) } })),
      }),
      ...(nudged
        ? [
            mutation('macro.literal', m.name, {
              description: `${m.name}: its first literal is one more`,
              ...breaking([{ rule: 'MACRO_VALUE_CHANGED', item: m.name }]),
              apply: (v: View) => editMacro(v, m.name, (x) => ({ ...x, body: nudgeLiteral(x.body) ?? x.body })),
            }),
          ]
        : []),
    ];
  });

export const macroRespell: MutationKind = (view) =>
  stableMacros(view).flatMap((m) => [
    mutation('macro.respell', m.name, {
      description: `${m.name}: literals in the other base, commutative operands swapped`,
      ...compatible([], 'the same arithmetic: bodies are compared by value, not text'),
      // A body with nothing to respell (`x`) gets `+ 0`: the text must differ for the mutation to mean anything.
      apply: (v) => editMacro(v, m.name, (x) => ({ ...x, body: printMacroBody(respell(x.body)) !== printMacroBody(x.body) ? respell(x.body) : { kind: 'binary', op: '+', left: x.body, right: int(0n) } })),
    }),
    mutation('macro.rename-params', m.name, {
      description: `${m.name}: its parameters renamed`,
      ...compatible([], 'the same count and arithmetic'),
      apply: (v) =>
        editMacro(v, m.name, (x) => ({ ...x, params: x.params.map((p) => `${p}_${NEW}`), body: mapTree(x.body, (e) => (e.kind === 'param' ? { kind: 'param', name: `${e.name}_${NEW}` } : e)) })),
    }),
  ]);

export const macroPlacement: MutationKind = (view) =>
  stableMacros(view).flatMap((m): Mutation[] => {
    const later = releaseAfter(m.since, 1);
    const earlier = releaseAfter(m.since, -1);
    const module = otherModule(view, m.module, [m.name]);
    const move = (v: View, to: { module: string; namespace: 'stable' | 'unstable' }) => ({
      ...editMacro(v, m.name, (x) => ({ ...x, ...to })),
      modules: v.modules.map((x) => ({ ...x, order: x.name === to.module ? [...x.order, m.name] : x.order.filter((n) => n !== m.name) })),
    });
    return [
      ...(module
        ? [mutation('macro.module', m.name, { description: `move ${m.name} to module ${module}`, ...breaking([{ rule: 'MODULE_CHANGED', item: m.name }]), apply: (v: View) => move(v, { module, namespace: NAMESPACE }) })]
        : []),
      mutation('macro.to-unstable', m.name, {
        description: `move ${m.name} to the unstable module ${unstableModule(view)}`,
        ...breaking([{ rule: 'NAMESPACE_MOVED', item: m.name }]),
        apply: (v) => move(v, { module: unstableModule(v), namespace: 'unstable' }),
      }),
      ...(later && m.since !== view.release
        ? [mutation('macro.since-later', m.name, { description: `${m.name} now claims Xen ${later}`, ...breaking([{ rule: 'REMOVED_FROM_RELEASE', item: m.name }]), apply: (v: View) => editMacro(v, m.name, (x) => ({ ...x, since: later })) })]
        : []),
      ...(earlier
        ? [mutation('macro.since-earlier', m.name, { description: `${m.name} now claims Xen ${earlier}`, ...breaking([{ rule: 'SINCE_CHANGED', item: m.name }]), apply: (v: View) => editMacro(v, m.name, (x) => ({ ...x, since: earlier })) })]
        : []),
    ];
  });

export const addMacro: MutationKind = (view) =>
  stableModules(view).map((module) => {
    const name = `${NEW.toUpperCase()}_${module.toUpperCase()}_NEW_MACRO`;
    const decl: MacroDecl = {
      kind: 'macro',
      name,
      params: ['x'],
      body: { kind: 'binary', op: '+', left: { kind: 'param', name: 'x' }, right: int(1n) },
      width: 32,
      samples: [['0']],
      namespace: NAMESPACE,
      module,
      since: view.release,
      loc: NEW_LOC,
      doc: 'A macro a mutation added.',
    };
    return mutation('add.macro', module, {
      description: `add macro ${name}(x) to module ${module}`,
      ...compatible([{ rule: 'MACRO_ADDED', item: name }]),
      apply: (v) => declare({ ...v, macros: [...(v.macros ?? []), decl] }, module, name),
    });
  });

export const MACRO_KINDS: readonly MutationKind[] = [macroRemoveRename, macroParams, macroValue, macroRespell, macroPlacement, addMacro];
