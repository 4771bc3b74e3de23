/**
 * Copy-on-write edits of a release view, and the reference bookkeeping a real edit of
 * `abi/` would do with it: renaming a record renames every field type, op payload and
 * module entry naming it; removing a constant spells array lengths and masks with numbers.
 * A mutant is therefore a model the layout engine and the C emitter can still read, and
 * the checker sees the one change, not a dangling name.
 */
import { XEN_RELEASES } from '../../../generators/src/model/releases.js';
import type { AliasDecl, ConstantDecl, ConstantSetDecl, Field, MacroExpr, ModuleDecl, Namespace, RecordDecl, RingInfo, ScalarName, TypeRef } from '../../../generators/src/model/types.js';
import type { ReleaseModel } from '../../../generators/src/select/release.js';

export type View = ReleaseModel;

// ---- Items ---------------------------------------------------------------------------------

/** The view with one record replaced (or removed, when `edit` returns undefined). */
export function editRecord(view: View, name: string, edit: (r: RecordDecl) => RecordDecl | undefined): View {
  return { ...view, records: view.records.flatMap((r) => (r.name === name ? (edit(r) ?? []) : [r])) };
}

export function editFields(view: View, record: string, edit: (fields: Field[]) => Field[]): View {
  return editRecord(view, record, (r) => ({ ...r, fields: edit(r.fields) }));
}

export function editField(view: View, record: string, field: string, edit: (f: Field) => Field | undefined): View {
  return editFields(view, record, (fields) => fields.flatMap((f) => (f.name === field ? (edit(f) ?? []) : [f])));
}

export function editConstant(view: View, name: string, edit: (c: ConstantDecl) => ConstantDecl | undefined): View {
  return { ...view, constants: view.constants.flatMap((c) => (c.name === name ? (edit(c) ?? []) : [c])) };
}

export function editAlias(view: View, name: string, edit: (a: AliasDecl) => AliasDecl | undefined): View {
  return { ...view, aliases: view.aliases.flatMap((a) => (a.name === name ? (edit(a) ?? []) : [a])) };
}

export function editSet(view: View, name: string, edit: (s: ConstantSetDecl) => ConstantSetDecl): View {
  return { ...view, sets: view.sets.map((s) => (s.name === name ? edit(s) : s)) };
}

export function editModule(view: View, name: string, edit: (m: ModuleDecl) => ModuleDecl): View {
  return { ...view, modules: view.modules.map((m) => (m.name === name ? edit(m) : m)) };
}

/** Every type in the view (field types, typedef targets), rewritten bottom-up by `edit`. */
export function mapTypes(view: View, edit: (t: TypeRef) => TypeRef): View {
  const walk = (t: TypeRef): TypeRef => edit(t.kind === 'array' ? { ...t, element: walk(t.element) } : t);
  return {
    ...view,
    records: view.records.map((r) => ({ ...r, fields: r.fields.map((f) => ({ ...f, type: walk(f.type) })) })),
    aliases: view.aliases.map((a) => ({ ...a, type: walk(a.type) })),
  };
}

// ---- Declaration order -----------------------------------------------------------------------

/** Appends a new item to its module's declaration order. */
export function declare(view: View, module: string, name: string): View {
  return editModule(view, module, (m) => ({ ...m, order: [...m.order, name] }));
}

/**
 * Moves items (a record and the records declared inline in it) to another module; modules
 * that use a moved record or typedef import it (constants are not imported, as in lowering).
 */
export function moveItems(view: View, names: readonly string[], to: { module: string; namespace: Namespace }): View {
  const typed = names.some((n) => view.records.some((r) => r.name === n) || view.aliases.some((a) => a.name === n));
  const moved = moveOnly(view, names, to, typed);
  return typed ? withDerivedImports(moved) : moved;
}

/**
 * Adds to each module's imports the modules owning the records and typedefs it refers to,
 * as lowering derives them (it never drops one: a stale import is harmless to a header).
 */
