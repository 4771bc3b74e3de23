import { describe, expect, it } from 'vitest';
import type { AliasDecl, ConstantSetDecl, Field, RecordDecl, TypeRef } from '../../src/model/types.js';
import { selectedUnions, unionSelectors } from '../../src/model/selectors.js';

const u32: TypeRef = { kind: 'scalar', name: 'uint32_t' };
const rec = (name: string): TypeRef => ({ kind: 'record', name });
const f = (name: string, type: TypeRef) => ({ name, type }) as Field;
const record = (name: string, kind: 'struct' | 'union', fields: Field[], extra: Partial<RecordDecl> = {}) => ({ name, kind, fields, ...extra }) as RecordDecl;

const union = record('fx_op.u', 'union', [f('a', u32), f('b', rec('fx_b'))]);
const b = record('fx_b', 'struct', [f('x', u32), f('y', u32)]);
const op = record('fx_op', 'struct', [f('version', u32), f('cmd', u32), f('u', rec('fx_op.u'))]);
const dispatch = {
  kind: 'ops',
  name: 'FX_cmd',
  dispatch: { record: 'fx_op', opField: 'cmd', payloadField: 'u' },
  ops: [
    { constant: 'FX_a1', member: 'a' },
    { constant: 'FX_a2', member: 'a' },
    { constant: 'FX_b', member: 'b', record: 'fx_b' },
  ],
} as ConstantSetDecl;

function lookup(records: RecordDecl[], sets: ConstantSetDecl[] = [], aliases: AliasDecl[] = []) {
  return { records: new Map(records.map((r) => [r.name, r])), aliases: new Map(aliases.map((a) => [a.name, a])), model: { sets } };
}

describe('unionSelectors', () => {
  it('derives a selector from an op set dispatching through the record, one arm per member with its ops', () => {
    expect(unionSelectors(lookup([op, union, b], [dispatch]), op)).toEqual([
      { union: 'u', by: 'cmd', arms: [{ member: 'a', values: ['FX_a1', 'FX_a2'] }, { member: 'b', values: ['FX_b'] }] },
    ]);
  });

  it('prefers a declared selector of the same union to the derived one', () => {
    const declared = { ...op, selectors: [{ union: 'u', by: 'version', arms: [{ member: 'a', otherwise: true }] }] } as RecordDecl;
    expect(unionSelectors(lookup([declared, union, b], [dispatch]), declared)).toEqual(declared.selectors);
  });
});

describe('selectedUnions', () => {
  it('is undefined while a union of the record has no selector, and lists them once each has', () => {
    expect(selectedUnions(lookup([op, union, b]), op)).toBeUndefined();
    expect(selectedUnions(lookup([op, union, b], [dispatch]), op)?.map((s) => s.union)).toEqual(['u']);
  });

  it('is undefined for a union held through a struct member, which no member of the record selects', () => {
    const holder = record('fx_holder', 'struct', [f('cmd', u32), f('op', rec('fx_op'))]);
    expect(selectedUnions(lookup([holder, op, union, b], [dispatch]), holder)).toBeUndefined();
  });
});
