/**
 * What every part of the Rust view-model looks things up in: the release's items by name,
 * the layout engine per architecture, the architectures and releases each item exists in, and
 * the Rust spelling of a type together with the `use` it needs.
 */
import { aliasSpellings } from '../../model/aliases.js';
import type { ArchLayout } from '../../layout/engine.js';
import { ARCHES, onArch } from '../../model/arch.js';
import type { AbiModel, AliasDecl, Arch, ConstantDecl, ConstantSetDecl, HandleType, ModuleDecl, Namespace, RecordDecl, TypeRef } from '../../model/types.js';
import type { ReleaseModel } from '../../select/release.js';
import { archScalarType, cratePerArchType, handleType, ident, modulePath, recordName, scalarType, USER_PTR } from './names.js';
import { keepRetypedPadding, narrowRetypedRecords, presence, PresenceSet, RustReleases, widenChainedTypes, type Presence } from './releases.js';

export interface RustContext {
  model: ReleaseModel;
  /** The whole history, its views and layouts per release: what the `xen-*` features select from. */
  releases: RustReleases;
  layouts: ReadonlyMap<Arch, ArchLayout>;
  records: ReadonlyMap<string, RecordDecl>;
  /** Each typedef by name; one spelled per architecture (`xen_callback_t`) by its first spelling, see `aliasSpellings`. */
  aliases: ReadonlyMap<string, AliasDecl>;
  /** Every spelling of each typedef, one per architecture group where the type differs per architecture. */
  aliasSpellings: ReadonlyMap<string, readonly AliasDecl[]>;
  constants: ReadonlyMap<string, ConstantDecl>;
  sets: ReadonlyMap<string, ConstantSetDecl>;
  modules: ReadonlyMap<string, ModuleDecl>;
  /** Records declared inline in each record, in model order. */
  children: ReadonlyMap<string, RecordDecl[]>;
  /** Records the crate declares from a later release than Xen has them (`narrowRetypedRecords`), with Xen's first release. */
  narrowed: ReadonlyMap<string, string>;
}

/** `history` is the whole model (`EmitContext.history`); `model` the release emitted, the newest the crate knows. */
export function rustContext(newest: ReleaseModel, whole: AbiModel = newest): RustContext {
  const widened = widenChainedTypes(whole, keepRetypedPadding(whole, newest));
  const { history, newest: model, narrowed } = narrowRetypedRecords(widened.history, widened.newest);
  const children = new Map<string, RecordDecl[]>();
  for (const r of model.records) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const releases = new RustReleases(history, model);
  const ctx: RustContext = {
    model,
    releases,
    layouts: releases.layouts(model.release),
    records: new Map(model.records.map((r) => [r.name, r])),
    aliases: new Map([...aliasSpellings(model.aliases)].map(([name, spellings]) => [name, spellings[0]!])),
    aliasSpellings: aliasSpellings(model.aliases),
    constants: new Map(model.constants.map((c) => [c.name, c])),
    sets: new Map(model.sets.map((s) => [s.name, s])),
    modules: new Map(model.modules.map((m) => [m.name, m])),
    children,
    narrowed,
  };
  assertUniqueRustNames(ctx);
  return ctx;
}

/** Inline records are renamed (`xen_dm_op.u` → `xen_dm_op_u`); such a name must not clash with a Xen name. */
function assertUniqueRustNames(ctx: RustContext): void {
  const seen = new Map<string, string>();
  const claim = (rust: string, what: string) => {
    const other = seen.get(rust);
    if (other && other !== what) throw new Error(`rust emitter: ${what} and ${other} would both be named ${rust} in Rust`);
    seen.set(rust, what);
  };
  for (const r of ctx.model.records) {
    claim(recordName(r), `record ${r.name}`);
    if (r.typedef && r.typedef !== r.name) claim(ident(r.typedef), `record ${r.name}`);
  }
  for (const a of ctx.model.aliases) claim(ident(a.name), `typedef ${a.name}`);
}

/** The architectures a module's items may exist on. */
export function moduleArchs(ctx: RustContext, module: string): Arch[] {
  const m = ctx.modules.get(module);
  return ARCHES.filter((a) => !m || onArch(m, a));
}

/** The architectures a record exists on: its own, its module's and its enclosing record's. */
export function recordArchs(ctx: RustContext, record: RecordDecl): Arch[] {
  const parent = record.parent ? ctx.records.get(record.parent) : undefined;
  const outer = parent ? recordArchs(ctx, parent) : moduleArchs(ctx, record.module);
  return outer.filter((a) => ctx.layouts.get(a)!.has(record.name));
}

/** The architectures a typedef or constant exists on. */
export function itemArchs(ctx: RustContext, item: { module: string; archs?: Arch[] }): Arch[] {
  return moduleArchs(ctx, item.module).filter((a) => onArch(item, a));
}

/**
 * Where a module's items may exist: its architectures, from the first release of its oldest
 * item for a stable module (the module itself is declared from that release's feature on),
 * in the newest release only for an unstable one.
 */
export function modulePresence(ctx: RustContext, module: ModuleDecl): Presence {
  let found = modulePresences.get(module);
  if (!found) {
    const items = [...ctx.model.records, ...ctx.model.aliases, ...ctx.model.constants].filter((i) => i.module === module.name);
    const releases =
      module.namespace === 'unstable' ? [ctx.model.release] : ctx.releases.known.filter((r) => items.length === 0 || items.some((i) => ctx.releases.itemReleases(i).includes(r)));
    found = presence(moduleArchs(ctx, module.name), releases);
    modulePresences.set(module, found);
  }
  return found;
}