export function withDerivedImports(view: View): View {
  const list = references(view);
  const owner = new Map(list.map((i) => [i.name, i.module]));
  return {
    ...view,
    modules: view.modules.map((m) => {
      const needed = list.filter((i) => i.module === m.name).flatMap((i) => i.refs.map((r) => owner.get(r)));
      return { ...m, imports: [...new Set([...m.imports, ...needed.filter((o): o is string => !!o && o !== m.name)])].sort() };
    }),
  };
}

/** The names a type refers to: records and typedefs, through arrays. */
const namesIn = (t: TypeRef): string[] => (t.kind === 'record' || t.kind === 'alias' ? [t.name] : t.kind === 'array' ? namesIn(t.element) : []);

/** The records and typedefs each record, typedef and set refers to, with its module (memoised per view). */
const referencesMemo = new WeakMap<View, { module: string; name: string; refs: string[] }[]>();

function references(view: View): { module: string; name: string; refs: string[] }[] {
  let list = referencesMemo.get(view);
  if (!list) {
    list = [
      ...view.records.map((r) => ({ module: r.module, name: r.name, refs: r.fields.flatMap((f) => namesIn(f.type)) })),
      ...view.aliases.map((a) => ({ module: a.module, name: a.name, refs: namesIn(a.type) })),
      ...view.sets.map((s) => ({ module: s.module, name: s.name, refs: [...(s.ops ?? []).flatMap((o) => (o.record ? [o.record] : [])), ...(s.dispatch ? [s.dispatch.record] : [])] })),
    ];
    referencesMemo.set(view, list);
  }
  return list;
}

/** True when moving `names` to module `to` would make two headers include each other (what `moveItems` then derives). */
export function moveMakesImportCycle(view: View, names: readonly string[], to: string): boolean {
  const moving = new Set(names);
  const list = references(view);
  const owner = new Map(list.map((i) => [i.name, moving.has(i.name) ? to : i.module]));
  const imports = new Map(view.modules.map((m) => [m.name, new Set(m.imports)]));
  for (const item of list) {
    const from = moving.has(item.name) ? to : item.module;
    for (const ref of item.refs) {
      const target = owner.get(ref);
      if (target && target !== from) imports.get(from)?.add(target);
    }
  }
  return cyclic(new Map([...imports].map(([m, set]) => [m, [...set]])));
}

/** True when some module imports itself through others: C could not include their headers. */
function cyclic(imports: ReadonlyMap<string, readonly string[]>): boolean {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (name: string): boolean => {
    if (state.get(name) === 'open') return true;
    if (state.get(name) === 'done') return false;
    state.set(name, 'open');
    const cyclic = (imports.get(name) ?? []).some(visit);
    state.set(name, 'done');
    return cyclic;
  };
  return [...imports.keys()].some(visit);
}

function moveOnly(view: View, names: readonly string[], to: { module: string; namespace: Namespace }, typed: boolean): View {
  const moving = new Set(names);
  const retag = <T extends { name: string; module: string; namespace: Namespace }>(item: T): T => (moving.has(item.name) ? { ...item, ...to } : item);
  // Only items declared on their own are in a module's order; inline records follow their parent.
  const ordered = names.filter((n) => view.modules.some((m) => m.order.includes(n)));
  const stripped = view.modules.map((m) => ({ ...m, order: m.order.filter((n) => !moving.has(n)) }));
  return {
    ...view,
    records: view.records.map(retag),
    aliases: view.aliases.map(retag),
    constants: view.constants.map(retag),
    sets: view.sets.map(retag),
    modules: stripped.map((m) => (m.name === to.module ? { ...m, order: typed ? placed(view, m.order, ordered, moving) : [...m.order, ...ordered] } : m)),
  };
}

/** `order` with `items` declared just before the first item that uses one of them (inline records included), else at the end. */
function placed(view: View, order: readonly string[], items: readonly string[], moving: ReadonlySet<string>): string[] {
  const { byName } = recordIndex(view.records);
  const uses = (item: string): boolean => {
    // The record (with those declared inline in it) or the alias named `item`: does a field or the alias's type name a moving item?
    const records = withInline(view, item).flatMap((n) => byName.get(n) ?? []);
    const types = [...records.flatMap((r) => r.fields.map((f) => f.type)), ...view.aliases.filter((a) => a.name === item).map((a) => a.type)];
    return types.some((t) => namesIn(t).some((n) => moving.has(n)));
  };
  const at = order.findIndex(uses);
  return at < 0 ? [...order, ...items] : [...order.slice(0, at), ...items, ...order.slice(at)];
}

