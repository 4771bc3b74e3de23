import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { XEN_RELEASES } from '../../src/model/releases.js';
import type { AbiModel } from '../../src/model/types.js';
import { checkModelSchema } from '../../src/validate/schema.js';
import { field, model, struct, typedef, u8, u32 } from './model-builder.js';

function valid(): AbiModel {
  return model({
    aliases: [typedef('domid_t', { kind: 'scalar', name: 'uint16_t' })],
    records: [struct('s', [field('a', u32), field('b', u8, { bitWidth: 3 })])],
  });
}

describe('checkModelSchema', () => {
  it('accepts a valid model', () => {
    expect(checkModelSchema(valid())).toEqual([]);
  });

  it('reports a zero bit width at the field, with the rule, item path and limit', () => {
    const m = valid();
    m.records[0]!.fields[1]!.bitWidth = 0;
    const [d, ...rest] = checkModelSchema(m);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', rule: 'schema', item: 's.b', loc: m.records[0]!.fields[1]!.loc });
    expect(d!.message).toBe('bitWidth is 0; it must be >= 1');
  });

  it('names an unknown release and the known range', () => {
    const m = valid();
    m.aliases[0]!.since = '4.99';
    const [d] = checkModelSchema(m);
    expect(d).toMatchObject({ item: 'domid_t', loc: m.aliases[0]!.loc });
    expect(d!.message).toBe(`since "4.99" is not a Xen release xenabi knows (${XEN_RELEASES[0]} to ${XEN_RELEASES.at(-1)})`);
  });

  it('reports one error for a type of an unknown kind, not one per union member', () => {
    const m = valid();
    (m.records[0]!.fields[0] as { type: unknown }).type = { kind: 'arrey', element: u8, length: 2 };
    const ds = checkModelSchema(m);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toMatch(/^type has kind "arrey", which is not one of scalar, archScalar, alias, record, handle, array, pointer$/);
  });

  it('reports the nested property inside a type', () => {
    const m = valid();
    (m.records[0]!.fields[0] as { type: unknown }).type = { kind: 'array', element: { kind: 'scalar', name: 'u9' }, length: 2 };
    const [d] = checkModelSchema(m);
    expect(d!.item).toBe('s.a');
    expect(d!.message).toContain('type.element.name "u9" must be one of');
  });

  it('reports unknown and missing properties', () => {
    const m = valid();
    (m.records[0] as unknown as Record<string, unknown>).colour = 'red';
    delete (m.aliases[0] as Partial<typeof m.aliases[0]>).type;
    const messages = checkModelSchema(m).map((d) => `${d.item}: ${d.message}`);
    expect(messages).toContain('s: the value has a property the model does not know: `colour`');
    expect(messages).toContain('domid_t: the value is missing the required property `type`');
  });

  it('falls back to the module location when the item has none', () => {
    const m = valid();
    delete (m.records[0] as Partial<typeof m.records[0]>).loc;
    const ds = checkModelSchema(m);
    expect(ds[0]).toMatchObject({ item: 's', loc: m.modules[0]!.loc });
  });

  it('reports a bad identifier', () => {
    const m = valid();
    m.records[0]!.fields[0]!.name = 'two words';
    expect(checkModelSchema(m)[0]!.message).toContain('name "two words" is not a valid C identifier');
  });
});

describe('the committed schema', () => {
  const schema = JSON.parse(readFileSync(new URL('../../schema/model.schema.json', import.meta.url), 'utf8')) as {
    definitions: Record<string, { properties?: Record<string, { pattern?: string }> }>;
  };

  it('accepts exactly the releases the model knows', () => {
    const pattern = new RegExp(schema.definitions.RecordDecl!.properties!.since!.pattern!, 'u');
    const candidates = [...Array.from({ length: 100 }, (_, i) => `4.${i}`), '3.4', '5.0', '5.1', '4.06', ' 4.6'];
    expect(candidates.filter((c) => pattern.test(c))).toEqual([...XEN_RELEASES]);
  });
});
