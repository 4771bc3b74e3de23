/**
 * `flexible-array`: a flexible array member (`XEN_FLEX_ARRAY_DIM`) is an array of length 0
 * that comes last in a struct with at least one other member, and a struct ending in one is
 * never an array element or followed by another member, as C requires.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { TypeRef } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';
import { fieldPath, type ModelIndex, recordOf, scopesOf } from '../scope.js';

const RULE = 'flexible-array';

export const flexibleArray: ValidationPass = {
  id: RULE,
  description: 'A flexible array member is a length-0 array, last in a struct, and its struct is not an array element or a non-final member.',
  run(model) {
    const { index } = scopesOf(model);
    const endsFlexible = new Set(model.records.filter((r) => r.fields.some((f) => f.flexible)).map((r) => r.name));
    const diagnostics: Diagnostic[] = [];
    for (const record of model.records) {
      record.fields.forEach((field, i) => {
        const item = fieldPath(record, field);
        if (field.flexible) {
          const after = record.fields.slice(i + 1).map((f) => f.name || '(anonymous member)');
          if (record.kind !== 'struct') diagnostics.push(error(RULE, field.loc, item, `flexible array member \`${field.name}\` is only allowed in a struct, and ${record.name} is a union`));
          if (after.length) diagnostics.push(error(RULE, field.loc, item, `flexible array member \`${field.name}\` must be the last member of ${record.name}, but ${after.map((n) => `\`${n}\``).join(', ')} follow${after.length === 1 ? 's' : ''} it`));
          if (field.type.kind !== 'array' || field.type.length !== 0) diagnostics.push(error(RULE, field.loc, item, `flexible array member \`${field.name}\` must be an array of length 0`));
          if (record.fields.length === 1) diagnostics.push(error(RULE, field.loc, item, `flexible array member \`${field.name}\` cannot be the only member of ${record.name}`));
          return;
        }
        const held = recordOf(field.type, index);
        if (!held || !endsFlexible.has(held)) return;
        if (isArray(field.type, index)) {
          diagnostics.push(error(RULE, field.loc, item, `${held} ends in a flexible array member, so it cannot be an array element`));
        } else if (record.kind === 'struct' && i < record.fields.length - 1) {
          diagnostics.push(error(RULE, field.loc, item, `${held} ends in a flexible array member, so it must be the last member of ${record.name}`));
        }
      });
    }
    return diagnostics;
  },
};

/** An array, possibly behind typedefs. */
function isArray(type: TypeRef, index: ModelIndex, depth = 0): boolean {
  if (type.kind === 'array') return true;
  if (type.kind !== 'alias' || depth > 16) return false;
  const alias = index.aliases.get(type.name);
  return !!alias && isArray(alias.type, index, depth + 1);
}