/** A view's records by name and the names of the records declared inline in each, in the view's order. */
interface RecordIndex {
  byName: Map<string, RecordDecl[]>;
  children: Map<string, string[]>;
}

/**
 * Views are never modified (every edit copies what it changes), so an index of a records
 * list holds as long as the list: built once per list, not per lookup. `placed` looked up
 * every record of a module's order this way, each lookup a scan of the whole view, and the
 * module moves spent most of the mutation suite's time there (docs/performance.md, "Suite time").
 */
const recordIndexes = new WeakMap<readonly RecordDecl[], RecordIndex>();
function recordIndex(records: readonly RecordDecl[]): RecordIndex {
  let index = recordIndexes.get(records);
  if (!index) {
    index = { byName: new Map(), children: new Map() };
    for (const r of records) {
      index.byName.set(r.name, [...(index.byName.get(r.name) ?? []), r]);
      if (r.parent !== undefined) index.children.set(r.parent, [...(index.children.get(r.parent) ?? []), r.name]);
    }
    recordIndexes.set(records, index);
  }
  return index;
}

/** A record and every record declared inline in it, outermost first. */
export function withInline(view: View, name: string): string[] {
  const children = (recordIndex(view.records).children.get(name) ?? []).flatMap((child) => withInline(view, child));
  return [name, ...children];
}

// ---- Records -------------------------------------------------------------------------------

/** Renames a top-level record (tag, typedef) and every reference to it. */
export function renameRecord(view: View, from: string, to: { name: string; typedef?: string }): View {
  const renamed = mapTypes(view, (t) => (t.kind === 'record' && t.name === from ? { ...t, name: to.name } : t));
  return {
    ...renamed,
    records: renamed.records.map((r) => {
      if (r.name === from) {
        const { typedef: _typedef, ...rest } = r;
        return { ...rest, name: to.name, ...(r.tag ? { tag: to.name } : {}), ...(to.typedef ? { typedef: to.typedef } : {}) };
      }
      const ring = r.ring && ringNames(r.ring).includes(from) ? { ring: renameInRing(r.ring, from, to.name) } : {};
      return r.parent === from || r.xenScope === from || 'ring' in ring
        ? { ...r, ...(r.parent === from ? { parent: to.name } : {}), ...(r.xenScope === from ? { xenScope: to.name } : {}), ...ring }
        : r;
    }),
    sets: renamed.sets.map((s) => ({
      ...s,
      ...(s.field?.startsWith(`${from}.`) ? { field: `${to.name}${s.field.slice(from.length)}` } : {}),
      ...(s.ops ? { ops: s.ops.map((o) => (o.record === from ? { ...o, record: to.name } : o)) } : {}),
      ...(s.dispatch?.record === from ? { dispatch: { ...s.dispatch, record: to.name } } : {}),
    })),
    modules: renamed.modules.map((m) => ({ ...m, order: m.order.map((n) => (n === from ? to.name : n)) })),
  };
}

/** Removes records and the op payloads that named them; a record Xen declared inside a removed one is declared on its own. */
export function removeRecords(view: View, names: readonly string[]): View {
  const gone = new Set(names);
  return {
    ...view,
    records: view.records.filter((r) => !gone.has(r.name)).map((r) => (r.xenScope && gone.has(r.xenScope) ? (({ xenScope: _s, ...rest }) => rest)(r) : r)),
    sets: view.sets.map((s) => (s.ops ? { ...s, ops: s.ops.map((o) => (o.record && gone.has(o.record) ? { constant: o.constant } : o)) } : s)),
  };
}

/**
 * Records whose fields name `name` (through arrays and typedefs), other than its own inline
 * children, and ring pages whose request, response or entries it is: the page is laid out
 * from them (its alignment is its entries'), so they are referenced as a member's type is.
 */
