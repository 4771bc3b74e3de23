/**
 * `declaration-order`: C needs a type complete before a member holds it by value, and a
 * typedef or macro declared before its first use. Within one module the generated header
 * follows the module's item order, so a record, typedef or length constant declared later
 * in the same module than its user is an error. (Other modules are included first.)
 * Records that hold each other by value in a circle have no order that works: `type-cycle`
 * reports the circle once, and this pass says nothing about its links.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { AbiModel, RecordDecl, SourceLocation, TypeRef } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';
import { fieldPath, type ModelIndex, scopesOf } from '../scope.js';
import { onOneCycle } from './type-cycle.js';

const RULE = 'declaration-order';

interface Need {
  kind: 'record' | 'typedef' | 'constant';
  /** The top-level item that must come first. */
  name: string;
  /** For a record: the record itself, which may be inline in `name`. */
  record?: string;
}

export const declarationOrder: ValidationPass = {
  id: RULE,
  description: 'Within a module, records used by value, typedefs and length constants are declared before their users.',
  run(model) {
    const { index } = scopesOf(model);
    const position = positions(model);
    const fields = model.records.flatMap((r) =>
      r.fields.flatMap((f) => {
        const needed = needs(f.type, true, index).filter((n) => !onCycleWith(model, { kind: 'record', name: r.name }, n));
        return check(needed, top(r, index), fieldPath(r, f), f.loc, position);
      }),
    );
    const aliases = model.aliases.flatMap((a) => {
      const needed = needs(a.type, false, index).filter((n) => !onCycleWith(model, { kind: 'typedef', name: a.name }, n));
      return check(needed, a.name, a.name, a.loc, position);
    });
    return [...fields, ...aliases];
  },
};

/** True when the need and its user are on one of `type-cycle`'s circles (a constant is on none). */
function onCycleWith(model: AbiModel, user: { kind: 'record' | 'typedef'; name: string }, need: Need): boolean {
  if (need.kind === 'constant') return false;
  return onOneCycle(model, user, need.kind === 'typedef' ? { kind: 'typedef', name: need.name } : { kind: 'record', name: need.record ?? need.name });
}

/** Each top-level item's place in its module's order. */
function positions(model: AbiModel): Map<string, { module: string; at: number }> {
  const map = new Map<string, { module: string; at: number }>();
  for (const m of model.modules) m.order.forEach((name, at) => map.has(name) || map.set(name, { module: m.name, at }));
  return map;
}

/** The top-level record an inline record is declared in. */
function top(record: RecordDecl, index: ModelIndex): string {
  let current = record;
  const seen = new Set<string>();
  while (current.parent && !seen.has(current.name)) {
    seen.add(current.name);
    const parent = index.records.get(current.parent);
    if (!parent) break;
    current = parent;
  }
  return current.name;
}

/** What a type needs declared first; `complete` when it is held by value. */
function needs(type: TypeRef, complete: boolean, index: ModelIndex): Need[] {
  switch (type.kind) {
    case 'record': {
      const record = index.records.get(type.name);
      return complete && record ? [{ kind: 'record', name: top(record, index), record: record.name }] : [];
    }
    case 'alias': {
      const alias = index.aliases.get(type.name);
      return [{ kind: 'typedef', name: type.name }, ...(alias && complete ? needs(alias.type, true, index).filter((n) => n.kind === 'record') : [])];
    }
    case 'array':
      return [...needs(type.element, true, index), ...(type.lengthConstant ? [{ kind: 'constant' as const, name: type.lengthConstant }] : [])];
    default:
      return [];
  }
}

function check(needed: Need[], user: string, item: string, loc: SourceLocation, position: Map<string, { module: string; at: number }>): Diagnostic[] {
  const at = position.get(user);
  if (!at) return [];
  const seen = new Set<string>();
  return needed.flatMap((need): Diagnostic[] => {
    if (seen.has(need.name)) return [];
    seen.add(need.name);
    if (need.name === user) return []; // an inline record of the user itself, or the user (type-cycle's)
    const target = position.get(need.name);
    if (!target || target.module !== at.module || target.at < at.at) return [];
    const use = need.kind === 'record' ? `holds record ${need.name} by value` : `uses ${need.kind} ${need.name}`;
    return [error(RULE, loc, item, `${use} before module ${at.module} declares it: list ${need.name} before ${user} in the module's items (C needs declaration order)`)];
  });
}
