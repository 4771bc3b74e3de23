/**
 * `reference-lifetime`: an item exists wherever something that uses it exists. A member of
 * a typedef that only appears in 4.10, in a record that exists from 4.9, leaves 4.9 without
 * a type; the same goes for arches (an x86-only typedef in a record that Arm has too).
 */
import type { AliasDecl, ConstantDecl } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { referencesOf, type Reference } from '../references.js';
import { error } from '../report.js';
import { EMPTY, formatScope, type ModelIndex, type Scope, type Scopes, scopesOf } from '../scope.js';

const RULE = 'reference-lifetime';

export const referenceLifetime: ValidationPass = {
  id: RULE,
  description: 'Whatever an item refers to exists in every release and on every arch the item does.',
  run(model) {
    const scopes = scopesOf(model);
    const named = new Map<string, Scope | undefined>();
    return referencesOf(model).flatMap((ref) => {
      if (ref.scope === EMPTY) return [];
      const key = `${ref.target.kind}:${ref.target.name}`;
      if (!named.has(key)) named.set(key, targetScope(ref, scopes.index, scopes));
      const target = named.get(key);
      if (target === undefined) return [];
      const missing = ref.scope & ~target;
      if (missing === EMPTY) return [];
      return [error(RULE, ref.loc, ref.item, `uses \`${ref.target.name}\` (${ref.role} ${ref.item}), which does not exist ${formatScope(missing)}`)];
    });
  },
};

/** Where any declaration of `name` exists: a typedef may be declared once per arch. */
function declaredScope(declared: readonly (AliasDecl | ConstantDecl)[], scopes: Scopes): Scope | undefined {
  return declared.length ? declared.reduce((s, i) => s | scopes.item(i), EMPTY) : undefined;
}

function targetScope(ref: Reference, index: ModelIndex, scopes: Scopes): Scope | undefined {
  switch (ref.target.kind) {
    case 'record':
      return index.records.has(ref.target.name) ? scopes.record(ref.target.name) : undefined;
    case 'alias':
      return declaredScope(scopes.model.aliases.filter((a) => a.name === ref.target.name), scopes);
    case 'constant':
      return declaredScope(index.constantsNamed.get(ref.target.name) ?? [], scopes);
  }
}
