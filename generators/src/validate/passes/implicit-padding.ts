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
import type { HoleLayout, RecordLayout } from '../../layout/engine.js';
import { ARCHES } from '../../model/arch.js';
import type { Arch, DeclaredHole, RecordDecl } from '../../model/types.js';
import { dependencies, layoutsOf } from '../layouts.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';
import { archsIn, EMPTY, formatScope, liveIn, releaseRuns, runScope, type Scope, type Scopes, scopesOf } from '../scope.js';

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
    const layouts = layoutsOf(model);
    for (const record of model.records) {
      const scope = scopes.record(record.name);
      for (const run of releaseRuns(dependencies(record, scopes.index))) {
        const release = run[0]!;
        for (const arch of ARCHES) {
          // An inline record may start or end inside the run (with the member using it),
          // but its layout is the same wherever in the run it exists.
          const where = runScope(run, [arch]) & scope;
          if (where === EMPTY) continue;
          const laid = layouts.record(release, arch, record.name).layout;
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