export function referrers(view: View, name: string): string[] {
  const aliasTargets = new Map(view.aliases.map((a) => [a.name, a.type]));
  const names = (t: TypeRef): boolean =>
    t.kind === 'record' ? t.name === name : t.kind === 'array' ? names(t.element) : t.kind === 'alias' ? !!aliasTargets.get(t.name) && names(aliasTargets.get(t.name) as TypeRef) : false;
  return view.records.filter((r) => r.name !== name && (r.fields.some((f) => names(f.type)) || (r.ring !== undefined && ringNames(r.ring).includes(name)))).map((r) => r.name);
}

/** The records a ring page is laid out from. */
const ringNames = (ring: RingInfo): string[] => [ring.request, ring.response, ring.entry];

function renameInRing(ring: RingInfo, from: string, to: string): RingInfo {
  const swap = (n: string) => (n === from ? to : n);
  return { ...ring, request: swap(ring.request), response: swap(ring.response), entry: swap(ring.entry) };
}

/** The union a dispatched op set carries its payloads in (`xen_dm_op.u`), if any. */
export function payloadUnion(view: View, set: ConstantSetDecl): string | undefined {
  const d = set.dispatch;
  const field = d?.payloadField ? view.records.find((r) => r.name === d.record)?.fields.find((f) => f.name === d.payloadField) : undefined;
  return field?.type.kind === 'record' ? field.type.name : undefined;
}

/**
 * Renames (or, with `to` undefined, forgets) a field's references elsewhere: the members op
 * payloads name, a dispatch's op and payload fields, a set's field, a growable record's
 * version field.
 */
export function renameFieldRefs(view: View, record: string, from: string, to: string | undefined): View {
  return {
    ...view,
    sets: view.sets.map((s) => {
      let next: ConstantSetDecl = s;
      if (s.field === `${record}.${from}`) next = to ? { ...next, field: `${record}.${to}` } : without(next, 'field');
      if (to && s.dispatch?.record === record && s.dispatch.opField === from) next = { ...next, dispatch: { ...s.dispatch, opField: to } };
      if (to && s.dispatch?.record === record && s.dispatch.payloadField === from) next = { ...next, dispatch: { ...s.dispatch, payloadField: to } };
      if (s.ops && payloadUnion(view, s) === record) {
        next = { ...next, ops: s.ops.map((o) => (o.member !== from ? o : to ? { ...o, member: to } : without(o, 'member'))) };
      }
      return next;
    }),
    records: view.records.map((r) => (to && r.name === record && r.growable?.versionField === from ? { ...r, growable: { ...r.growable, versionField: to } } : r)),
  };
}

/** A copy of `o` without `key`. */
export function without<T extends object, K extends keyof T>(o: T, key: K): Omit<T, K> {
  const copy = { ...o };
  delete copy[key];
  return copy;
}

// ---- Constants -----------------------------------------------------------------------------

/** Removes constants; array lengths and masks that were spelled with them are spelled with numbers. */
export function removeConstants(view: View, names: readonly string[]): View {
  const gone = new Set(names);
  const unspelled = mapTypes(view, (t) => (t.kind === 'array' && t.lengthConstant && gone.has(t.lengthConstant) ? (({ lengthConstant: _l, ...rest }) => rest)(t) : t));
  return {
    ...unspelled,
    constants: unspelled.constants
      .filter((c) => !gone.has(c.name))
      .map((c) => (c.bitConstant && gone.has(c.bitConstant) ? { ...(({ bitConstant: _b, ...rest }) => rest)(c), spelling: 'hex' as const } : c)),
    sets: unspelled.sets.map((s) => (s.flags ? { ...s, flags: s.flags.map((f) => (f.bitConstant && gone.has(f.bitConstant) ? { mask: f.mask, bit: f.bit } : f)) } : s)),
  };
}

