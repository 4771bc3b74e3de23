/**
 * Layouts for the passes that need them: one layout engine per release and arch, made when
 * first asked for, and what a record's layout depends on, so a pass asks once per run of
 * releases in which none of that changes (`releaseRuns`).
 */
import { ArchLayout, LayoutOverflowError, type RecordLayout } from '../layout/engine.js';
import type { AbiModel, Arch, RecordDecl, TypeRef } from '../model/types.js';
import { liveIn, type ModelIndex } from './scope.js';

/** What a record's layout depends on: itself, its members and holes, and what it holds by value. */
export function dependencies(record: RecordDecl, index: ModelIndex): { since?: string; until?: string }[] {
  return typeDependencies(record, index);
}

/**
 * What the layout of a type (or of a record, given itself) depends on: the typedefs and records
 * it holds by value, their members and holes; `out` first.
 */
export function typeDependencies(start: TypeRef | RecordDecl, index: ModelIndex, out: { since?: string; until?: string }[] = []): { since?: string; until?: string }[] {
  const seen = new Set<string>();
  const visitType = (type: TypeRef): void => {
    if (type.kind === 'array') return visitType(type.element);
    if (type.kind === 'alias') {
      const alias = index.aliases.get(type.name);
      if (alias && !seen.has(`a:${alias.name}`)) {
        seen.add(`a:${alias.name}`);
        out.push(alias);
        visitType(alias.type);
      }
    }
    if (type.kind === 'record') visitRecord(index.records.get(type.name));
  };
  const visitRecord = (r: RecordDecl | undefined): void => {
    if (!r || seen.has(`r:${r.name}`)) return;
    seen.add(`r:${r.name}`);
    out.push(r, ...r.fields, ...(r.holes ?? []));
    for (const f of r.fields) visitType(f.type);
  };
  if ('fields' in start) visitRecord(start);
  else visitType(start);
  return out;
}

/** One layout engine per release and arch, made when first asked for. */
export class Layouts {
  private readonly engines = new Map<string, ArchLayout>();
  private readonly views = new Map<string, Pick<AbiModel, 'records' | 'aliases'>>();

  constructor(private readonly model: AbiModel) {}

  /** The engine of one release and arch. */
  engine(release: string, arch: Arch): ArchLayout {
    const key = `${release}/${arch}`;
    let engine = this.engines.get(key);
    if (!engine) {
      let view = this.views.get(release);
      if (!view) {
        view = releaseView(this.model, release);
        this.views.set(release, view);
      }
      engine = new ArchLayout(view, arch);
      this.engines.set(key, engine);
    }
    return engine;
  }

  /**
   * The layout, or nothing when the record does not exist there or cannot be laid out (a
   * missing type is another pass's error); `overflow` when it is too large to lay out exactly.
   */
  record(release: string, arch: Arch, name: string): { layout?: RecordLayout; overflow?: LayoutOverflowError } {
    const engine = this.engine(release, arch);
    try {
      return engine.has(name) ? { layout: engine.record(name) } : {};
    } catch (e) {
      return e instanceof LayoutOverflowError ? { overflow: e } : {};
    }
  }
}

/** The records and typedefs of one release, by lifetime only (unknown releases drop out). */
function releaseView(model: AbiModel, release: string): Pick<AbiModel, 'records' | 'aliases'> {
  const live = (item: { since?: string; until?: string }) => liveIn(item, release);
  return {
    records: model.records.filter(live).map((r) => (r.fields.every(live) ? r : { ...r, fields: r.fields.filter(live) })),
    aliases: model.aliases.filter(live),
  };
}

/** The layouts of a model, shared by every pass that asks. Models are not mutated once loaded. */
const shared = new WeakMap<AbiModel, Layouts>();

export function layoutsOf(model: AbiModel): Layouts {
  let layouts = shared.get(model);
  if (!layouts) shared.set(model, (layouts = new Layouts(model)));
  return layouts;
}
