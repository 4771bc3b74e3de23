/**
 * C11 anonymous members in TypeScript. A value or a view has no way to be two objects at once,
 * so an anonymous struct or union is shown as every other inline record is: a nested object,
 * here under a generated name, `anon0` for the record named `parent.<anon0>` (its interface is
 * `parent_anon0`). Rust names them the same way. The union inside stays a union: one member
 * set on encode, every member filled on decode, exactly as a named inline union.
 */
import type { Field, RecordDecl } from '../../model/types.js';
import type { ReleaseModel } from '../../select/release.js';

/** The property name of an anonymous member: the last step of its inline record's name, `x.<anon0>` → `anon0`. */
export function anonymousName(field: Field): string {
  const record = field.type.kind === 'record' ? field.type.name : '';
  const m = /\.<(anon\d+)>$/.exec(record);
  if (!m) throw new Error(`ts emitter: an anonymous member of type ${JSON.stringify(field.type)} is not an inline record`);
  return m[1]!;
}

const ANONYMOUS_DOC = 'An anonymous member in C, whose members C reads as the enclosing record\'s; here a nested object.';

function named(record: RecordDecl): RecordDecl {
  if (!record.fields.some((f) => f.name === '')) return record;
  const fields = record.fields.map((f) => (f.name === '' ? { ...f, name: anonymousName(f), doc: f.doc ? `${f.doc}\n\n${ANONYMOUS_DOC}` : ANONYMOUS_DOC } : f));
  return { ...record, fields };
}

/** The model the emitter reads: every anonymous member given its generated name. */
export function withAnonymousNamed(model: ReleaseModel): ReleaseModel {
  if (!model.records.some((r) => r.fields.some((f) => f.name === ''))) return model;
  return { ...model, records: model.records.map(named) };
}