const modulePresences = new WeakMap<ModuleDecl, Presence>();

/** Where a record exists: its architectures, in the releases the features can select that have it. */
export function recordPresence(ctx: RustContext, record: RecordDecl): Presence {
  return presence(recordArchs(ctx, record), ctx.releases.itemReleases(record));
}

/** Where a typedef or constant exists. */
export function itemPresence(ctx: RustContext, item: { namespace: Namespace; module: string; since: string; until?: string; archs?: Arch[] }): Presence {
  return presence(itemArchs(ctx, item), ctx.releases.itemReleases(item));
}

/** The `#[cfg(…)]` for something present at `where` inside `scope`, or "". */
export function cfgIn(ctx: RustContext, where: Presence, scope: Presence): string {
  const predicate = ctx.releases.predicate(where, scope);
  return predicate ? `#[cfg(${predicate})]` : '';
}

/** Where a name the Rust code refers to is defined, when not in the module being written. */
interface Import {
  path: string;
  name: string;
  used: PresenceSet;
}

/** The `use` declarations one generated file needs, collected while its types are spelled. */
export class Uses {
  private readonly imports = new Map<string, Import>();

  constructor(
    private readonly ctx: RustContext,
    /** The file's own module path (`crate::stable::dm_op`, `crate::types`). */
    private readonly self: string,
    /** Where the file's items may exist; imports used everywhere there need no `cfg`. */
    private readonly scope: Presence,
  ) {}

  /** Notes that `name`, defined in `path`, is used at `where`. */
  add(path: string, name: string, where: Presence): void {
    if (path === this.self) return;
    const key = `${path}::${name}`;
    const entry = this.imports.get(key) ?? { path, name, used: new PresenceSet() };
    for (const [a, releases] of where) entry.used.add([a], releases);
    this.imports.set(key, entry);
  }

  /** The Rust spelling of `type`, noting what it needs imported where it is used (`archs`). */
  type(type: TypeRef, archs: Presence): string {
    switch (type.kind) {
      case 'scalar':
        return scalarType(type.name);
      case 'archScalar':
        if (cratePerArchType(type.name)) this.add('crate::types', archScalarType(type.name), archs);
        return archScalarType(type.name);
      case 'pointer':
        this.add('crate::types', USER_PTR, archs);
        return `${USER_PTR}<${type.pointee ? this.type(type.pointee, archs) : '::core::ffi::c_void'}>`;
      case 'handle':
        this.add('crate::types', handleType(type), archs);
        return handleType(type);
      case 'alias': {
        const alias = this.ctx.aliases.get(type.name);
        if (!alias) throw new Error(`rust emitter: no typedef ${type.name}`);
        this.add(ownerPath(alias), ident(alias.name), archs);
        return ident(alias.name);
      }
      case 'record': {
        const record = this.ctx.records.get(type.name);
        if (!record) throw new Error(`rust emitter: no record ${type.name}`);
        this.add(ownerPath(record), recordName(record), archs);
        return recordName(record);
      }
      case 'array':
        return `[${this.type(type.element, archs)}; ${type.length}]`;
    }
  }

  /** `use` lines, sorted, one per imported name, each under `cfg` when not used everywhere. */
  lines(): { cfg: string; line: string }[] {
    const known = this.ctx.releases.known;
    return [...this.imports.values()]
      .sort((a, b) => (a.path === b.path ? compare(a.name, b.name) : compare(a.path, b.path)))
      .map((i) => ({ cfg: cfgIn(this.ctx, i.used.presence(known), this.scope), line: `use ${i.path}::${i.name};` }));
  }
}

/** The module path that defines an item: `crate::stable::dm_op`. */
export function ownerPath(item: { namespace: Namespace; module: string }): string {
  return modulePath(item.namespace, item.module);
}

/** Every guest handle type a release uses, by Rust name, with where it is used. */
export function handlesInUse(ctx: RustContext): Map<string, { handle: HandleType; used: Presence }> {
  const found = new Map<string, { handle: HandleType; used: PresenceSet }>();
  const visit = (type: TypeRef, archs: readonly Arch[], releases: readonly string[]) => {
    if (type.kind === 'array') return visit(type.element, archs, releases);
    if (type.kind !== 'handle') return;
    const name = handleType(type);
    const entry = found.get(name) ?? { handle: type, used: new PresenceSet() };
    if (entry.handle.pointee !== type.pointee) {
      throw new Error(`rust emitter: ${name} points to ${entry.handle.pointee} in one place and ${type.pointee} in another`);
    }
    entry.used.add(archs, releases);
    found.set(name, entry);
  };
  for (const r of ctx.model.records) {
    const archs = recordArchs(ctx, r);
    const releases = ctx.releases.itemReleases(r);
    for (const f of r.fields) visit(f.type, archs.filter((a) => onArch(f, a)), ctx.releases.fieldReleases(r, f, releases));
  }
  for (const a of ctx.model.aliases) visit(a.type, itemArchs(ctx, a), ctx.releases.itemReleases(a));
  return new Map([...found].sort(([a], [b]) => compare(a, b)).map(([name, e]) => [name, { handle: e.handle, used: e.used.presence(ctx.releases.known) }]));
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