/** Renames a constant and every reference to it. */
export function renameConstant(view: View, from: string, to: string): View {
  const swap = (n: string | undefined) => (n === from ? to : n);
  const respelled = mapTypes(view, (t) => (t.kind === 'array' && t.lengthConstant === from ? { ...t, lengthConstant: to } : t));
  return {
    ...respelled,
    constants: respelled.constants.map((c) => ({ ...c, name: swap(c.name) as string, ...(c.bitConstant ? { bitConstant: swap(c.bitConstant) } : {}) })),
    sets: respelled.sets.map((s) => ({
      ...s,
      ...(s.ops ? { ops: s.ops.map((o) => ({ ...o, constant: swap(o.constant) as string })) } : {}),
      ...(s.flags ? { flags: s.flags.map((f) => ({ ...f, mask: swap(f.mask) as string, ...(f.bitConstant ? { bitConstant: swap(f.bitConstant) } : {}) })) } : {}),
      ...(s.values ? { values: s.values.map((v) => swap(v) as string) } : {}),
    })),
    ...(respelled.macros ? { macros: respelled.macros.map((m) => ({ ...m, body: renameInBody(m.body, from, to) })) } : {}),
    modules: respelled.modules.map((m) => ({ ...m, order: m.order.map((n) => swap(n) as string) })),
  };
}

/** A macro body naming constant `from` as `to`. */
function renameInBody(e: MacroExpr, from: string, to: string): MacroExpr {
  if (e.kind === 'constant') return e.name === from ? { ...e, name: to } : e;
  if (e.kind === 'not') return { kind: 'not', operand: renameInBody(e.operand, from, to) };
  if (e.kind === 'binary') return { ...e, left: renameInBody(e.left, from, to), right: renameInBody(e.right, from, to) };
  return e;
}

/** A new constant, declared at the end of its module. */
export function addConstant(view: View, c: ConstantDecl): View {
  return declare({ ...view, constants: [...view.constants, c] }, c.module, c.name);
}

// ---- Types and releases --------------------------------------------------------------------

export const UNSIGNED: readonly ScalarName[] = ['uint8_t', 'uint16_t', 'uint32_t', 'uint64_t'];
export const SIGNED: readonly ScalarName[] = ['int8_t', 'int16_t', 'int32_t', 'int64_t'];

/**
 * C's spellings of fixed-width integers as their `<stdint.h>` names (the same types on every
 * architecture xenabi knows). `char` has none: its signedness depends on the architecture.
 */
const STDINT: Partial<Record<ScalarName, ScalarName>> = { 'unsigned char': 'uint8_t', int: 'int32_t', 'unsigned int': 'uint32_t' };

export function stdint(name: ScalarName): ScalarName | undefined {
  const s = STDINT[name] ?? name;
  return UNSIGNED.includes(s) || SIGNED.includes(s) ? s : undefined;
}

/** The scalar of another width (`step` +1 wider, -1 narrower) and the same signedness, if any. */
export function resized(name: ScalarName, step: 1 | -1): ScalarName | undefined {
  const s = stdint(name);
  if (!s) return undefined;
  const family = UNSIGNED.includes(s) ? UNSIGNED : SIGNED;
  return family[family.indexOf(s) + step];
}

/** The scalar of the same width and the other signedness, if the scalar has a fixed one. */
export function flipped(name: ScalarName): ScalarName | undefined {
  const s = stdint(name);
  if (!s) return undefined;
  const i = UNSIGNED.indexOf(s);
  return i >= 0 ? SIGNED[i] : UNSIGNED[SIGNED.indexOf(s)];
}

/** The scalar a type is, through typedefs; undefined for anything else. */
export function scalarOf(view: View, t: TypeRef): ScalarName | undefined {
  if (t.kind === 'scalar') return t.name;
  if (t.kind === 'alias') {
    const alias = view.aliases.find((a) => a.name === t.name);
    return alias ? scalarOf(view, alias.type) : undefined;
  }
  return undefined;
}

/** The release `steps` after (or before) `release` in the registry, if there is one. */
export function releaseAfter(release: string, steps: number): string | undefined {
  const i = (XEN_RELEASES as readonly string[]).indexOf(release);
  return XEN_RELEASES[i + steps];
}
