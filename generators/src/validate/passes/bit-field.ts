/**
 * `bit-field`: a bit-field's type is an integer (a fixed-width or per-arch integer, or a
 * typedef of one), and its width fits that type on every arch the record exists on.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { DATA_MODELS } from '../../layout/datamodels.js';
import type { ArchScalarType, Field, RecordDecl, ScalarType, TypeRef } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';
import { archsIn, fieldPath, type ModelIndex, type Scopes, scopesOf } from '../scope.js';

const RULE = 'bit-field';

export const bitField: ValidationPass = {
  id: RULE,
  description: 'Bit-fields have an integer type and a width no wider than that type.',
  run(model) {
    const scopes = scopesOf(model);
    return model.records.flatMap((record) => record.fields.flatMap((field) => check(record, field, scopes.index, scopes)));
  },
};

function check(record: RecordDecl, field: Field, index: ModelIndex, scopes: Scopes): Diagnostic[] {
  if (field.bitWidth === undefined) return [];
  const item = fieldPath(record, field);
  const integer = integerOf(field.type, index);
  if (!integer) return [error(RULE, field.loc, item, `bit-field \`${field.name}\` has type ${describe(field.type)}, but a bit-field must have an integer type`)];
  const archs = archsIn(scopes.field(record, field));
  const narrow = archs
    .map((arch) => ({ arch, bits: 8 * (integer.kind === 'scalar' ? DATA_MODELS[arch].scalars[integer.name] : DATA_MODELS[arch].archScalars[integer.name]).size }))
    .filter((a) => field.bitWidth! > a.bits);
  if (narrow.length === 0) return [];
  const bits = narrow[0]!.bits;
  return [error(RULE, field.loc, item, `bit-field \`${field.name}\` is ${field.bitWidth} bits wide, but ${integer.name} has ${bits} bits on ${narrow.map((a) => a.arch).join(', ')}`)];
}

/** The integer type behind `type`, through typedefs. */
function integerOf(type: TypeRef, index: ModelIndex, depth = 0): ScalarType | ArchScalarType | undefined {
  if (type.kind === 'scalar' || type.kind === 'archScalar') return type;
  if (type.kind !== 'alias' || depth > 16) return undefined;
  const alias = index.aliases.get(type.name);
  return alias ? integerOf(alias.type, index, depth + 1) : undefined;
}

function describe(type: TypeRef): string {
  switch (type.kind) {
    case 'array':
      return `an array of ${type.length}`;
    case 'handle':
      return 'a guest handle';
    case 'pointer':
      return 'a pointer';
    case 'record':
      return `record ${type.name}`;
    default:
      return type.name;
  }
}
