/**
 * `implicit-padding`: every hole the compiler inserts must be declared in the record's
 * `holes`, and every declared hole must be there. A hole is matched by the member it follows
 * and the arch; `since`/`until` on a declared hole limit it to the releases it exists in.
 *
 * The layout engine is asked for each record once per arch and per run of releases in
 * which neither the record nor anything it holds by value changes (no member, typedef or
 * hole starts or ends): the same answer as asking for every release, in a fraction of the time.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { ArchLayout, type HoleLayout, type RecordLayout } from '../../layout/engine.js';
import { ARCHES } from '../../model/arch.js';
import type { AbiModel, Arch, DeclaredHole, RecordDecl, TypeRef } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';
import { archsIn, EMPTY, formatScope, type ModelIndex, liveIn, releaseRuns, runScope, type Scope, type Scopes, scopesOf } from '../scope.js';

const RULE = 'implicit-padding';

interface Finding {
  record: RecordDecl;
  hole?: HoleLayout;
  declared?: DeclaredHole;
  scope: Scope;
}

export const implicitPadding: ValidationPass = {
  id: RULE,
  description: 'Every padding hole the layout engine finds is declared in holes, and every declared hole exists.',
  run(model) {
    const scopes = scopesOf(model);
    const undeclared = new Map<string, Finding>();
    const missing = new Map<string, Finding>();
    const layouts = new Layouts(model);
    for (const record of model.records) {
      const scope = scopes.record(record.name);
      for (const run of releaseRuns(dependencies(record, scopes.index))) {
        const release = run[0]!;
        for (const arch of ARCHES) {
          // An inline record may start or end inside the run (with the member using it),
          // but its layout is the same wherever in the run it exists.
          const where = runScope(run, [arch]) & scope;
          if (where === EMPTY) continue;
          const laid = layouts.record(release, arch, record.name);
          if (laid) compare(record, laid, release, arch, where, undeclared, missing);
        }
      }
    }
    return [
      ...[...undeclared.values()].map(reportUndeclared),
      ...[...missing.values()].map(reportMissing),
      ...model.records.flatMap((r) => holesOffArch(r, scopes)),
    ];
  },
};

// ---- Layouts --------------------------------------------------------------------------------

/** What a record's layout depends on: itself, its members and holes, and what it holds by value. */
function dependencies(record: RecordDecl, index: ModelIndex): { since?: string; until?: string }[] {
  const out: { since?: string; until?: string }[] = [];
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
  visitRecord(record);
  return out;
}

/** One layout engine per release and arch, made when first asked for. */
class Layouts {
  private readonly engines = new Map<string, ArchLayout>();
  private readonly views = new Map<string, Pick<AbiModel, 'records' | 'aliases'>>();

  constructor(private readonly model: AbiModel) {}

  /** The layout, or nothing when the record cannot be laid out (a missing type is another pass's error). */
  record(release: string, arch: Arch, name: string): RecordLayout | undefined {
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
    try {
      return engine.has(name) ? engine.record(name) : undefined;
    } catch {
      return undefined;
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

// ---- Comparing ----------------------------------------------------------------------------

function compare(
  record: RecordDecl,
  laid: RecordLayout,
  release: string,
  arch: Arch,
  where: Scope,
  undeclared: Map<string, Finding>,
  missing: Map<string, Finding>,
): void {
  const declared = (record.holes ?? []).filter((d) => d.archs.includes(arch) && liveIn(d, release));
  for (const hole of laid.holes) {
    if (declared.some((d) => d.after === hole.after)) continue;
    add(undeclared, `${record.name}|${hole.after}|${hole.offset}|${hole.bits}|${hole.tail}`, { record, hole, scope: EMPTY }, where);
  }
  for (const d of declared) {
    if (laid.holes.some((h) => h.after === d.after)) continue;
    add(missing, `${record.name}|${(record.holes ?? []).indexOf(d)}`, { record, declared: d, scope: EMPTY }, where);
  }
}

function add(findings: Map<string, Finding>, key: string, finding: Finding, where: Scope): void {
  const existing = findings.get(key) ?? finding;
  existing.scope |= where;
  findings.set(key, existing);
}

// ---- Reporting ----------------------------------------------------------------------------

function size(hole: HoleLayout): string {
  return hole.bits % 8 === 0 ? `${hole.bits / 8} byte${hole.bits === 8 ? '' : 's'}` : `${hole.bits} bits`;
}

function reportUndeclared({ record, hole, scope }: Finding): Diagnostic {
  const h = hole!;
  const field = record.fields.find((f) => f.name === h.after);
  const archs = archsIn(scope);
  const what = h.tail ? 'tail padding' : 'implicit padding';
  return error(
    RULE,
    field?.loc ?? record.loc,
    `${record.name}.${h.after}`,
    `${size(h)} of ${what} at offset ${h.offset} after \`${h.after}\` ${formatScope(scope)} ${h.bits === 8 ? 'is' : 'are'} not declared: ` +
      `declare the member explicitly or add { after: '${h.after}', archs: [${archs.map((a) => `'${a}'`).join(', ')}] } to holes`,
  );
}

function reportMissing({ record, declared, scope }: Finding): Diagnostic {
  const d = declared!;
  const member = record.fields.some((f) => f.name === d.after);
  const reason = member ? `the layout has no padding after \`${d.after}\` there` : `\`${d.after}\` is not a member of ${record.name}`;
  return error(RULE, record.loc, record.name, `declares a hole after \`${d.after}\` ${formatScope(scope)}, but ${reason}`);
}

/** Declared holes on arches where the record never exists. */
function holesOffArch(record: RecordDecl, scopes: Scopes): Diagnostic[] {
  const archs = archsIn(scopes.record(record.name));
  if (archs.length === 0) return [];
  return (record.holes ?? []).flatMap((d) => {
    const off = d.archs.filter((a) => !archs.includes(a));
    return off.length ? [error(RULE, record.loc, record.name, `declares a hole after \`${d.after}\` on ${off.join(', ')}, where ${record.name} does not exist`)] : [];
  });
}
