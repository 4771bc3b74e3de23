/**
 * What every part of the Rust view-model looks things up in: the release's items by name,
 * the layout engine per architecture, the architectures each item exists on, and the Rust
 * spelling of a type together with the `use` it needs.
 */
import { ArchLayout } from '../../layout/engine.js';
import { ARCHES, onArch } from '../../model/arch.js';
import type { AliasDecl, Arch, ConstantDecl, ConstantSetDecl, HandleType, ModuleDecl, Namespace, RecordDecl, TypeRef } from '../../model/types.js';
import type { ReleaseModel } from '../../select/release.js';
import { archPredicate, archScalarType, handleType, ident, modulePath, recordName, scalarType } from './names.js';

export interface RustContext {
  model: ReleaseModel;
  layouts: ReadonlyMap<Arch, ArchLayout>;
  records: ReadonlyMap<string, RecordDecl>;
  aliases: ReadonlyMap<string, AliasDecl>;
  constants: ReadonlyMap<string, ConstantDecl>;
  sets: ReadonlyMap<string, ConstantSetDecl>;
  modules: ReadonlyMap<string, ModuleDecl>;
  /** Records declared inline in each record, in model order. */
  children: ReadonlyMap<string, RecordDecl[]>;
}

export function rustContext(model: ReleaseModel): RustContext {
  const children = new Map<string, RecordDecl[]>();
  for (const r of model.records) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const ctx: RustContext = {
    model,
    layouts: new Map(ARCHES.map((a) => [a, new ArchLayout(model, a)])),
    records: new Map(model.records.map((r) => [r.name, r])),
    aliases: new Map(model.aliases.map((a) => [a.name, a])),
    constants: new Map(model.constants.map((c) => [c.name, c])),
    sets: new Map(model.sets.map((s) => [s.name, s])),
    modules: new Map(model.modules.map((m) => [m.name, m])),
    children,
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

/** Where a name the Rust code refers to is defined, when not in the module being written. */
interface Import {
  path: string;
  name: string;
  archs: Set<Arch>;
}

/** The `use` declarations one generated file needs, collected while its types are spelled. */
export class Uses {
  private readonly imports = new Map<string, Import>();

  constructor(
    private readonly ctx: RustContext,
    /** The file's own module path (`crate::stable::dm_op`, `crate::types`). */
    private readonly self: string,
    /** The architectures the file's items exist on; imports used on all of them need no `cfg`. */
    private readonly scope: readonly Arch[],
  ) {}

  /** Notes that `name`, defined in `path`, is used on `archs`. */
  add(path: string, name: string, archs: readonly Arch[]): void {
    if (path === this.self) return;
    const key = `${path}::${name}`;
    const entry = this.imports.get(key) ?? { path, name, archs: new Set<Arch>() };
    for (const a of archs) entry.archs.add(a);
    this.imports.set(key, entry);
  }

  /** The Rust spelling of `type`, noting what it needs imported. */
  type(type: TypeRef, archs: readonly Arch[]): string {
    switch (type.kind) {
      case 'scalar':
        return scalarType(type.name);
      case 'archScalar':
        this.add('crate::types', archScalarType(type.name), archs);
        return archScalarType(type.name);
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
    return [...this.imports.values()]
      .sort((a, b) => (a.path === b.path ? compare(a.name, b.name) : compare(a.path, b.path)))
      .map((i) => ({
        cfg: this.scope.every((a) => i.archs.has(a)) ? '' : `#[cfg(${archPredicate([...i.archs])})]`,
        line: `use ${i.path}::${i.name};`,
      }));
  }
}

/** The module path that defines an item: `crate::stable::dm_op`. */
export function ownerPath(item: { namespace: Namespace; module: string }): string {
  return modulePath(item.namespace, item.module);
}

/** Every guest handle type a release uses, by Rust name, with the architectures it is used on. */
export function handlesInUse(ctx: RustContext): Map<string, { handle: HandleType; archs: Set<Arch> }> {
  const found = new Map<string, { handle: HandleType; archs: Set<Arch> }>();
  const visit = (type: TypeRef, archs: readonly Arch[]) => {
    if (type.kind === 'array') return visit(type.element, archs);
    if (type.kind !== 'handle') return;
    const name = handleType(type);
    const entry = found.get(name) ?? { handle: type, archs: new Set<Arch>() };
    if (entry.handle.pointee !== type.pointee) {
      throw new Error(`rust emitter: ${name} points to ${entry.handle.pointee} in one place and ${type.pointee} in another`);
    }
    for (const a of archs) entry.archs.add(a);
    found.set(name, entry);
  };
  for (const r of ctx.model.records) {
    const archs = recordArchs(ctx, r);
    for (const f of r.fields) visit(f.type, archs.filter((a) => onArch(f, a)));
  }
  for (const a of ctx.model.aliases) visit(a.type, itemArchs(ctx, a));
  return new Map([...found].sort(([a], [b]) => compare(a, b)));
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
