/**
 * `array-length`: every array has at least one element, except a flexible array member's
 * (length 0 by definition), and a length is a whole number a JavaScript number holds exactly
 * (at most 2^53 − 1: the model and the TypeScript bindings carry lengths as numbers); an array
 * whose length Xen spells with a constant has that constant's value as its length wherever
 * both exist.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ArrayType, SourceLocation, TypeRef } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';
import { EMPTY, fieldPath, formatScope, namedValueAt, pair, pairsOf, type Scope, type Scopes, scopesOf } from '../scope.js';

const RULE = 'array-length';

export const arrayLength: ValidationPass = {
  id: RULE,
  description: 'Arrays have a whole length > 0 (unless flexible), exact as a number, and match their length constant.',
  run(model) {
    const scopes = scopesOf(model);
    const fields = model.records.flatMap((r) =>
      r.fields.flatMap((f) => check(f.type, f.flexible === true, fieldPath(r, f), f.loc, () => scopes.field(r, f), scopes)),
    );
    const aliases = model.aliases.flatMap((a) => check(a.type, false, a.name, a.loc, () => scopes.item(a), scopes));
    return [...fields, ...aliases];
  },
};

function arrays(type: TypeRef): ArrayType[] {
  return type.kind === 'array' ? [type, ...arrays(type.element)] : [];
}

function check(type: TypeRef, flexible: boolean, item: string, loc: SourceLocation, scope: () => Scope, scopes: Scopes): Diagnostic[] {
  return arrays(type).flatMap((array, depth): Diagnostic[] => {
    const out: Diagnostic[] = [];
    const outerFlexible = flexible && depth === 0;
    if (!Number.isSafeInteger(array.length)) {
      out.push(error(RULE, loc, item, `array length ${array.length} is not a whole number of at most 2^53 - 1 (9007199254740991): beyond that a JavaScript number cannot hold it exactly`));
      return out;
    }
    if (array.length <= 0 && !outerFlexible) {
      out.push(error(RULE, loc, item, `array length ${array.length} must be at least 1 (only a flexible array member, declared with flex(), has no length)`));
    }
    const name = array.lengthConstant;
    if (!name || outerFlexible) return out;
    const wrong = new Map<string, Scope>();
    for (const { release, arch } of pairsOf(scope())) {
      const value = namedValueAt(scopes, name, release, arch);
      if (value === undefined || value === BigInt(array.length)) continue;
      wrong.set(String(value), (wrong.get(String(value)) ?? EMPTY) | pair(release, arch));
    }
    for (const [value, where] of wrong) {
      out.push(error(RULE, loc, item, `array length ${array.length} differs from ${name} = ${value} (${formatScope(where)})`));
    }
    return out;
  });
}
