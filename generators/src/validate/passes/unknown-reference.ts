/**
 * `unknown-reference`: every name the model uses resolves. Types, array length constants and
 * set members name declared items; a set's `field`, a dispatch's op and payload fields, an
 * op's union member and a growable record's version field name members that exist; an op's
 * union member carries the op's payload record.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { AbiModel, ConstantSetDecl, Field, RecordDecl } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { referencesOf, resolveTarget } from '../references.js';
import { error } from '../report.js';
import { directRecord, type ModelIndex, recordOf, scopesOf } from '../scope.js';

const RULE = 'unknown-reference';

const KIND_NAMES = { record: 'record', alias: 'typedef', constant: 'constant' } as const;

export const unknownReference: ValidationPass = {
  id: RULE,
  description: 'Every referenced item, set field, dispatch field, op member and version field exists.',
  run(model) {
    const { index } = scopesOf(model);
    const items = referencesOf(model)
      .filter((ref) => !resolveTarget(index, ref.target))
      .map((ref) => error(RULE, ref.loc, ref.item, `uses ${KIND_NAMES[ref.target.kind]} \`${ref.target.name}\` (${ref.role} ${ref.item}), which no module declares`));
    return [...items, ...model.sets.flatMap((s) => setMembers(s, index)), ...recordMembers(model, index)];
  },
};

function member(record: RecordDecl | undefined, name: string): Field | undefined {
  return record?.fields.find((f) => f.name === name);
}

function setMembers(set: ConstantSetDecl, index: ModelIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const fail = (item: string, message: string) => out.push(error(RULE, set.loc, item, message));
  if (set.field) {
    const dot = set.field.lastIndexOf('.');
    const record = dot > 0 ? index.records.get(set.field.slice(0, dot)) : undefined;
    if (dot <= 0) fail(set.name, `field ${JSON.stringify(set.field)} must be written \`record.member\``);
    else if (record && !member(record, set.field.slice(dot + 1))) fail(set.name, `field ${set.field}: ${record.name} has no member \`${set.field.slice(dot + 1)}\``);
  }
  const dispatch = set.dispatch;
  const dispatcher = dispatch && index.records.get(dispatch.record);
  let payload: RecordDecl | undefined;
  if (dispatch && dispatcher) {
    if (!member(dispatcher, dispatch.opField)) fail(set.name, `dispatch opField: ${dispatcher.name} has no member \`${dispatch.opField}\``);
    if (dispatch.payloadField !== undefined) {
      const field = member(dispatcher, dispatch.payloadField);
      payload = field ? index.records.get(directRecord(field.type) ?? '') : undefined;
      if (!field) fail(set.name, `dispatch payloadField: ${dispatcher.name} has no member \`${dispatch.payloadField}\``);
      else if (payload?.kind !== 'union') fail(set.name, `dispatch payloadField \`${dispatch.payloadField}\` of ${dispatcher.name} must be a union of the op payloads`);
    }
  }
  for (const op of set.ops ?? []) {
    if (op.member === undefined) continue;
    const item = `${set.name}.${op.constant}`;
    if (!dispatch?.payloadField) {
      fail(item, `op ${op.constant} names union member \`${op.member}\`, but the set has no dispatch payloadField to find it in`);
      continue;
    }
    if (!payload) continue;
    const carried = member(payload, op.member);
    if (!carried) {
      fail(item, `op ${op.constant}: the payload union ${payload.name} has no member \`${op.member}\``);
      continue;
    }
    const record = recordOf(carried.type, index);
    if (op.record && record && record !== op.record) {
      fail(item, `op ${op.constant}: member \`${op.member}\` of ${payload.name} holds ${record}, not the op's payload ${op.record}`);
    }
  }
  return out;
}

function recordMembers(model: AbiModel, index: ModelIndex): Diagnostic[] {
  return model.records.flatMap((r): Diagnostic[] => {
    const out: Diagnostic[] = [];
    if (r.growable && !member(r, r.growable.versionField)) {
      out.push(error(RULE, r.loc, r.name, `growable versionField: ${r.name} has no member \`${r.growable.versionField}\``));
    }
    if (r.parent && !index.records.has(r.parent)) out.push(error(RULE, r.loc, r.name, `parent record ${r.parent} is not declared`));
    return out;
  });
}
