/**
 * Which way op payloads' members travel (`Field.direction`): which records are op payloads,
 * and how a direction reads in documentation. Emitters and the `field-direction` pass share
 * these, so a member's direction means the same everywhere.
 */
import type { AbiModel, Field, FieldDirection, RecordDecl, TypeRef } from './types.js';

/** How a direction opens a member's documentation. */
export const DIRECTION_WORDS: Readonly<Record<FieldDirection, string>> = {
  in: 'Input',
  out: 'Output',
  inout: 'Input and output',
};

/** A member's documentation with its direction in front (`Input: the server.`), as every emitter prints it. */
export function directedDoc(field: Pick<Field, 'doc' | 'direction'>): string | undefined {
  if (!field.direction) return field.doc;
  const word = DIRECTION_WORDS[field.direction];
  return field.doc ? `${word}: ${field.doc}` : `${word}.`;
}

/** True when some member of `record` has a direction: it is an op payload that says what a caller sets. */
export function isDirected(record: Pick<RecordDecl, 'fields'>): boolean {
  return record.fields.some((f) => f.direction !== undefined);
}

/**
 * True when an encoder may leave the member out (and writes zero): a member of a directed
 * record that the caller does not set (`out`, or private to Xen). Padding is never given.
 */
export function optionalOnEncode(record: Pick<RecordDecl, 'fields'>, field: Pick<Field, 'direction' | 'padding'>): boolean {
  return !field.padding && !isInput(field) && isDirected(record);
}

/** True when the caller sets the member before a call (`in`, `inout`). */
export function isInput(field: Pick<Field, 'direction'>): boolean {
  return field.direction === 'in' || field.direction === 'inout';
}

/**
 * Every record that some op set names as a payload (`op.record`, or the type of its member
 * of the dispatch union), and every record those hold by value, by name.
 */
export function opPayloadRecords(model: Pick<AbiModel, 'records' | 'sets' | 'aliases'>): Set<string> {
  const records = new Map(model.records.map((r) => [r.name, r]));
  const aliases = new Map(model.aliases.map((a) => [a.name, a.type]));
  const found = new Set<string>();
  const add = (name: string | undefined): void => {
    const record = name === undefined ? undefined : records.get(name);
    if (!record || found.has(record.name)) return;
    found.add(record.name);
    for (const f of record.fields) add(heldRecord(f.type, aliases));
  };
  for (const set of model.sets) {
    if (set.kind !== 'ops') continue;
    const union = payloadUnion(set.dispatch, records, aliases);
    for (const o of set.ops ?? []) {
      add(o.record);
      const member = o.member === undefined ? undefined : union?.fields.find((f) => f.name === o.member);
      if (member) add(heldRecord(member.type, aliases));
    }
  }
  return found;
}

function payloadUnion(
  dispatch: { record: string; payloadField?: string } | undefined,
  records: Map<string, RecordDecl>,
  aliases: Map<string, TypeRef>,
): RecordDecl | undefined {
  if (!dispatch?.payloadField) return undefined;
  const field = records.get(dispatch.record)?.fields.find((f) => f.name === dispatch.payloadField);
  const name = field ? heldRecord(field.type, aliases) : undefined;
  return name === undefined ? undefined : records.get(name);
}

/** The record a type holds by value, through arrays and typedefs. */
function heldRecord(type: TypeRef, aliases: Map<string, TypeRef>, depth = 0): string | undefined {
  if (type.kind === 'record') return type.name;
  if (type.kind === 'array') return heldRecord(type.element, aliases, depth + 1);
  if (type.kind !== 'alias' || depth > 16) return undefined;
  const target = aliases.get(type.name);
  return target ? heldRecord(target, aliases, depth + 1) : undefined;
}
