/**
 * `rings`: what the ring construct and byte rings point at must be there and have the shape
 * the generated accessors assume. A ring page is a struct whose request, response and entry
 * records exist, and a ring-entries constant counts a ring page's entries; a byte ring's array is of one-byte integers with a power-of-two length (the
 * index is masked with it), and its consumer and producer indices are 32-bit unsigned members
 * of the same record.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Field, RecordDecl, TypeRef } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';
import { indexModel, type ModelIndex } from '../scope.js';

const RULE = 'rings';

export const rings: ValidationPass = {
  id: RULE,
  description: "A ring's records exist; a byte ring is a power-of-two array of bytes with 32-bit unsigned indices in its record.",
  run(model) {
    const index = indexModel(model);
    const counts = model.constants.filter((c) => c.ringEntries && !index.records.get(c.ringEntries)?.ring);
    return [
      ...model.records.flatMap((r) => [...ringProblems(r, index), ...(r.byteRings ?? []).flatMap((b) => byteRingProblems(r, b, index))]),
      ...counts.map((c) => error(RULE, c.loc, c.name, `counts the entries of \`${c.ringEntries}\`, which is no ring's page`)),
    ];
  },
};

function ringProblems(r: RecordDecl, index: ModelIndex): Diagnostic[] {
  const ring = r.ring;
  if (!ring) return [];
  const missing = [ring.request, ring.response, ring.entry].filter((name) => !index.records.has(name));
  const out = missing.map((name) => error(RULE, r.loc, r.name, `ring ${ring.name} names record \`${name}\`, which is not declared`));
  if (r.kind !== 'struct') out.push(error(RULE, r.loc, r.name, `ring ${ring.name}: the shared page must be a struct, and ${r.name} is a union`));
  return out;
}

function byteRingProblems(r: RecordDecl, b: NonNullable<RecordDecl['byteRings']>[number], index: ModelIndex): Diagnostic[] {
  const member = (name: string) => r.fields.find((f) => f.name === name);
  const out: Diagnostic[] = [];
  const data = member(b.data);
  if (!data) out.push(error(RULE, r.loc, r.name, `byte ring \`${b.data}\` is not a member of ${r.name}`));
  else if (!isByteArray(data.type, index)) out.push(error(RULE, data.loc, `${r.name}.${b.data}`, `byte ring \`${b.data}\` must be an array of uint8_t whose length is a power of two`));
  for (const name of [b.cons, b.prod]) {
    const f = member(name);
    if (!f) out.push(error(RULE, r.loc, r.name, `byte ring \`${b.data}\`: index \`${name}\` is not a member of ${r.name}`));
    else if (!isU32(f, index)) out.push(error(RULE, f.loc, `${r.name}.${name}`, `byte ring \`${b.data}\`: index \`${name}\` must be a 32-bit unsigned integer`));
  }
  return out;
}

function isByteArray(type: TypeRef, index: ModelIndex): boolean {
  if (type.kind !== 'array') return false;
  const element = resolve(type.element, index);
  const powerOfTwo = type.length > 0 && (type.length & (type.length - 1)) === 0;
  return powerOfTwo && element.kind === 'scalar' && element.name === 'uint8_t';
}

function isU32(f: Field, index: ModelIndex): boolean {
  const t = resolve(f.type, index);
  return f.bitWidth === undefined && t.kind === 'scalar' && t.name === 'uint32_t';
}

/** A type behind its typedefs. */
function resolve(type: TypeRef, index: ModelIndex, depth = 0): TypeRef {
  if (type.kind !== 'alias' || depth > 16) return type;
  const alias = index.aliases.get(type.name);
  return alias ? resolve(alias.type, index, depth + 1) : type;
}
